import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { VigieError } from '../errors';
import { startBackupSchedule, type BackupScheduleOptions } from './backup';
import { damagedStoreError, quickCheck } from './integrity';
import { storageErrorMessage } from './storage-errors';
import { LATEST_VERSION, MIGRATIONS } from './migrations';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenOptions {
  /** Stop migrating at this version (tests of upgrades from older versions). */
  targetVersion?: number;
  /** Native binding for another ABI (Electron), see README. */
  nativeBinding?: string;
  /** quick_check an existing store before using it (default true). */
  checkIntegrity?: boolean;
  /** Automatic backups into backups/ beside the file while it is open (the app and web mode). */
  backups?: BackupScheduleOptions | boolean;
  /** Told before an existing store is upgraded, so a long upgrade is not a silent wait. */
  onUpgrade?: (upgrade: StoreUpgrade) => void;
}

export interface StoreUpgrade {
  from: number;
  to: number;
  /** Mentions stored. */
  mentions: number;
  /** Whether a pending migration rewrites each mention (time-keyed rowids): seconds per 100,000. */
  rewritesMentions: boolean;
}

/**
 * Opens (or creates) a Vigie store. A file that is not SQLite, that a newer Vigie wrote, or that
 * fails SQLite's quick_check is refused with one clear error (offering the last automatic backup)
 * and left untouched; so is a store on a read-only or full disk.
 */
export function openStore(file: string, options: OpenOptions = {}): Database.Database {
  const existed = assertSqliteOrAbsent(file);
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  } catch (err) {
    throw new VigieError('db_unwritable', `Cannot create the folder of ${file}: ${(err as Error).message}`);
  }
  let db: Database.Database;
  try {
    db = new Database(file, { nativeBinding: options.nativeBinding });
  } catch (err) {
    const message = storageErrorMessage(err, file);
    throw message ? new VigieError('db_unwritable', message) : err;
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) {
      throw new VigieError(
        'db_too_new',
        `${file} was written by a newer Vigie (schema ${version}, this version knows up to ${LATEST_VERSION}); update Vigie to open it.`,
      );
    }
    if (existed && options.checkIntegrity !== false) {
      const health = quickCheck(db);
      if (!health.ok) throw damagedStoreError(file, health.problems[0]);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const target = options.targetVersion ?? LATEST_VERSION;
    if (existed && version > 0 && version < target && options.onUpgrade) {
      const { n } = db.prepare('SELECT COUNT(*) AS n FROM mentions').get() as { n: number };
      const rewritesMentions = MIGRATIONS.slice(version, target).some((m) => m.rewritesMentions === true);
      options.onUpgrade({ from: version, to: target, mentions: n, rewritesMentions });
    }
    migrate(db, target);
  } catch (err) {
    db.close();
    if (err instanceof VigieError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw damagedStoreError(file, undefined);
    const message = storageErrorMessage(err, file);
    if (message) throw new VigieError('db_unwritable', message);
    throw err;
  }
  if (options.backups) withBackups(db, file, options.backups === true ? {} : options.backups);
  return db;
}

/** Runs the backup schedule while the store is open; closing the store stops it. */
function withBackups(db: Database.Database, file: string, opts: BackupScheduleOptions): void {
  const schedule = startBackupSchedule(db, file, opts);
  const close = db.close.bind(db);
  db.close = () => {
    schedule.stop();
    return close();
  };
}

/** True when the file holds a store already, false when it is absent or empty (a new store). */
export function assertSqliteOrAbsent(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new VigieError('db_unreadable', `Cannot read ${file}: ${(err as Error).message}`);
  }
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    if (n === 0) return false; // an empty file becomes a new store
    if (n < head.length || !head.equals(SQLITE_HEADER)) {
      throw new VigieError('db_not_sqlite', `${file} is not a SQLite database; Vigie left it untouched.`);
    }
    return true;
  } finally {
    fs.closeSync(fd);
  }
}

/** Applies each pending migration in its own transaction, bumping user_version with it. */
export function migrate(db: Database.Database, target = LATEST_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < target; v++) {
    const migration = MIGRATIONS[v];
    if (!migration) break;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
