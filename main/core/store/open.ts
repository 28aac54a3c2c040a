import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { VigieError } from '../errors';
import { LATEST_VERSION, MIGRATIONS } from './migrations';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenOptions {
  /** Stop migrating at this version (tests of upgrades from older versions). */
  targetVersion?: number;
  /** Native binding for another ABI (Electron), see README. */
  nativeBinding?: string;
}

/**
 * Opens (or creates) a Vigie store. A file that is not SQLite, or that a newer Vigie wrote,
 * is refused with one clear error and left untouched.
 */
export function openStore(file: string, options: OpenOptions = {}): Database.Database {
  assertSqliteOrAbsent(file);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { nativeBinding: options.nativeBinding });
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) {
      throw new VigieError(
        'db_too_new',
        `${file} was written by a newer Vigie (schema ${version}, this version knows up to ${LATEST_VERSION}); update Vigie to open it.`,
      );
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, options.targetVersion ?? LATEST_VERSION);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof VigieError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new VigieError(
        'db_corrupt',
        `${file} is damaged or not a Vigie database; it was left untouched.`,
      );
    }
    throw err;
  }
}

function assertSqliteOrAbsent(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new VigieError('db_unreadable', `Cannot read ${file}: ${(err as Error).message}`);
  }
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    if (n === 0) return; // an empty file becomes a new store
    if (n < head.length || !head.equals(SQLITE_HEADER)) {
      throw new VigieError('db_not_sqlite', `${file} is not a SQLite database; Vigie left it untouched.`);
    }
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
