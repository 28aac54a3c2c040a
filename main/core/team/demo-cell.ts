// A small crisis cell for the demo, so the team board is alive from the first start: five members
// with French names, staggered shifts (one owes a break, one just had one, one is off duty).
import { HOUR, MINUTE } from './format';
import type { TeamRole } from './load-score';
import type { TimerEvent } from './rest-timer';

export interface DemoMember {
  displayName: string;
  signature: string;
  usualRole: TeamRole;
  services: string[];
  isLocal: boolean;
  /** Timer history relative to the seeding time (negative offsets, ms). */
  history: (now: number) => TimerEvent[];
}

export const DEMO_CELL: readonly DemoMember[] = [
  {
    displayName: 'Claire Dubois',
    signature: 'Claire',
    usualRole: 'lead',
    services: ['direction', 'juridique'],
    isLocal: true,
    history: (now) => [
      { type: 'start_duty', at: now - 40 * MINUTE },
      { type: 'start_break', at: now - 26 * MINUTE, kind: 'micro' },
      { type: 'end_break', at: now - 25 * MINUTE },
      // The local member is back at the keyboard as the demo opens: her first input must not read
      // as minutes of idle time (a natural break she never took).
      { type: 'start_break', at: now - MINUTE, kind: 'micro' },
      { type: 'end_break', at: now },
    ],
  },
  {
    displayName: 'Karim Benali',
    signature: 'Karim',
    usualRole: 'comms',
    services: ['service_client'],
    isLocal: false,
    history: (now) => [
      { type: 'start_duty', at: now - 53 * MINUTE },
      { type: 'start_break', at: now - 38 * MINUTE, kind: 'micro' },
      { type: 'end_break', at: now - 37 * MINUTE },
      { type: 'start_break', at: now - 15 * MINUTE, kind: 'micro' },
      { type: 'end_break', at: now - 14 * MINUTE },
    ],
  },
  {
    displayName: 'Sophie Lefèvre',
    signature: 'Sophie',
    usualRole: 'signatory',
    services: ['service_client', 'produit'],
    isLocal: false,
    history: (now) => [{ type: 'start_duty', at: now - 12 * MINUTE }],
  },
  {
    displayName: 'Thomas Moreau',
    signature: 'Thomas',
    usualRole: 'analyst',
    services: ['produit', 'securite'],
    isLocal: false,
    history: (now) => [
      { type: 'start_duty', at: now - 80 * MINUTE },
      { type: 'start_break', at: now - 22 * MINUTE, kind: 'rest' },
      { type: 'end_break', at: now - 11 * MINUTE },
    ],
  },
  {
    displayName: 'Inès Garnier',
    signature: 'Inès',
    usualRole: 'scribe',
    services: ['rh'],
    isLocal: false,
    history: (now) => [
      { type: 'start_duty', at: now - 5 * HOUR },
      { type: 'end_duty', at: now - 2 * HOUR },
    ],
  },
];
