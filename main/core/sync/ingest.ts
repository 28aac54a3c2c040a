import type { Database, Statement } from 'better-sqlite3';
import type { Platform } from '../../../shared/model';
import { MINUTE } from '../store/rollups-repo';
import { SourcesRepo } from '../store/sources-repo';
import type { ParseResult, Quarantined, ShareRecord } from './types';

/** A normalized mention ready to store (what every source adapter produces). */
export interface NewMention {
  id: string;
  platform: Platform;
  externalId: string;
  url: string | null;
  authorHandle: string;
  authorName: string | null;
  authorFollowers: number | null;
  text: string;
  lang: string | null;
  createdAt: number;
  likes: number;
  shares: number;
  replies: number;
  reach?: number;
  rating: number | null;
  sentiment?: number | null;
  toxicity?: number | null;
}

export interface IngestResult {
  inserted: string[];
  duplicates: number;
  /** Reposts seen for the first time (counted on their original). */
  shares: number;
  quarantined: number;
}

interface RollupDelta {
  minute: number;
  platform: string;
  count: number;
  neg: number;
  neu: number;
  pos: number;
  toxic: number;
  reach: number;
}

const NEUTRAL_BAND = 0.05;
const TOXIC_THRESHOLD = 0.5;

/**
 * Stores batches in one transaction each: mentions (deduplicated by id), their FTS rows, the minute
 * rollups and the source cursor move together, so a crash at any instant loses or doubles nothing.
 */
export class Ingestor {
  private readonly insertMention: Statement;
  private readonly insertFts: Statement;
  private readonly upsertRollup: Statement;
  private readonly upsertCoarse: Statement;
  private readonly refreshMetrics: Statement;
  private readonly insertShare: Statement;
  private readonly countShares: Statement;
  private readonly insertQuarantine: Statement;
  private readonly sources: SourcesRepo;
  private readonly runBatch: (result: ParseResult, sourceId: string | null, cursor?: string) => IngestResult;

  constructor(
    db: Database,
    private readonly now: () => number = Date.now,
  ) {
    this.sources = new SourcesRepo(db);
    // Positional parameters: binding by name costs a lookup per column on the hot path.
    this.insertMention = db.prepare(`
      INSERT INTO mentions(id, platform, external_id, url, author_handle, author_name, author_followers, text,
        lang, created_at, fetched_at, likes, shares, replies, reach, rating, sentiment, toxicity, source_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(id) DO NOTHING`);
    this.insertFts = db.prepare(
      'INSERT INTO mentions_fts(rowid, text, author_handle, author_name) VALUES (?, ?, ?, ?)',
    );
    this.upsertRollup = db.prepare(`
      INSERT INTO rollup_minute(minute, platform, count, neg, neu, pos, toxic, reach)
      VALUES (@minute, @platform, @count, @neg, @neu, @pos, @toxic, @reach)
      ON CONFLICT(minute, platform) DO UPDATE SET count = count + excluded.count, neg = neg + excluded.neg,
        neu = neu + excluded.neu, pos = pos + excluded.pos, toxic = toxic + excluded.toxic,
        reach = reach + excluded.reach`);
    this.upsertCoarse = db.prepare(`
      INSERT INTO rollup_coarse(level, bucket, platform, count, neg, neu, pos, toxic, reach)
      VALUES (@level, @bucket, @platform, @count, @neg, @neu, @pos, @toxic, @reach)
      ON CONFLICT(level, bucket, platform) DO UPDATE SET count = count + excluded.count, neg = neg + excluded.neg,
        neu = neu + excluded.neu, pos = pos + excluded.pos, toxic = toxic + excluded.toxic,
        reach = reach + excluded.reach`);
    // A post seen again keeps its text; only its public counters move (they only grow).
    this.refreshMetrics = db.prepare(`
      UPDATE mentions SET likes = MAX(likes, @likes), shares = MAX(shares, @shares), replies = MAX(replies, @replies)
      WHERE id = @id AND (likes < @likes OR shares < @shares OR replies < @replies)`);
    this.insertShare = db.prepare(
      'INSERT INTO mention_shares(id, original_id, created_at) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING',
    );
    this.countShares = db.prepare(`
      UPDATE mentions SET shares = MAX(shares, (SELECT COUNT(*) FROM mention_shares WHERE original_id = @id))
      WHERE id = @id`);
    this.insertQuarantine = db.prepare(
      'INSERT INTO quarantine(source_id, at, reason, raw_excerpt) VALUES (?, ?, ?, ?)',
    );
    this.runBatch = db.transaction((result: ParseResult, sourceId: string | null, cursor?: string) =>
      this.store(result, sourceId, cursor),
    );
  }

  private readonly listeners = new Set<(ids: readonly string[]) => void>();

