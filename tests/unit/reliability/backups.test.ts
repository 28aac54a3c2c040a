import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupNow, pruneBackups, startBackupSchedule } from '../../../main/core/store/backup';
import { backupDir, listBackups } from '../../../main/core/store/backup-files';
import { quickCheck } from '../../../main/core/store/integrity';
import { openStore } from '../../../main/core/store/open';
import { Ingestor } from '../../../main/core/sync/ingest';
import { makeMentions } from '../../helpers/mentions';
import { storeInvariants } from '../../helpers/store-checks';
import { tempDir } from '../../helpers/tmp';
import { cli, storeWith } from './store-files';

let tmp: ReturnType<typeof tempDir>;
let file: string;

beforeEach(() => {
  tmp = tempDir();
  file = tmp.file('vigie.db');
});
afterEach(() => tmp.cleanup());

const T0 = Date.UTC(2026, 10, 28, 8, 0);
const HOUR = 3_600_000;

describe('automatic backups', () => {
  it('a backup taken while batches keep landing is a whole, consistent store in one file', async () => {
    const db = openStore(file);
    const ingestor = new Ingestor(db);
    ingestor.ingest(makeMentions(8_000));
    const taking = backupNow(db, file, { now: T0 });
    // The backup API copies in steps and yields between them: write batches meanwhile.
    let batches = 0;
    let done = false;
    void taking.finally(() => (done = true));
    while (!done && batches < 200) {
      ingestor.ingest(makeMentions(100, { prefix: `live${batches}-` }));
      batches++;
      await new Promise((r) => setImmediate(r));
    }
    const info = await taking;
    const total = db.prepare('SELECT COUNT(*) AS n FROM mentions').pluck().get() as number;
    db.close();
    expect(batches).toBeGreaterThan(0);
    expect(fs.readdirSync(backupDir(file))).toEqual([path.basename(info.file)]);

    const copy = new Database(info.file); // the FTS check is written as an INSERT: not read-only
    expect(quickCheck(copy).ok).toBe(true);
    const check = storeInvariants(copy);
    copy.close();
    expect(check.ftsOk).toBe(true);
    expect(check.rollupsOk).toBe(true);
    expect(check.mentions).toBeGreaterThanOrEqual(8_000);
    expect(check.mentions).toBeLessThanOrEqual(total);
    expect((check.mentions - 8_000) % 100).toBe(0); // whole batches only
  });

  it('keeps the newest few and clears leftovers of an interrupted backup', async () => {
    storeWith(file, 300);
    const db = openStore(file);
    for (let i = 0; i < 6; i++) await backupNow(db, file, { now: T0 + i * HOUR, keep: 3 });
    db.close();
    const dir = backupDir(file);
    fs.writeFileSync(path.join(dir, 'vigie-20261128T000000000Z.db.partial'), 'half');
    fs.writeFileSync(path.join(dir, 'other-20261128T000000000Z.db'), 'another store’s backup');
    pruneBackups(file, 3);
    expect(listBackups(file).map((b) => b.at)).toEqual([T0 + 5 * HOUR, T0 + 4 * HOUR, T0 + 3 * HOUR]);
    expect(fs.readdirSync(dir).sort()).toEqual([
      'other-20261128T000000000Z.db',
      'vigie-20261128T110000000Z.db',
      'vigie-20261128T120000000Z.db',
      'vigie-20261128T130000000Z.db',
    ]);
  });

  it('the schedule backs up when the newest backup is older than its period, and only then', async () => {
    storeWith(file, 500);
    const db = openStore(file);
    let clock = T0;
    const taken: number[] = [];
    const schedule = startBackupSchedule(db, file, {
      everyMs: 6 * HOUR,
      keep: 2,
      checkEveryMs: 20,
      now: () => clock,
      onBackup: (b) => taken.push(b.at),
    });
    try {
      await vi.waitFor(() => expect(taken).toEqual([T0]), { timeout: 5000 });
      clock = T0 + 5 * HOUR; // not due: many checks go by without a backup
      for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 20));
      expect(taken).toEqual([T0]);
      clock = T0 + 6 * HOUR;
      await vi.waitFor(() => expect(taken).toEqual([T0, T0 + 6 * HOUR]), { timeout: 5000 });
      clock = T0 + 12 * HOUR;
      await vi.waitFor(() => expect(taken).toHaveLength(3), { timeout: 5000 });
      expect(listBackups(file).map((b) => b.at)).toEqual([T0 + 12 * HOUR, T0 + 6 * HOUR]);
    } finally {
      schedule.stop();
      await schedule.running();
      db.close();
    }
  });

  it('a store opened with backups runs the schedule until it is closed', async () => {
    storeWith(file, 200);
    const db = openStore(file, { backups: { checkEveryMs: 20 } });
    await vi.waitFor(() => expect(listBackups(file)).toHaveLength(1), { timeout: 5000 });
    db.close();
    fs.rmSync(backupDir(file), { recursive: true });
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 20));
    expect(fs.existsSync(backupDir(file))).toBe(false);
  });

  it('`vigie backup` writes a backup that `vigie restore --from` puts back', () => {
    const missing = cli(['backup', '--db', file]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(`vigie backup: No Vigie database at ${file}.\n`);
    expect(fs.existsSync(file)).toBe(false);
    storeWith(file, 1234);
    const made = cli(['backup', '--db', file]);
    expect(made.status).toBe(0);
    const written = /^Backup written: (.+) \(\d+\.\d MB\)$/m.exec(made.stdout)?.[1];
    expect(written && fs.existsSync(written)).toBe(true);
    storeWith(file, 10, 'after-backup');
    const back = cli(['restore', '--db', file, '--from', written!]);
    expect(back.status).toBe(0);
    const db = openStore(file);
    expect(storeInvariants(db)).toEqual({ mentions: 1234, ftsOk: true, rollupsOk: true });
    db.close();
  });
});
