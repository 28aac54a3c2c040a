import type { Database } from 'better-sqlite3';
import type { Platform, VolumeBucket } from '../../../shared/model';
import { SENTIMENT_NEUTRAL_BAND as BAND, TOXIC_THRESHOLD as TOXIC } from '../../../shared/thresholds';

export const MINUTE = 60_000;
/** Analysis sums every volume bucket carries (migration 0007), in the order the query reads them. */
const SUMMED = ['neg', 'neu', 'pos', 'toxic', 'crisis', 'aimed', 'ratingSum', 'ratingCount'] as const;

export class RollupsRepo {
  constructor(private readonly db: Database) {}

  /** Volume per bucket between from (inclusive) and to (exclusive), every bucket present. */
  volume(
    from: number,
    to: number,
    bucketMinutes: number,
  ): { buckets: VolumeBucket[]; platforms: Platform[] } {
    const size = bucketMinutes * MINUTE;
    const start = Math.floor(from / size) * size;
    // The coarsest stored level that divides the bucket: fewer rows to read on long windows.
    const level = [60, 15].find((l) => bucketMinutes % l === 0);
    // Two narrow grouped reads (sums per bucket, counts per bucket and platform) instead of one wide
    // one: at 1M mentions most of a whole-history window's cost is handing rows over to JavaScript.
    const [table, time, where] = level
      ? ['rollup_coarse', 'bucket', `level = ${level} AND bucket >= @start AND bucket < @to`]
      : ['rollup_minute', 'minute', 'minute >= @start AND minute < @to'];
    const bucketOf = `CAST(${time} / @size AS INTEGER) * @size`;
    const args = { size, start, to };
    const sums = this.db
      .prepare(
        `SELECT ${bucketOf} AS at, SUM(count), SUM(reach), SUM(neg), SUM(neu), SUM(pos), SUM(toxic), SUM(crisis),
           SUM(aimed), SUM(rating_sum), SUM(rating_count) FROM ${table} WHERE ${where} GROUP BY 1`,
      )
      .raw()
      .all(args) as number[][];
    const perPlatform = this.db
      .prepare(`SELECT ${bucketOf} AS at, platform, SUM(count) FROM ${table} WHERE ${where} GROUP BY 1, 2`)
      .raw()
      .all(args) as [number, Platform, number][];
    const buckets = new Map<number, VolumeBucket>();
    for (let at = start; at < to; at += size) {
      buckets.set(at, {
        at,
        total: 0,
        reach: 0,
        byPlatform: {},
        neg: 0,
        neu: 0,
        pos: 0,
        toxic: 0,
        crisis: 0,
        aimed: 0,
        ratingSum: 0,
        ratingCount: 0,
      });
    }
    const platforms = new Set<Platform>();
    for (const r of sums) {
      const b = buckets.get(r[0]!);
      if (!b) continue;
      b.total = r[1]!;
      b.reach = r[2]!;
      for (let k = 0; k < SUMMED.length; k++) b[SUMMED[k]!] = r[3 + k]!;
    }
    for (const [bucketAt, platform, n] of perPlatform) {
      const b = buckets.get(bucketAt);
      if (!b) continue;
      b.byPlatform[platform] = n;
      platforms.add(platform);
    }
    return { buckets: [...buckets.values()], platforms: [...platforms].sort() };
  }

  countBetween(from: number, to: number): { count: number; reach: number } {
    const row = this.db
      .prepare(
        'SELECT COALESCE(SUM(count),0) AS count, COALESCE(SUM(reach),0) AS reach FROM rollup_minute WHERE minute >= ? AND minute < ?',
      )
      .get(from, to) as { count: number; reach: number };
    return row;
  }

  totals(): { count: number; reach: number } {
    return this.db
      .prepare('SELECT COALESCE(SUM(count),0) AS count, COALESCE(SUM(reach),0) AS reach FROM rollup_minute')
      .get() as { count: number; reach: number };
  }
}

/**
 * Rollups are derived data: after bulk deletes, recompute them from the mentions table, with the
 * bands the ingest uses (plain numeric constants, so writing them into the SQL is safe).
 */
export function rebuildRollups(db: Database): void {
  db.exec(`
    DELETE FROM rollup_minute;
    INSERT INTO rollup_minute(minute, platform, count, neg, neu, pos, toxic, reach, crisis, aimed, rating_sum, rating_count)
    SELECT (created_at / 60000) * 60000, platform, COUNT(*),
      COALESCE(SUM(sentiment < -${BAND}), 0), COALESCE(SUM(sentiment BETWEEN -${BAND} AND ${BAND}), 0),
      COALESCE(SUM(sentiment > ${BAND}), 0), COALESCE(SUM(toxicity >= ${TOXIC}), 0), SUM(reach),
      COUNT(crisis_terms), COALESCE(SUM(aimed_at = 'person' AND toxicity >= ${TOXIC}), 0),
      COALESCE(SUM(rating), 0), COUNT(rating)
    FROM mentions GROUP BY 1, 2;
    DELETE FROM rollup_coarse;`);
  for (const level of [15, 60]) {
    db.prepare(
      `INSERT INTO rollup_coarse(level, bucket, platform, count, neg, neu, pos, toxic, reach, crisis, aimed, rating_sum, rating_count)
       SELECT ?, CAST(minute / ? AS INTEGER) * ?, platform, SUM(count), SUM(neg), SUM(neu), SUM(pos), SUM(toxic), SUM(reach),
         SUM(crisis), SUM(aimed), SUM(rating_sum), SUM(rating_count)
       FROM rollup_minute GROUP BY 2, 3`,
    ).run(level, level * 60_000, level * 60_000);
  }
}
