// Ingest throughput: the whole pipeline (Ingestor: dedup, FTS, rollups, cursor) against a raw
// better-sqlite3 insert + FTS on the same schema, measured in the same run.
import type { Database } from 'better-sqlite3';
import { Ingestor, type NewMention } from '../core/sync/ingest';
import { generateMentions } from './generate';

const BATCH = 2_000;

export function rawBaseline(db: Database, count: number): number {
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
  return timedBatches(count, write);
}

export function pipeline(db: Database, count: number): number {
  const ingestor = new Ingestor(db);
  return timedBatches(count, (batch) => ingestor.ingest(batch));
}

/** Mentions per second; generation happens outside the timed sections. */
function timedBatches(count: number, write: (batch: NewMention[]) => void): number {
  let elapsed = 0;
  let batch: NewMention[] = [];
  const flush = () => {
    const t = performance.now();
    write(batch);
    elapsed += performance.now() - t;
    batch = [];
  };
  for (const m of generateMentions(count)) {
    batch.push(m);
    if (batch.length === BATCH) flush();
  }
  if (batch.length) flush();
  return Math.round(count / (elapsed / 1000));
}
