// Ingest throughput: the whole pipeline (Ingestor: dedup, analysis, clustering, FTS, rollups) against a raw
// better-sqlite3 insert + FTS on the same schema, measured in the same run.
import type { Database } from 'better-sqlite3';
import { Ingestor, type NewMention } from '../core/sync/ingest';
import type { ParseResult } from '../core/sync/types';
import { generateMentions } from './generate';

const BATCH = 2_000;

export function rawBaseline(db: Database, count: number, start?: number): number {
  const insert = db.prepare(`INSERT INTO mentions(id, platform, external_id, url, author_handle, author_name,
      author_followers, text, lang, created_at, fetched_at, likes, shares, replies, reach, rating)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, 0, ?)`);
  const fts = db.prepare(
    'INSERT INTO mentions_fts(rowid, text, author_handle, author_name) VALUES (?, ?, ?, ?)',
  );
  const write = db.transaction((batch: NewMention[]) => {
    for (const m of batch) {
      const info = insert.run(
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
        m.likes,
        m.shares,
        m.replies,
        m.rating,
      );
      fts.run(info.lastInsertRowid, m.text, m.authorHandle, m.authorName);
    }
  });
  return timedBatches(count, start, write);
}

/**
 * The path a big import takes (main/core/sync/file-import.ts): batches of BATCH through
 * Ingestor.ingestPipelined, which analyzes batch N+1 on the analysis worker (dist/analysis-worker.cjs,
 * the second core) while batch N is written. Generation time is measured and left out.
 */
export async function pipeline(db: Database, count: number, start?: number): Promise<number> {
  const ingestor = new Ingestor(db);
  let generating = 0;
  function* batches(): Generator<ParseResult> {
    let t = performance.now();
    let mentions: NewMention[] = [];
    for (const m of generateMentions(count, 42, start)) {
      mentions.push(m);
      if (mentions.length === BATCH) {
        generating += performance.now() - t;
        yield { mentions, shares: [], quarantined: [] };
        t = performance.now();
        mentions = [];
      }
    }
    generating += performance.now() - t;
    if (mentions.length) yield { mentions, shares: [], quarantined: [] };
  }
  const t0 = performance.now();
  await ingestor.ingestPipelined(batches(), null);
  const elapsed = performance.now() - t0 - generating;
  await ingestor.close();
  return Math.round(count / (elapsed / 1000));
}

/** Mentions per second; generation happens outside the timed sections. */
function timedBatches(
  count: number,
  start: number | undefined,
  write: (batch: NewMention[]) => void,
): number {
  let elapsed = 0;
  let batch: NewMention[] = [];
  const flush = () => {
    const t = performance.now();
    write(batch);
    elapsed += performance.now() - t;
    batch = [];
  };
  for (const m of generateMentions(count, 42, start)) {
    batch.push(m);
    if (batch.length === BATCH) flush();
  }
  if (batch.length) flush();
  return Math.round(count / (elapsed / 1000));
}
