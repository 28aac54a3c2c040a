// Which slice of time the volume chart shows, and how coarse its buckets are.

export const WINDOWS = ['15m', '1h', '6h', '24h', 'all'] as const;
export type TimelineWindow = (typeof WINDOWS)[number];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const FIXED: Record<Exclude<TimelineWindow, 'all'>, { span: number; bucketMinutes: number }> = {
  '15m': { span: 15 * MINUTE, bucketMinutes: 1 },
  '1h': { span: HOUR, bucketMinutes: 1 },
  '6h': { span: 6 * HOUR, bucketMinutes: 5 },
  '24h': { span: 24 * HOUR, bucketMinutes: 15 },
};

/** Bucket sizes that read well on an axis, smallest first. */
const NICE_BUCKETS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440];
/**
 * "all" stays well under the ~300-bucket budget: about 150 bars keep each one a few pixels wide on a
 * laptop screen, so the shape of the storm reads at a glance instead of as a barcode.
 */
export const MAX_BUCKETS = 150;

export interface VolumeRange {
  from: number;
  /** Exclusive; the end of the bucket holding the clock, so the current bucket is shown. */
  to: number;
  bucketMinutes: number;
}

/** The smallest nice bucket keeping the span within MAX_BUCKETS. */
export function autoBucketMinutes(spanMs: number): number {
  for (const b of NICE_BUCKETS) if (spanMs / (b * MINUTE) <= MAX_BUCKETS) return b;
  return NICE_BUCKETS[NICE_BUCKETS.length - 1]!;
}

/**
 * The range to ask `timeline.volume` for: the window ends at the incident clock (simulated time during
 * the demo replay), so the chart grows live. "all" starts at the incident's opening.
 */
export function rangeFor(window: TimelineWindow, clock: number, openedAt: number): VolumeRange {
  if (window === 'all') {
    const start = Math.min(openedAt, clock - HOUR);
    const bucketMinutes = autoBucketMinutes(clock - start);
    const size = bucketMinutes * MINUTE;
    const to = Math.floor(clock / size) * size + size;
    return { from: Math.floor(start / size) * size, to, bucketMinutes };
  }
  const { span, bucketMinutes } = FIXED[window];
  const size = bucketMinutes * MINUTE;
  const to = Math.floor(clock / size) * size + size;
  return { from: to - span, to, bucketMinutes };
}

/** Axis ticks on round times: about `target` of them, aligned to a nice step. */
export function timeTicks(from: number, to: number, target = 7): number[] {
  const steps = [5, 10, 15, 30, 60, 120, 180, 240, 360, 720, 1440].map((m) => m * MINUTE);
  const step = steps.find((s) => (to - from) / s <= target) ?? steps[steps.length - 1]!;
  // Align to the local clock (time zone offset), so "14:00" ticks land on the hour.
  const offset = new Date(from).getTimezoneOffset() * MINUTE;
  const ticks: number[] = [];
  for (let t = Math.ceil((from - offset) / step) * step + offset; t < to; t += step) ticks.push(t);
  return ticks;
}
