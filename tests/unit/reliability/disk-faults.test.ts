import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VigieError, toContractError } from '../../../main/core/errors';
import { storageErrorMessage } from '../../../main/core/store/storage-errors';
import { openStore } from '../../../main/core/store/open';
import { Ingestor } from '../../../main/core/sync/ingest';
import { makeMentions } from '../../helpers/mentions';
import { storeInvariants } from '../../helpers/store-checks';
import { tempDir } from '../../helpers/tmp';
import { sha, storeWith } from './store-files';
import { canMountTmpfs, mountSmallDisk, type SmallDisk } from './small-disk';

const BATCH = 400;
const BATCHES = 40;
const batch = (i: number) =>
  makeMentions(BATCH, { prefix: `b${i}-`, start: Date.UTC(2026, 0, 10) + i * 3_600_000 });

/** Ingests batches until the disk is full; returns how many went in and the error that stopped it. */
function fillUntilFull(db: Database.Database): { committed: number; error: unknown } {
  const ingestor = new Ingestor(db);
  for (let i = 0; i < BATCHES; i++) {
    try {
      ingestor.ingest(batch(i));
    } catch (error) {
      return { committed: i, error };
    }
  }
  throw new Error(`${BATCHES} batches fitted: the disk is not small enough for this test`);
}

/** The store holds exactly the whole batches that were committed, then takes every batch exactly once. */
function expectWholeBatchesThenComplete(db: Database.Database, committed: number): void {
  expect(storeInvariants(db)).toEqual({ mentions: committed * BATCH, ftsOk: true, rollupsOk: true });
  const ingestor = new Ingestor(db);
  let inserted = 0;
  let duplicates = 0;
  for (let i = 0; i < BATCHES; i++) {
    const r = ingestor.ingest(batch(i));
    inserted += r.inserted.length;
    duplicates += r.duplicates;
  }
  expect({ inserted, duplicates }).toEqual({
    inserted: (BATCHES - committed) * BATCH,
    duplicates: committed * BATCH,
  });
  expect(storeInvariants(db)).toEqual({ mentions: BATCHES * BATCH, ftsOk: true, rollupsOk: true });
}

const mountable = canMountTmpfs();

describe.runIf(mountable)('on a real small disk (tmpfs)', () => {
  let disk: SmallDisk;
  beforeEach(() => {
    disk = mountSmallDisk(3 * 1024 * 1024);
  });
  afterEach(() => disk.unmount());

  it('a full disk stops the import with a clear error; nothing half-written; more space and it completes once', () => {
    const file = path.join(disk.dir, 'vigie.db');
    const db = openStore(file);
    const { committed, error } = fillUntilFull(db);
    expect((error as { code?: string }).code).toMatch(/^SQLITE_FULL/);
    expect(storageErrorMessage(error, file)).toBe(
      `The disk holding ${file} is full: the last batch was not stored (nothing half-written). Free some space and try again.`,
    );
    expect(committed).toBeGreaterThan(0);
    const count = db.prepare('SELECT COUNT(*) FROM mentions').pluck().get();
    expect(count).toBe(committed * BATCH);
    db.close();

    disk.resize(64 * 1024 * 1024);
    const reopened = openStore(file); // quick_check passes: the failed batch left nothing behind
    expectWholeBatchesThenComplete(reopened, committed);
    reopened.close();
  });

  it('a read-only disk: opening says so in one sentence and changes nothing', () => {
    const file = path.join(disk.dir, 'vigie.db');
    storeWith(file, 300);
    const before = sha(file);
    disk.readOnly();
    let error: unknown;
    try {
      openStore(file).close();
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(VigieError);
    expect(error).toMatchObject({ code: 'db_unwritable' });
    expect((error as Error).message).toBe(
      `${file} cannot be opened for writing (read-only or missing folder, or no permission): nothing was changed.`,
    );
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(disk.dir)).toEqual(['vigie.db']);
  });
});

describe('a store that reaches its size cap (SQLite max_page_count: the same SQLITE_FULL without root)', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('fails the batch that does not fit, keeps the whole ones, and completes once the cap is lifted', () => {
    const db = openStore(tmp.file('vigie.db'));
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 400}`);
    const { committed, error } = fillUntilFull(db);
    expect((error as { code?: string }).code).toBe('SQLITE_FULL');
    expect(storageErrorMessage(error, 'vigie.db')).toMatch(/^The disk holding vigie\.db is full/);
    // What the pages receive when a call or a sync hits it: the same sentence, no SQLite jargon.
    expect(toContractError(error)).toEqual({
      code: 'storage_error',
      message:
        'The disk holding the Vigie database is full: the last batch was not stored (nothing half-written). Free some space and try again.',
    });
    expect(committed).toBeGreaterThan(0);
    db.pragma('max_page_count = 1073741823');
    expectWholeBatchesThenComplete(db, committed);
    db.close();
  });
});
