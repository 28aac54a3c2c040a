// What the load score works on and how it is tuned: roles, exposures, bands and the LoadConfig defaults.
import { HOUR, MINUTE } from './format';

export const TEAM_ROLES = ['lead', 'comms', 'scribe', 'signatory', 'liaison', 'analyst'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const EXPOSURE_TARGETS = ['self', 'colleague', 'other'] as const;
export type ExposureTarget = (typeof EXPOSURE_TARGETS)[number];
export const EXPOSURE_ACTIONS = ['opened', 'handled'] as const;
export type ExposureAction = (typeof EXPOSURE_ACTIONS)[number];

export interface Exposure {
  at: number;
  /** 0..1, null when unknown. */
  toxicity: number | null;
  /** Whom the abuse targets: the member themself, a colleague, or someone/something else. */
  target: ExposureTarget;
  action: ExposureAction;
}

export const LOAD_BANDS = ['ok', 'watch', 'high', 'critical'] as const;
export type LoadBand = (typeof LOAD_BANDS)[number];

export interface LoadConfig {
  weights: { duty: number; sinceBreak: number; exposure: number; tlx: number };
  dutyRefMs: number;
  sinceBreakRefMs: number;
  exposure: {
    windowMs: number;
    halfLifeMs: number;
    volumeWeight: number;
    defaultToxicity: number;
    target: Record<ExposureTarget, number>;
    action: Record<ExposureAction, number>;
    refUnits: number;
  };
  tlxMaxAgeMs: number;
  roleWeights: Record<TeamRole, number>;
  bands: { watch: number; high: number; critical: number };
  rotateAt: number;
  /** Rotation when this many mentions aimed at the member, with toxicity ≥ `targetedToxicity`. */
  targetedRotateCount: number;
  targetedToxicity: number;
}

export const DEFAULT_LOAD_CONFIG: LoadConfig = {
  weights: { duty: 0.2, sinceBreak: 0.2, exposure: 0.35, tlx: 0.25 },
  dutyRefMs: 2 * HOUR,
  sinceBreakRefMs: 90 * MINUTE,
  exposure: {
    windowMs: 4 * HOUR,
    halfLifeMs: HOUR,
    volumeWeight: 0.1,
    defaultToxicity: 0.3,
    target: { self: 3, colleague: 1.5, other: 1 },
    action: { opened: 1, handled: 1.5 },
    refUnits: 12,
  },
  tlxMaxAgeMs: 3 * HOUR,
  roleWeights: { lead: 1.25, comms: 1.2, signatory: 1.1, scribe: 1, liaison: 1, analyst: 1 },
  bands: { watch: 35, high: 55, critical: 75 },
  rotateAt: 65,
  targetedRotateCount: 5,
  targetedToxicity: 0.5,
};
