// The person's normal mention rate: computed from the week before the case, or set by hand.
import { VigieError } from '../errors';
import { HOUR } from './format';
import {
  DEFAULT_WATCH_CONFIG,
  type Actor,
  type Baseline,
  type MinuteCount,
  type ProtectionCase,
  type WatchConfig,
} from './protection-case-model';
import { clone, floorMinute, push, withNote } from './protection-case-journal';

/**
 * Median hourly count over `baselineWindowMs` before `before`, hours without data counting as 0,
 * floored at `baselineFloorPerHour`. Hours are counted back from `before` (floored to the minute).
 */
export function computeBaseline(
  counts: readonly MinuteCount[],
  before: number,
  config: WatchConfig = DEFAULT_WATCH_CONFIG,
): Baseline {
  const windowEnd = floorMinute(before);
  const hours = Math.max(1, Math.floor(config.baselineWindowMs / HOUR));
  const windowStart = windowEnd - hours * HOUR;
  const buckets = new Array<number>(hours).fill(0);
  for (const c of counts) {
    const m = floorMinute(c.minute);
    if (m < windowStart || m >= windowEnd) continue;
    const i = Math.floor((m - windowStart) / HOUR);
    buckets[i] = (buckets[i] ?? 0) + Math.max(0, c.count);
  }
  const sorted = [...buckets].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return {
    perHour: Math.max(median, config.baselineFloorPerHour),
    medianPerHour: median,
    floorPerHour: config.baselineFloorPerHour,
    hours,
    nonZeroHours: buckets.filter((b) => b > 0).length,
    windowStart,
    windowEnd,
    source: 'computed',
  };
}

/** Recomputes the baseline from counts (e.g. once older mentions were imported). */
export function setBaseline(
  c0: ProtectionCase,
  counts: readonly MinuteCount[],
  actor: Actor,
): ProtectionCase {
  const c = clone(c0);
  c.watch.baseline = computeBaseline(counts, c.openedAt, c.watch.config);
  logBaseline(c, actor.at, actor.by);
  return c;
}

/** A human knows better: sets the baseline by hand (still never below 0). */
export function overrideBaseline(c0: ProtectionCase, perHour: number, actor: Actor): ProtectionCase {
  if (!(perHour >= 0) || !Number.isFinite(perHour))
    throw new VigieError('invalid_baseline', 'The baseline must be a rate of 0 or more per hour.');
  const c = clone(c0);
  c.watch.baseline = { ...c.watch.baseline, perHour, source: 'manual' };
  logBaseline(c, actor.at, actor.by, actor.note);
  return c;
}

export function logBaseline(c: ProtectionCase, at: number, by: string | null, note?: string | null): void {
  const b = c.watch.baseline;
  const rate = (n: number) => (Math.round(n * 10) / 10).toString();
  const fr =
    b.source === 'manual'
      ? `Rythme habituel fixé à la main : ${rate(b.perHour)} mentions/h.`
      : `Rythme habituel : ${rate(b.perHour)} mentions/h (médiane ${rate(b.medianPerHour)}/h sur ${b.hours} h, plancher ${rate(b.floorPerHour)}/h).`;
  const en =
    b.source === 'manual'
      ? `Normal rate set by hand: ${rate(b.perHour)} mentions/h.`
      : `Normal rate: ${rate(b.perHour)} mentions/h (median ${rate(b.medianPerHour)}/h over ${b.hours} h, floor ${rate(b.floorPerHour)}/h).`;
  push(c, at, 'baseline_set', by, withNote({ fr, en }, note), { ...b });
}