  ingest(batch: NewMention[], sourceId: string | null = null, cursor?: string): IngestResult {
    return this.ingestResult({ mentions: batch, shares: [], quarantined: [] }, sourceId, cursor);
  }

  /** One parsed page or file chunk: mentions, shares and quarantined records in one transaction. */
  ingestResult(result: ParseResult, sourceId: string | null = null, cursor?: string): IngestResult {
    const outcome = this.runBatch(result, sourceId, cursor);
    if (outcome.inserted.length > 0) for (const listener of this.listeners) listener(outcome.inserted);
    return outcome;
  }

  /** Called after each committed batch with the ids it inserted (analysis, alerts, exposure…). */
  onStored(listener: (ids: readonly string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private store(result: ParseResult, sourceId: string | null, cursor?: string): IngestResult {
    const batch = result.mentions;
    const fetchedAt = this.now();
    const inserted: string[] = [];
    const rollups = new Map<string, RollupDelta>();
    for (const m of batch) {
      const reach = m.reach ?? m.authorFollowers ?? 0;
      const info = this.insertMention.run(
        m.id,
        m.platform,
        m.externalId,
        m.url,
        m.authorHandle,
        m.authorName,
        m.authorFollowers,
        m.text,
        m.lang,
        m.createdAt,
        fetchedAt,
        m.likes,
        m.shares,
        m.replies,
        reach,
        m.rating,
        m.sentiment ?? null,
        m.toxicity ?? null,
        sourceId,
      );
      if (info.changes === 0) {
        this.refreshMetrics.run({ id: m.id, likes: m.likes, shares: m.shares, replies: m.replies });
        continue;
      }
      inserted.push(m.id);
      this.insertFts.run(info.lastInsertRowid, m.text, m.authorHandle, m.authorName);
      addToRollup(rollups, m, reach);
    }
    for (const delta of rollups.values()) this.upsertRollup.run(delta);
    for (const delta of coarsen(rollups.values())) this.upsertCoarse.run(delta);
    const shares = this.storeShares(result.shares);
    this.storeQuarantine(result.quarantined, sourceId, fetchedAt);
    if (sourceId && cursor !== undefined) this.sources.setCursor(sourceId, cursor, fetchedAt);
    return {
      inserted,
      duplicates: batch.length - inserted.length,
      shares,
      quarantined: result.quarantined.length,
    };
  }

  private storeShares(shares: ShareRecord[]): number {
    let fresh = 0;
    for (const s of shares) {
      if (this.insertShare.run(s.id, s.originalId, s.createdAt).changes === 0) continue;
      fresh++;
      this.countShares.run({ id: s.originalId });
    }
    return fresh;
  }

  private storeQuarantine(records: Quarantined[], sourceId: string | null, at: number): void {
    for (const q of records) this.insertQuarantine.run(sourceId, at, q.reason, q.raw);
  }
}

function addToRollup(rollups: Map<string, RollupDelta>, m: NewMention, reach: number): void {
  const minute = Math.floor(m.createdAt / MINUTE) * MINUTE;
  const key = `${minute}|${m.platform}`;
  let d = rollups.get(key);
  if (!d) {
    d = { minute, platform: m.platform, count: 0, neg: 0, neu: 0, pos: 0, toxic: 0, reach: 0 };
    rollups.set(key, d);
  }
  d.count++;
  d.reach += reach;
  const s = m.sentiment;
  if (s != null) {
    if (s < -NEUTRAL_BAND) d.neg++;
    else if (s > NEUTRAL_BAND) d.pos++;
    else d.neu++;
  }
  if (m.toxicity != null && m.toxicity >= TOXIC_THRESHOLD) d.toxic++;
}

export const COARSE_LEVELS = [15, 60] as const;

/** Minute deltas summed into the 15-minute and hourly buckets. */
function coarsen(
  deltas: Iterable<RollupDelta>,
): (Omit<RollupDelta, 'minute'> & { level: number; bucket: number })[] {
  const out = new Map<string, Omit<RollupDelta, 'minute'> & { level: number; bucket: number }>();
  for (const d of deltas) {
    for (const level of COARSE_LEVELS) {
      const size = level * MINUTE;
      const bucket = Math.floor(d.minute / size) * size;
      const key = `${level}|${bucket}|${d.platform}`;
      const c = out.get(key);
      if (!c) {
        out.set(key, {
          level,
          bucket,
          platform: d.platform,
          count: d.count,
          neg: d.neg,
          neu: d.neu,
          pos: d.pos,
          toxic: d.toxic,
          reach: d.reach,
        });
        continue;
      }
      c.count += d.count;
      c.neg += d.neg;
      c.neu += d.neu;
      c.pos += d.pos;
      c.toxic += d.toxic;
      c.reach += d.reach;
    }
  }
  return [...out.values()];
}
