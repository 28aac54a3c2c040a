// Mentions' rowids are time keys, so a search walks its matches newest first and stops after a page.
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MentionsRepo } from '../../main/core/store/mentions-repo';
import { openStore, schemaVersion, type StoreUpgrade } from '../../main/core/store/open';
import { LATEST_VERSION, MIGRATIONS } from '../../main/core/store/migrations';
import { Ingestor } from '../../main/core/sync/ingest';
import { makeMentions } from '../helpers/mentions';
import { storeInvariants } from '../helpers/store-checks';
import { tempDir } from '../helpers/tmp';

let tmp: ReturnType<typeof tempDir>;
let db: Database.Database;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => {
  db?.close();
  tmp.cleanup();
});

/** The schema version just before rowids were keyed by time (migration 0011). */
const BEFORE_RENUMBERING = MIGRATIONS.findIndex((m) => m.name === '0011-time-ordered-rowids');

const DAY = 86_400_000;
const order = (db: Database.Database) =>
  (db.prepare('SELECT created_at FROM mentions ORDER BY seq').pluck().all() as number[]).join(',');
const sorted = (db: Database.Database) =>
  (db.prepare('SELECT created_at FROM mentions ORDER BY created_at').pluck().all() as number[]).join(',');

describe('time-ordered rowids', () => {
  it('a search lists newest first even when last month arrives after today (an import)', () => {
    db = openStore(tmp.file('v.db'));
    const ingestor = new Ingestor(db);
    const today = makeMentions(30, { prefix: 'today', start: Date.UTC(2026, 10, 20) });
    const lastMonth = makeMentions(30, { prefix: 'old', start: Date.UTC(2026, 10, 20) - 30 * DAY });
    ingestor.ingest(today);
    ingestor.ingest(lastMonth);
    const repo = new MentionsRepo(db);
    const all = repo.list({ limit: 100, search: 'réseau' });
    expect(all.length).toBeGreaterThan(20);
    const times = all.map((m) => m.createdAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // The feed's search pages the same way, with no gap and no repeat across pages.
    const page1 = repo.query({ limit: 7, filter: { search: 'réseau' } });
    const page2 = repo.query({
      limit: 100,
      filter: { search: 'réseau' },
      before: { createdAt: page1.at(-1)!.createdAt, id: page1.at(-1)!.id },
    });
    expect([...page1, ...page2].map((m) => m.id)).toEqual(all.map((m) => m.id));
    expect(order(db)).toBe(sorted(db));
  });

  it('keeps every mention of a crowded millisecond (minute-precision exports), each key unique', () => {
    db = openStore(tmp.file('v.db'));
    const at = Date.UTC(2026, 10, 20, 9, 30);
    const same = makeMentions(2_500).map((m) => ({ ...m, createdAt: at }));
    const next = makeMentions(5, { prefix: 'next' }).map((m) => ({ ...m, createdAt: at + 1 }));
    new Ingestor(db).ingest([...next, ...same]);
    expect(db.prepare('SELECT COUNT(DISTINCT seq) FROM mentions').pluck().get()).toBe(2_505);
    expect(storeInvariants(db).ftsOk).toBe(true);
    expect(new MentionsRepo(db).list({ limit: 10_000, search: 'panne' })).toHaveLength(
      same.filter((m) => m.text.includes('Panne')).length +
        next.filter((m) => m.text.includes('Panne')).length,
    );
  });

  it('hands out keys without a collision when another writer stored newer rows in between', () => {
    db = openStore(tmp.file('v.db'));
    const first = new Ingestor(db);
    const other = new Ingestor(db);
    const at = Date.UTC(2026, 10, 20, 9, 30);
    const batch = (prefix: string, from: number) =>
      makeMentions(10, { prefix }).map((m, i) => ({ ...m, createdAt: at + from + i }));
    first.ingest(batch('a', 0));
    // Newer than anything the first writer stored, and the same milliseconds as its next batch:
    // its keys must not be assumed free.
    other.ingest(batch('b', 10));
    first.ingest(batch('c', 10));
    expect(db.prepare('SELECT COUNT(DISTINCT seq) FROM mentions').pluck().get()).toBe(30);
    expect(order(db)).toBe(sorted(db));
    expect(storeInvariants(db).ftsOk).toBe(true);
  });

  it('renumbers a store written before, in time order, with its FTS index rebuilt to match', () => {
    const file = tmp.file('old.db');
    const old = openStore(file, { targetVersion: BEFORE_RENUMBERING });
    const mentions = makeMentions(200);
    // Arrival order unrelated to time, as after an import of an older file.
    const shuffled = [...mentions.slice(100), ...mentions.slice(0, 100)];
    // Written as the previous version did: rowids in arrival order, FTS rows pointing at them.
    const insert = old.prepare(
      `INSERT INTO mentions(id, platform, external_id, author_handle, author_name, text, created_at, fetched_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 0)`,
    );
    const fts = old.prepare(
      'INSERT INTO mentions_fts(rowid, text, author_handle, author_name) VALUES (?, ?, ?, ?)',
    );
    for (const m of shuffled) {
      const seq = insert.run(
        m.id,
        m.platform,
        m.externalId,
        m.authorHandle,
        m.authorName,
        m.text,
        m.createdAt,
      ).lastInsertRowid;
      fts.run(seq, m.text, m.authorHandle, m.authorName);
    }
    expect(order(old)).not.toBe(sorted(old));
    old.close();

    const upgrades: StoreUpgrade[] = [];
    db = openStore(file, { onUpgrade: (u) => upgrades.push(u) });
    // The person waiting is told how much is being rewritten, before it is.
    expect(upgrades).toEqual([
      { from: BEFORE_RENUMBERING, to: LATEST_VERSION, mentions: 200, rewritesMentions: true },
    ]);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(order(db)).toBe(sorted(db));
    expect(storeInvariants(db)).toMatchObject({ mentions: 200, ftsOk: true });
    const found = new MentionsRepo(db).list({ limit: 500, search: 'panne' });
    expect(found.map((m) => m.createdAt)).toEqual(found.map((m) => m.createdAt).sort((a, b) => b - a));
    expect(found).toHaveLength(mentions.filter((m) => m.text.includes('Panne')).length);
  });
});

describe('opening a store that needs no upgrade', () => {
  it('says nothing, new or up to date', () => {
    const upgrades: StoreUpgrade[] = [];
    const file = tmp.file('fresh.db');
    openStore(file, { onUpgrade: (u) => upgrades.push(u) }).close();
    db = openStore(file, { onUpgrade: (u) => upgrades.push(u) });
    expect(upgrades).toEqual([]);
  });

  it('says a later upgrade does not rewrite the mentions (no "can take a minute" for a new column)', () => {
    const file = tmp.file('renumbered.db');
    const old = openStore(file, { targetVersion: BEFORE_RENUMBERING + 1 });
    old.close();
    const upgrades: StoreUpgrade[] = [];
    db = openStore(file, { onUpgrade: (u) => upgrades.push(u) });
    expect(upgrades).toEqual([
      { from: BEFORE_RENUMBERING + 1, to: LATEST_VERSION, mentions: 0, rewritesMentions: false },
    ]);
  });
});
