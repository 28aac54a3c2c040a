// The rowid of a mention (`seq`, which the FTS index points to) is a time key: creation time in ms
// × 1000 plus a tie-breaker. Rowid order is then time order, so a full-text search can walk its
// matches newest first and stop after a page, instead of sorting every match by date (a common word
// matches a third of a million rows at 1M). Late arrivals (an import of last month) land in place.
import type { Database, Statement } from 'better-sqlite3';

/** Keys per millisecond before a crowded millisecond spills into the next one (harmless: < 1 ms). */
const SLOTS = 1000;
/** Creation times are clamped to [1970, 2255) for the key only: keys stay exact JS integers (< 2^53). */
const MAX_MS = 9_000_000_000_000;

export function timeKeyBase(createdAt: number): number {
  return Math.min(Math.max(Math.floor(createdAt), 0), MAX_MS - 1) * SLOTS;
}

/**
 * Hands out free time keys, within the transaction that inserts the rows. `begin` reads the highest
 * key once per transaction: a stream arriving in time order then gets its keys without a query.
 */
export class TimeKeys {
  private readonly lastInSlot: Statement;
  private readonly highest: Statement;
  /** The highest key stored or handed out in this transaction; null before `begin`. */
  private max: number | null = null;

  constructor(db: Database) {
    this.lastInSlot = db.prepare('SELECT MAX(seq) FROM mentions WHERE seq >= ? AND seq < ?').pluck();
    this.highest = db.prepare('SELECT MAX(seq) FROM mentions').pluck();
  }

  /** Call at the start of each writing transaction (other writers may have added rows in between). */
  begin(): void {
    this.max = (this.highest.get() as number | null) ?? -1;
  }

  next(createdAt: number): number {
    let from = timeKeyBase(createdAt);
    if (this.max !== null && from > this.max) return (this.max = from);
    for (;;) {
      const last = this.lastInSlot.get(from, from + SLOTS) as number | null;
      if (last === null) return this.handOut(from);
      if (last + 1 < from + SLOTS) return this.handOut(last + 1);
      from += SLOTS;
    }
  }

  private handOut(key: number): number {
    if (this.max !== null && key > this.max) this.max = key;
    return key;
  }
}

/**
 * Renumbers every stored mention to its time key, in time order, then rebuilds the FTS index (its
 * rowids must follow). Negating first keeps every intermediate value unique (keys are ≥ 0).
 */
export function renumberByTime(db: Database): void {
  const rows = db
    .prepare('SELECT seq, created_at FROM mentions ORDER BY created_at, seq')
    .iterate() as IterableIterator<{ seq: number; created_at: number }>;
  const pending: [number, number][] = [];
  let prev = -1;
  for (const r of rows) {
    const key = Math.max(timeKeyBase(r.created_at), prev + 1);
    pending.push([-r.seq, key]);
    prev = key;
  }
  db.exec('CREATE TEMP TABLE seq_map(old INTEGER PRIMARY KEY, key INTEGER NOT NULL)');
  const map = db.prepare('INSERT INTO seq_map(old, key) VALUES (?, ?)');
  for (const [old, key] of pending) map.run(old, key);
  db.exec(`
    UPDATE mentions SET seq = -seq;
    UPDATE mentions SET seq = (SELECT key FROM seq_map WHERE old = mentions.seq);
    DROP TABLE seq_map;
    INSERT INTO mentions_fts(mentions_fts) VALUES ('rebuild');
  `);
}
