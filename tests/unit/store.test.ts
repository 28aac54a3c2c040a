import Database from 'better-sqlite3';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS } from '../../main/core/store/migrations';
import { openStore, schemaVersion } from '../../main/core/store/open';
import { makeMentions } from '../helpers/mentions';
import { tempDir } from '../helpers/tmp';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

const tables = (db: Database.Database) =>
  (
    db.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name`).all() as {
      name: string;
    }[]
  ).map((r) => r.name);

describe('opening a store', () => {
  it('creates every table on an empty file, in WAL mode with foreign keys on', () => {
    const db = openStore(tmp.file('new.db'));
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'mentions',
        'mentions_fts',
        'rollup_minute',
        'incidents',
        'timeline_events',
        'sources',
        'quarantine',
        'meta',
      ]),
    );
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it.each(Array.from({ length: LATEST_VERSION - 1 }, (_, i) => i + 1))(
    'upgrades a store written at version %i and keeps its mentions',
    (version) => {
      const file = tmp.file('old.db');
      const old = openStore(file, { targetVersion: version });
      expect(schemaVersion(old)).toBe(version);
      // Written with plain SQL: the current Ingestor expects the current schema.
      const insert = old.prepare(
        `INSERT INTO mentions(id, platform, external_id, author_handle, text, created_at, fetched_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const m of makeMentions(25))
        insert.run(m.id, m.platform, m.externalId, m.authorHandle, m.text, m.createdAt, 0);
      old.close();

      const db = openStore(file);
      expect(schemaVersion(db)).toBe(LATEST_VERSION);
      expect((db.prepare('SELECT COUNT(*) AS n FROM mentions').get() as { n: number }).n).toBe(25);
      db.close();
    },
  );

  it('has one migration per schema version, applied in order', () => {
    expect(MIGRATIONS.map((m) => m.name)).toEqual([...MIGRATIONS.map((m) => m.name)].sort());
    expect(MIGRATIONS).toHaveLength(LATEST_VERSION);
  });

  it('refuses a store written by a newer version, and leaves it as it was', () => {
    const file = tmp.file('future.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openStore(file)).toThrow(/newer Vigie/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not SQLite and does not overwrite it', () => {
    const file = tmp.file('notes.db');
    fs.writeFileSync(file, 'these are my notes, not a database\n');
    expect(() => openStore(file)).toThrow(/not a SQLite database/);
    expect(fs.readFileSync(file, 'utf8')).toBe('these are my notes, not a database\n');
  });

  it('refuses a SQLite file whose pages are damaged, with one clear error', () => {
    const file = tmp.file('damaged.db');
    const db = openStore(file);
    db.close();
    const bytes = fs.readFileSync(file);
    bytes.fill(0xa5, 100, 4096); // keep the header, destroy the first page's body
    fs.writeFileSync(file, bytes);
    expect(() => openStore(file)).toThrow(/damaged or not a Vigie database|not a SQLite database/);
  });
});
