// Rest-timer settings: the two break kinds, durations and limits, defaults and merging (zod).
import { z } from 'zod';
import { HOUR, MINUTE } from './format';

export const BREAK_KINDS = ['micro', 'rest'] as const;
export type BreakKind = (typeof BREAK_KINDS)[number];

const ms = z.number().int().nonnegative();
const positiveMs = z.number().int().positive();

export const breakConfigSchema = z.object({
  enabled: z.boolean(),
  /** Working time between two breaks of this kind. */
  intervalMs: positiveMs,
  /** Length of the break. */
  durationMs: positiveMs,
  /** Lead time of the warning before the break is due. */
  warnBeforeMs: ms,
  /** Grace after the due time before the break is overdue (the lead is told). */
  overdueAfterMs: ms,
  /** Postpones allowed per break. */
  maxPostpones: z.number().int().nonnegative(),
  /** Longest single postpone. */
  postponeMaxMs: ms,
});
export type BreakConfig = z.infer<typeof breakConfigSchema>;

export const restTimerConfigSchema = z.object({
  micro: breakConfigSchema,
  rest: breakConfigSchema,
  maxContinuousDutyMs: positiveMs,
  dailyLimitMs: positiveMs,
  /** Off duty at least this long starts a new stint (continuous duty back to 0). */
  stintResetAfterMs: positiveMs,
  /** Off duty at least this long starts a new duty day (daily count back to 0). */
  dailyResetAfterMs: positiveMs,
  /** Fraction of a break's duration that must be taken for it to count. */
  creditRatio: z.number().gt(0).max(1),
  /** Longest expected gap between two `activity` events while the user is active. */
  activityGranularityMs: ms,
  /** Cell-wide strict mode: no postpone, no skip. */
  strict: z.boolean(),
});
export type RestTimerConfig = z.infer<typeof restTimerConfigSchema>;

export const DEFAULT_TIMER_CONFIG: RestTimerConfig = {
  micro: {
    enabled: true,
    intervalMs: 15 * MINUTE,
    durationMs: 20_000,
    warnBeforeMs: 30_000,
    overdueAfterMs: 2 * MINUTE,
    maxPostpones: 2,
    postponeMaxMs: 2 * MINUTE,
  },
  rest: {
    enabled: true,
    intervalMs: 50 * MINUTE,
    durationMs: 10 * MINUTE,
    warnBeforeMs: 2 * MINUTE,
    overdueAfterMs: 5 * MINUTE,
    maxPostpones: 2,
    postponeMaxMs: 5 * MINUTE,
  },
  maxContinuousDutyMs: 2 * HOUR,
  dailyLimitMs: 8 * HOUR,
  stintResetAfterMs: 30 * MINUTE,
  dailyResetAfterMs: 11 * HOUR,
  creditRatio: 0.9,
  activityGranularityMs: 5_000,
  strict: false,
};

/** Merges a partial (e.g. a cell's settings) over the defaults and validates the result. */
export function timerConfig(partial: DeepPartial<RestTimerConfig> = {}): RestTimerConfig {
  return restTimerConfigSchema.parse({
    ...DEFAULT_TIMER_CONFIG,
    ...partial,
    micro: { ...DEFAULT_TIMER_CONFIG.micro, ...partial.micro },
    rest: { ...DEFAULT_TIMER_CONFIG.rest, ...partial.rest },
  });
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? Partial<T[K]> : T[K] };
