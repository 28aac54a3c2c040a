import type { Database, Statement } from 'better-sqlite3';
import type { Platform } from '../../../shared/model';
import { AnalysisContextSource } from '../analysis/context-source';
import { analyzeMention, type MentionAnalysis } from '../analysis/mention-analysis';
import { NearDuplicateClusterer, type DuplicateKey } from '../analysis/near-duplicates';
import { MINUTE } from '../store/rollups-repo';
import { SourcesRepo } from '../store/sources-repo';
import { TimeKeys } from '../store/time-key';
import { AnalysisPool } from './analysis-pool';
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
  /** Given by the source (a listening tool's export, a test): kept over the analyzer's. */
  sentiment?: number | null;
  toxicity?: number | null;
  /** Computed ahead (analysis worker); otherwise the ingest analyzes the text itself. */
  analysis?: MentionAnalysis;
  /** Near-duplicate key computed ahead (analysis worker); otherwise the clusterer computes it. */
  duplicateKey?: DuplicateKey;
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
  crisis: number;
  aimed: number;
  rating_sum: number;
  rating_count: number;
}

const NEUTRAL_BAND = 0.05;
const TOXIC_THRESHOLD = 0.5;

/** Recent mentions the clusterer relearns after a restart, so copies keep joining their cluster. */
const CLUSTER_WARMUP = 20_000;

