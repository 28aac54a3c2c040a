// One live Vigie per database. Two apps (or the app and `vigie serve`) on the same file would each
// replay the demo, sync the sources, fire the alerts and remind the team of their breaks: everything
// twice. The lock is a SQLite write lock on a small file beside the store (`vigie.db-live`), held for
// the life of the live core: the operating system drops it when the process ends, even on kill -9 or
// a power cut, so a crash never leaves a stale lock behind. The holder's description is committed
// before the lock is taken for good, so a second Vigie can say who holds it.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { VigieError } from '../errors';
import { storageErrorMessage } from './storage-errors';

export interface LiveLockOwner {
  /** electron, web, cli (a continuous `vigie sync`), restore. */
  mode: string;
  pid: number;
  since: number;
}

export interface LiveLock {
  readonly file: string;
  release(): void;
}

export const liveLockFile = (dbFile: string) => `${path.resolve(dbFile)}-live`;

/**
 * Takes the live lock of `dbFile`, or throws `db_in_use` naming the holder. Reading, importing and
 * exporting from the command line need no lock: SQLite already lets them share the file.
 */
export function acquireLiveLock(
  dbFile: string,
  owner: Omit<LiveLockOwner, 'since'> & { since?: number },
  nativeBinding?: string,
): LiveLock {
  const file = liveLockFile(dbFile);
  let db: Database.Database | null = null;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    db = new Database(file, { nativeBinding, timeout: 0 });
    // A rollback journal, not WAL: a reserved lock there still lets others read who holds it.
    db.pragma('journal_mode = DELETE');
    db.exec(
      'CREATE TABLE IF NOT EXISTS holder (id INTEGER PRIMARY KEY CHECK (id = 1), mode TEXT, pid INTEGER, since INTEGER)',
    );
    const holder: LiveLockOwner = { mode: owner.mode, pid: owner.pid, since: owner.since ?? Date.now() };
    const describe = db.prepare('INSERT OR REPLACE INTO holder (id, mode, pid, since) VALUES (1, ?, ?, ?)');
    claim(db, () => describe.run(holder.mode, holder.pid, holder.since));
    // Held until release or the end of the process: a transaction that writes nothing.
    claim(db, () => undefined, true);
  } catch (err) {
    const error = lockError(err, db, dbFile);
    db?.close();
    throw error;
  }
  const held = db;
  let released = false;
  return {
    file,
    release() {
      if (released) return;
      released = true;
      if (held.inTransaction) held.exec('ROLLBACK');
      held.close();
    },
  };
}

/** Busy: someone holds it, say who. A folder that cannot be written: the store's own sentence. */
function lockError(err: unknown, db: Database.Database | null, dbFile: string): unknown {
  const code = (err as { code?: string }).code;
  if (code === 'SQLITE_BUSY' && db) return inUse(db, dbFile);
  if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM')
    return new VigieError('db_unwritable', storageErrorMessage({ code: 'SQLITE_CANTOPEN' }, dbFile)!);
  const message = storageErrorMessage(err, dbFile);
  return message ? new VigieError('db_unwritable', message) : err;
}

/** Runs `write` under BEGIN IMMEDIATE; `keep` leaves the transaction (and the lock) open. */
function claim(db: Database.Database, write: () => void, keep = false): void {
  db.exec('BEGIN IMMEDIATE');
  write();
  if (!keep) db.exec('COMMIT');
}

function inUse(db: Database.Database, dbFile: string): VigieError {
  let holder: LiveLockOwner | undefined;
  try {
    holder = db.prepare('SELECT mode, pid, since FROM holder WHERE id = 1').get() as
      LiveLockOwner | undefined;
  } catch {
    // Taken so early that the description is not there yet: say what is known.
  }
  return new VigieError('db_in_use', describeHolder(dbFile, holder));
}

const MODE_NAMES: Record<string, string> = {
  electron: 'the Vigie app',
  web: 'Vigie web mode (vigie serve)',
  cli: 'a continuous vigie sync',
  restore: 'a vigie restore',
};

export function describeHolder(dbFile: string, holder: LiveLockOwner | undefined): string {
  const who = holder
    ? `${MODE_NAMES[holder.mode] ?? `Vigie (${holder.mode})`}, process ${holder.pid}, since ${new Date(holder.since).toISOString().slice(0, 16).replace('T', ' ')} UTC`
    : 'another Vigie';
  return `${dbFile} is already open in ${who}. Use that one, or close it first; a second live Vigie on the same database would sync, replay and alert everything twice.`;
}
