// A batch's contribution to the timeline rollups: summed per (minute, platform) in memory, then
// written once per bucket (minute, 15 minutes, hour) inside the batch's transaction. Positional
// parameters: binding twelve named values costs a property lookup each, once per bucket.
import type { Database, Statement } from 'better-sqlite3';
import { SENTIMENT_NEUTRAL_BAND as NEUTRAL_BAND, TOXIC_THRESHOLD } from '../../../shared/thresholds';
import { MINUTE } from '../store/rollups-repo';

export const COARSE_LEVELS = [15, 60] as const;

/** What one stored mention adds to its minute. */
export interface RollupInput {
  createdAt: number;
  platform: string;
  reach: number;
  sentiment: number;
  toxicity: number;
  crisis: boolean;
  aimedAtPerson: boolean;
  rating: number | null;
}

/** count, neg, neu, pos, toxic, reach, crisis, aimed, rating_sum, rating_count. */
const SUMS = 10;

interface Delta {
  bucket: number;
  platform: string;
  sums: Float64Array;
}

const SET_SUMS = `count = count + excluded.count, neg = neg + excluded.neg,
  neu = neu + excluded.neu, pos = pos + excluded.pos, toxic = toxic + excluded.toxic,
  reach = reach + excluded.reach, crisis = crisis + excluded.crisis, aimed = aimed + excluded.aimed,
  rating_sum = rating_sum + excluded.rating_sum, rating_count = rating_count + excluded.rating_count`;
const COLUMNS = 'count, neg, neu, pos, toxic, reach, crisis, aimed, rating_sum, rating_count';

export class RollupWriter {
  private readonly minute: Statement;
  private readonly coarse: Statement;

  constructor(db: Database) {
    this.minute = db.prepare(`
      INSERT INTO rollup_minute(minute, platform, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(minute, platform) DO UPDATE SET ${SET_SUMS}`);
    this.coarse = db.prepare(`
      INSERT INTO rollup_coarse(level, bucket, platform, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(level, bucket, platform) DO UPDATE SET ${SET_SUMS}`);
  }

  /** Writes a batch's deltas (call inside the batch's transaction). */
  write(deltas: RollupDeltas): void {
    for (const d of deltas.minutes()) this.minute.run(d.bucket, d.platform, ...d.sums);
    for (const level of COARSE_LEVELS) {
      for (const d of deltas.coarse(level)) this.coarse.run(level, d.bucket, d.platform, ...d.sums);
    }
  }
}

/** Sums for one batch. */
export class RollupDeltas {
  private readonly byMinute = new Map<string, Delta>();

  add(m: RollupInput): void {
    const bucket = Math.floor(m.createdAt / MINUTE) * MINUTE;
    const key = `${bucket}|${m.platform}`;
    let d = this.byMinute.get(key);
    if (!d) {
      d = { bucket, platform: m.platform, sums: new Float64Array(SUMS) };
      this.byMinute.set(key, d);
    }
    const s = d.sums;
    s[0]!++;
    if (m.sentiment < -NEUTRAL_BAND) s[1]!++;
    else if (m.sentiment > NEUTRAL_BAND) s[3]!++;
    else s[2]!++;
    const toxic = m.toxicity >= TOXIC_THRESHOLD;
    if (toxic) s[4]!++;
    s[5]! += m.reach;
    if (m.crisis) s[6]!++;
    if (toxic && m.aimedAtPerson) s[7]!++;
    if (m.rating != null) {
      s[8]! += m.rating;
      s[9]!++;
    }
  }

  get size(): number {
    return this.byMinute.size;
  }

  minutes(): Iterable<Delta> {
    return this.byMinute.values();
  }

  /** Minute sums added up into buckets of `level` minutes. */
  coarse(level: number): Iterable<Delta> {
    const size = level * MINUTE;
    const out = new Map<string, Delta>();
    for (const d of this.byMinute.values()) {
      const bucket = Math.floor(d.bucket / size) * size;
      const key = `${bucket}|${d.platform}`;
      const c = out.get(key);
      if (!c) out.set(key, { bucket, platform: d.platform, sums: d.sums.slice() });
      else for (let i = 0; i < SUMS; i++) c.sums[i]! += d.sums[i]!;
    }
    return out.values();
  }
}