/**
 * Stores batches in one transaction each: mentions (deduplicated by id, analyzed, clustered), their
 * FTS rows, the minute rollups and the source cursor move together, so a crash at any instant loses
 * or doubles nothing. Every path (sync, file import, drop folder, demo replay) goes through here.
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
  private readonly exists: Statement;
  private readonly sources: SourcesRepo;
  private readonly keys: TimeKeys;
  /** Protected people, team and brands for person-aimed abuse (features may add to it). */
  readonly context: AnalysisContextSource;
  private clusterer: NearDuplicateClusterer | null = null;
  private readonly runBatch: (result: ParseResult, sourceId: string | null, cursor?: string) => IngestResult;

  constructor(
    db: Database,
    private readonly now: () => number = Date.now,
    /** The analysis worker bundle (default: dist/analysis-worker.cjs when running from dist/). */
    private readonly analysisWorkerFile?: string,
  ) {
    this.sources = new SourcesRepo(db);
    this.keys = new TimeKeys(db);
    this.context = new AnalysisContextSource(db, now);
    // Positional parameters: binding by name costs a lookup per column on the hot path.
    this.insertMention = db.prepare(`
      INSERT INTO mentions(seq, id, platform, external_id, url, author_handle, author_name, author_followers, text,
        lang, created_at, fetched_at, likes, shares, replies, reach, rating, sentiment, toxicity, source_id,
        cluster_id, reasons, crisis_terms, aimed_at, targets)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(id) DO NOTHING`);
    this.exists = db.prepare('SELECT 1 FROM mentions WHERE id = ?').pluck();
    this.insertFts = db.prepare(
      'INSERT INTO mentions_fts(rowid, text, author_handle, author_name) VALUES (?, ?, ?, ?)',
    );
    const sums = `count = count + excluded.count, neg = neg + excluded.neg,
        neu = neu + excluded.neu, pos = pos + excluded.pos, toxic = toxic + excluded.toxic,
        reach = reach + excluded.reach, crisis = crisis + excluded.crisis, aimed = aimed + excluded.aimed,
        rating_sum = rating_sum + excluded.rating_sum, rating_count = rating_count + excluded.rating_count`;
    this.upsertRollup = db.prepare(`
      INSERT INTO rollup_minute(minute, platform, count, neg, neu, pos, toxic, reach, crisis, aimed, rating_sum, rating_count)
      VALUES (@minute, @platform, @count, @neg, @neu, @pos, @toxic, @reach, @crisis, @aimed, @rating_sum, @rating_count)
      ON CONFLICT(minute, platform) DO UPDATE SET ${sums}`);
    this.upsertCoarse = db.prepare(`
      INSERT INTO rollup_coarse(level, bucket, platform, count, neg, neu, pos, toxic, reach, crisis, aimed, rating_sum, rating_count)
      VALUES (@level, @bucket, @platform, @count, @neg, @neu, @pos, @toxic, @reach, @crisis, @aimed, @rating_sum, @rating_count)
      ON CONFLICT(level, bucket, platform) DO UPDATE SET ${sums}`);
    this.db = db;
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
  private readonly db: Database;

  /** The near-duplicate index, relearnt from the most recent stored mentions on first use. */
  private clusters(): NearDuplicateClusterer {
    if (this.clusterer) return this.clusterer;
    const c = new NearDuplicateClusterer();
    const recent = this.db
      .prepare('SELECT id, text, created_at AS at FROM mentions ORDER BY created_at DESC LIMIT ?')
      .all(CLUSTER_WARMUP) as { id: string; text: string; at: number }[];
    for (let i = recent.length - 1; i >= 0; i--) c.add(recent[i]!.id, recent[i]!.text, recent[i]!.at);
    return (this.clusterer = c);
  }

  ingest(batch: NewMention[], sourceId: string | null = null, cursor?: string): IngestResult {
    return this.ingestResult({ mentions: batch, shares: [], quarantined: [] }, sourceId, cursor);
  }

  /** One parsed page or file chunk: mentions, shares and quarantined records in one transaction. */
  ingestResult(result: ParseResult, sourceId: string | null = null, cursor?: string): IngestResult {
    const outcome = this.runBatch(result, sourceId, cursor);
    if (outcome.inserted.length > 0) for (const listener of this.listeners) listener(outcome.inserted);
    return outcome;
  }

  /** The second-core analysis worker, started on the first big import (never for small pages). */
  private pool: AnalysisPool | null = null;

  /** Stops the analysis worker, if one was started. */
  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = null;
  }

  /**
   * Stores many batches in order, one transaction each, with batch N+1 analyzed on the worker
   * thread while batch N is committed here. Without the worker the batches
   * are analyzed in-process, as `ingestResult` does. `after` runs once each batch is committed.
   * Mentions get their `analysis` and `duplicateKey` fields filled in.
   */
  async ingestPipelined(
    batches: Iterable<ParseResult>,
    sourceId: string | null,
    after?: (outcome: IngestResult, batch: ParseResult) => void | Promise<void>,
  ): Promise<void> {
    const pool = (this.pool ??= new AnalysisPool(this.analysisWorkerFile));
    const ask = (b: ParseResult) => pool.analyze(b.mentions, this.context.get());
    const it = batches[Symbol.iterator]();
    let current = it.next();
    let pending = current.done ? null : ask(current.value);
    while (!current.done) {
      const batch = current.value;
      const ahead = await pending!;
      const next = it.next();
      pending = next.done ? null : ask(next.value);
      if (ahead) {
        for (let i = 0; i < batch.mentions.length; i++) {
          batch.mentions[i]!.analysis = ahead.analyses[i];
          batch.mentions[i]!.duplicateKey = ahead.keys[i];
        }
      }
      const outcome = this.ingestResult(batch, sourceId);
      if (after) await after(outcome, batch);
      current = next;
    }
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
    // Posts already stored (or repeated in this batch) only refresh their counters, after the inserts.
    const fresh: NewMention[] = [];
    const again: NewMention[] = [];
    const seen = new Set<string>();
    for (const m of batch) {
      if (seen.has(m.id) || this.exists.get(m.id) !== undefined) again.push(m);
      else {
        seen.add(m.id);
        fresh.push(m);
      }
    }
    // Analysis, then clustering, then SQLite, each in its own pass: interleaved per post, the three
    // evict each other's code and data from the CPU caches and each runs about twice as slow.
    const context = fresh.length > 0 ? this.context.get() : {};
    const analyses = fresh.map((m) => m.analysis ?? analyzeMention(m, { context }));
    const clusterer = fresh.length > 0 ? this.clusters() : null;
    const clusterIds = fresh.map((m) => clusterer!.add(m.id, m.text, m.createdAt, m.duplicateKey).clusterId);
    for (let i = 0; i < fresh.length; i++) {
      const m = fresh[i]!;
      const a = analyses[i]!;
      const reach = m.reach ?? m.authorFollowers ?? 0;
      const sentiment = m.sentiment ?? a.sentiment;
      const toxicity = m.toxicity ?? a.toxicity;
      const clusterId = clusterIds[i]!;
      const info = this.insertMention.run(
        this.keys.next(m.createdAt),
        m.id,
        m.platform,
        m.externalId,
        m.url,
        m.authorHandle,
        m.authorName,
        m.authorFollowers,
        m.text,
        a.lang,
        m.createdAt,
        fetchedAt,
        m.likes,
        m.shares,
        m.replies,
        reach,
        m.rating,
        sentiment,
        toxicity,
        sourceId,
        clusterId,
        listOrNull(a.reasons),
        listOrNull(a.crisisTerms),
        a.aimedAt,
        listOrNull(a.targets),
      );
      if (info.changes === 0) continue;
      inserted.push(m.id);
      this.insertFts.run(info.lastInsertRowid, m.text, m.authorHandle, m.authorName);
      addToRollup(rollups, m, reach, sentiment, toxicity, a);
    }
    for (const m of again) {
      this.refreshMetrics.run({ id: m.id, likes: m.likes, shares: m.shares, replies: m.replies });
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

/** A JSON list, or NULL when empty (most posts have no reasons, terms or targets). */
const listOrNull = (xs: readonly string[]): string | null => (xs.length ? JSON.stringify(xs) : null);

function addToRollup(
  rollups: Map<string, RollupDelta>,
  m: NewMention,
  reach: number,
  s: number,
  toxicity: number,
  a: MentionAnalysis,
): void {
  const minute = Math.floor(m.createdAt / MINUTE) * MINUTE;
  const key = `${minute}|${m.platform}`;
  let d = rollups.get(key);
  if (!d) {
    d = {
      minute,
      platform: m.platform,
      count: 0,
      neg: 0,
      neu: 0,
      pos: 0,
      toxic: 0,
      reach: 0,
      crisis: 0,
      aimed: 0,
      rating_sum: 0,
      rating_count: 0,
    };
    rollups.set(key, d);
  }
  d.count++;
  d.reach += reach;
  if (s < -NEUTRAL_BAND) d.neg++;
  else if (s > NEUTRAL_BAND) d.pos++;
  else d.neu++;
  if (toxicity >= TOXIC_THRESHOLD) d.toxic++;
  if (a.crisisTerms.length > 0) d.crisis++;
  if (a.aimedAt === 'person' && toxicity >= TOXIC_THRESHOLD) d.aimed++;
  if (m.rating != null) {
    d.rating_sum += m.rating;
    d.rating_count++;
  }
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
        const { minute: _minute, ...sums } = d;
        out.set(key, { ...sums, level, bucket });
        continue;
      }
      c.count += d.count;
      c.neg += d.neg;
      c.neu += d.neu;
      c.pos += d.pos;
      c.toxic += d.toxic;
      c.reach += d.reach;
      c.crisis += d.crisis;
      c.aimed += d.aimed;
      c.rating_sum += d.rating_sum;
      c.rating_count += d.rating_count;
    }
  }
  return [...out.values()];
}
