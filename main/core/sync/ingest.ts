import type { Database, Statement } from 'better-sqlite3';
import type { Platform } from '../../../shared/model';
import { AnalysisContextSource } from '../analysis/context-source';
import { analyzeMention, type MentionAnalysis } from '../analysis/mention-analysis';
import { NearDuplicateClusterer, type DuplicateKey } from '../analysis/near-duplicates';
import { quarantineFingerprint } from '../store/quarantine-fingerprint';
import { SourcesRepo } from '../store/sources-repo';
import { TimeKeys } from '../store/time-key';
import { AnalysisPool, type AnalyzedBatch } from './analysis-pool';
import { RollupDeltas, RollupWriter } from './rollup-deltas';
import { WorkShare } from './work-share';
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
  /**
   * The id an earlier version of Vigie gave this post, when the way its id is made changed: a post
   * stored under it is the same post, seen again, not a new one.
   */
  previousId?: string;
}

export interface IngestResult {
  inserted: string[];
  duplicates: number;
  /** Reposts seen for the first time (counted on their original). */
  shares: number;
  quarantined: number;
}

/** Batches sent to the analysis worker ahead of the one being written. */
const AHEAD = 2;

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
  private readonly rollups: RollupWriter;
  private readonly refreshMetrics: Statement;
  private readonly insertShare: Statement;
  private readonly countShares: Statement;
  private readonly insertQuarantine: Statement;
  private readonly repeatQuarantine: Statement;
  private readonly exists: Statement;
  private readonly sources: SourcesRepo;
  private readonly keys: TimeKeys;
  /** Protected people, team and brands for person-aimed abuse (features may add to it). */
  readonly context: AnalysisContextSource;
  private clusterer: NearDuplicateClusterer | null = null;
  private readonly runBatch: (
    result: ParseResult,
    sourceId: string | null,
    cursor: string | undefined,
    copies: QuarantineCopies,
  ) => IngestResult;

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
    this.rollups = new RollupWriter(db);
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
      `INSERT INTO quarantine(source_id, at, reason, code, detail, raw_excerpt, fingerprint)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    // Seen again: counted on its first entry; the reason and position are the latest ones.
    this.repeatQuarantine = db.prepare(
      `UPDATE quarantine SET seen_count = seen_count + 1, last_seen_at = ?, reason = ?, detail = ?
       WHERE id = (SELECT id FROM quarantine WHERE fingerprint = ? ORDER BY id LIMIT 1)`,
    );
    this.runBatch = db.transaction(
      (result: ParseResult, sourceId: string | null, cursor: string | undefined, copies: QuarantineCopies) =>
        this.store(result, sourceId, cursor, copies),
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

  /**
   * One parsed page or file chunk: mentions, shares and quarantined records in one transaction.
   * `copies` counts identical bad records across the chunks of one file (see storeQuarantine).
   */
  ingestResult(
    result: ParseResult,
    sourceId: string | null = null,
    cursor?: string,
    copies: QuarantineCopies = new Map(),
  ): IngestResult {
    const outcome = this.runBatch(result, sourceId, cursor, copies);
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
   * Stores many batches in order, one transaction each. While batch N is committed here, the analysis
   * worker (second core) analyzes most of batch N+1; the rest of it is analyzed here, inside its
   * write, in the share that keeps both cores busy (WorkShare). Without the worker the batches are
   * analyzed in-process, as `ingestResult` does. `after` runs once each batch is committed.
   * Mentions the worker analyzed get their `analysis` and `duplicateKey` fields filled in.
   */
  async ingestPipelined(
    batches: Iterable<ParseResult>,
    sourceId: string | null,
    after?: (outcome: IngestResult, batch: ParseResult) => void | Promise<void>,
    /** Shared by the calls that store one file's chunks, so identical bad lines are counted over the file. */
    copies: QuarantineCopies = new Map(),
  ): Promise<void> {
    const pool = (this.pool ??= new AnalysisPool(this.analysisWorkerFile));
    const share = new WorkShare();
    const ask = (b: ParseResult) => {
      const sent = share.sentOf(b.mentions.length);
      return { sent, reply: pool.analyze(b.mentions.slice(0, sent), this.context.get()) };
    };
    // Two batches ahead: the worker always has the next one queued, so it never idles while a
    // slower-than-usual write finishes (GC, checkpoint), and the writer rarely waits for it.
    const it = batches[Symbol.iterator]();
    const ahead: { batch: ParseResult; sent: number; reply: Promise<AnalyzedBatch | null> }[] = [];
    const refill = () => {
      while (ahead.length < AHEAD) {
        const next = it.next();
        if (next.done) return;
        ahead.push({ batch: next.value, ...ask(next.value) });
      }
    };
    refill();
    while (ahead.length > 0) {
      const { batch, sent, reply } = ahead.shift()!;
      const analyzed = await reply;
      refill();
      if (analyzed) {
        for (let i = 0; i < sent; i++) {
          batch.mentions[i]!.analysis = analyzed.analyses[i];
          batch.mentions[i]!.duplicateKey = analyzed.keys[i];
        }
      }
      const started = performance.now();
      const outcome = this.ingestResult(batch, sourceId, undefined, copies);
      if (analyzed) {
        const writerMs = performance.now() - started;
        share.update({ total: batch.mentions.length, sent, workerMs: analyzed.ms, writerMs });
      }
      if (after) await after(outcome, batch);
    }
  }

  /** Called after each committed batch with the ids it inserted (analysis, alerts, exposure…). */
  onStored(listener: (ids: readonly string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private store(
    result: ParseResult,
    sourceId: string | null,
    cursor: string | undefined,
    copies: QuarantineCopies,
  ): IngestResult {
    const batch = result.mentions;
    const fetchedAt = this.now();
    const inserted: string[] = [];
    const rollups = new RollupDeltas();
    // Posts already stored (or repeated in this batch) only refresh their counters, after the inserts.
    const fresh: NewMention[] = [];
    const again: NewMention[] = [];
    const seen = new Set<string>();
    for (const m of batch) {
      if (seen.has(m.id) || this.exists.get(m.id) !== undefined) again.push(m);
      else if (m.previousId && this.exists.get(m.previousId) !== undefined)
        again.push({ ...m, id: m.previousId });
      else {
        seen.add(m.id);
        fresh.push(m);
      }
    }
    // Analysis, then clustering, then SQLite, each in its own pass: interleaved per post, the three
    // evict each other's code and data from the CPU caches and each runs about twice as slow.
    if (fresh.length > 0) this.keys.begin();
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
      rollups.add({
        createdAt: m.createdAt,
        platform: m.platform,
        reach,
        sentiment,
        toxicity,
        crisis: a.crisisTerms.length > 0,
        aimedAtPerson: a.aimedAt === 'person',
        rating: m.rating,
      });
    }
    for (const m of again) {
      this.refreshMetrics.run({ id: m.id, likes: m.likes, shares: m.shares, replies: m.replies });
    }
    this.rollups.write(rollups);
    const shares = this.storeShares(result.shares);
    this.storeQuarantine(result.quarantined, sourceId, fetchedAt, copies);
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

  private storeQuarantine(
    records: Quarantined[],
    sourceId: string | null,
    at: number,
    copies: QuarantineCopies,
  ): void {
    // Two identical bad lines of one file are two records: the nth copy in the file (counted over all
    // its chunks) meets the nth copy stored the last time.
    for (const q of records) {
      const detail = q.detail && Object.keys(q.detail).length > 0 ? JSON.stringify(q.detail) : null;
      const base = quarantineFingerprint(sourceId, q.code, q.raw);
      const nth = copies.get(base) ?? 0;
      copies.set(base, nth + 1);
      const fingerprint = nth === 0 ? base : `${base}#${nth}`;
      if (this.repeatQuarantine.run(at, q.reason, detail, fingerprint).changes > 0) continue;
      this.insertQuarantine.run(sourceId, at, q.reason, q.code, detail, q.raw, fingerprint);
    }
  }
}

/** Copies of each quarantine fingerprint seen so far in one page or one file. */
export type QuarantineCopies = Map<string, number>;

/** A JSON list, or NULL when empty (most posts have no reasons, terms or targets). */
const listOrNull = (xs: readonly string[]): string | null => (xs.length ? JSON.stringify(xs) : null);
