// Shared by the protection case tests: the playbook, a targeted person, a case opened at T.
import { VigieError } from '../../../main/core/errors';
import { loadProtectionPlaybook } from '../../../main/core/team/playbook';
import {
  openCase,
  type MinuteCount,
  type OpenCaseInput,
  type ProtectionCase,
} from '../../../main/core/team/protection-case';
import { RESOURCES } from '../../helpers/tmp';

export const MIN = 60_000;
export const H = 60 * MIN;
export const T = Date.UTC(2025, 2, 10, 12, 0, 0);
export const playbook = loadProtectionPlaybook(RESOURCES);

export const person = {
  name: 'Hélène Durand',
  kind: 'journalist' as const,
  handles: [
    { platform: 'x', handle: '@hdurand' },
    { platform: 'bluesky', handle: 'hdurand.bsky.social' },
  ],
};

/** 3 mentions in every hour of the week before T: baseline 3/h. */
export const weekAt3: MinuteCount[] = Array.from({ length: 168 }, (_, h) => ({
  minute: T - (h + 1) * H + 5 * MIN,
  count: 3,
}));

export function open(over: Partial<OpenCaseInput> = {}): ProtectionCase {
  return openCase({
    id: 'case-1',
    incidentId: 'inc-1',
    person,
    openedAt: T,
    openedBy: 'Claire',
    playbook,
    baselineCounts: weekAt3,
    ...over,
  });
}

export function perMinute(from: number, to: number, count = 1): MinuteCount[] {
  const out: MinuteCount[] = [];
  for (let m = from; m < to; m += MIN) out.push({ minute: m, count });
  return out;
}

export function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof VigieError) return err.code;
    throw err;
  }
  return undefined;
}
