import type { Database } from 'better-sqlite3';
import type { Platform, VolumeBucket } from '../../../shared/model';

export const MINUTE = 60_000;

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
    const rows = this.db
      .prepare(
        `SELECT (minute / @size) * @size AS at, platform, SUM(count) AS n, SUM(reach) AS reach
         FROM rollup_minute WHERE minute >= @start AND minute < @to GROUP BY at, platform`,
      )
      .all({ size, start, to }) as { at: number; platform: Platform; n: number; reach: number }[];
    const buckets = new Map<number, VolumeBucket>();
    for (let at = start; at < to; at += size) buckets.set(at, { at, total: 0, reach: 0, byPlatform: {} });
    const platforms = new Set<Platform>();
    for (const r of rows) {
      const b = buckets.get(r.at);
      if (!b) continue;
      b.total += r.n;
      b.reach += r.reach;
      b.byPlatform[r.platform] = (b.byPlatform[r.platform] ?? 0) + r.n;
      platforms.add(r.platform);
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
