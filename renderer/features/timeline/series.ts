// The series of the timeline chart: volume stacked by sentiment, toxic and crisis-word counts, and
// the average star rating of reviews when there are any.
import type { VolumeBucket } from '../../../shared/model';

export const SENTIMENT_SERIES = ['neg', 'neu', 'pos'] as const;
export const SERIES_COLORS = {
  neg: '#e8596b',
  neu: '#5d6c86',
  pos: '#34c495',
  toxic: '#c58bff',
  crisis: '#f5b642',
  rating: '#5aa7ff',
} as const;

export interface ChartRow {
  at: number;
  total: number;
  neg: number;
  neu: number;
  pos: number;
  toxic: number;
  crisis: number;
  aimed: number;
  /** Average star rating in the bucket, null without reviews (the line then has a gap). */
  rating: number | null;
  byPlatform: Record<string, number>;
}

export function toRows(buckets: readonly VolumeBucket[]): ChartRow[] {
  return buckets.map((b) => ({
    at: b.at,
    total: b.total,
    // Mentions stored before the analysis ran count as neutral, so the stack adds up to the total.
    neg: b.neg,
    neu: b.neu + Math.max(0, b.total - b.neg - b.neu - b.pos),
    pos: b.pos,
    toxic: b.toxic,
    crisis: b.crisis,
    aimed: b.aimed,
    rating: b.ratingCount > 0 ? Math.round((b.ratingSum / b.ratingCount) * 10) / 10 : null,
    byPlatform: b.byPlatform,
  }));
}

/** Index of the bucket holding `at` (clamped to the rows). */
export function indexAt(rows: readonly { at: number }[], at: number, bucketMs: number): number {
  if (rows.length === 0) return 0;
  const i = Math.floor((at - rows[0]!.at) / bucketMs);
  return Math.max(0, Math.min(rows.length - 1, i));
}
