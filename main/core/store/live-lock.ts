// One live Vigie per database. Two apps (or the app and `vigie serve`) on the same file would each
// replay the demo, sync the sources, fire the alerts and remind the team of their breaks: everything
// twice. The lock is a SQLite write lock (an open BEGIN IMMEDIATE that writes nothing) on a small file
// beside the store, `vigie.db-live`, held for the life of the live core: on a local disk the
// operating system drops it when the process ends, even on kill -9, so a crash leaves no stale lock.
// Who holds it is written apart, in `vigie.db-live.json`, once the lock is held: taking the lock is
// then a single step that two Vigies starting together cannot both win or both lose.
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

/** How long a starter waits for a holder that is just stopping (Windows frees a killed process's locks late). */
const WAIT_MS = 500;

const liveLockFile = (dbFile: string) => `${path.resolve(dbFile)}-live`;
const holderFile = (dbFile: string) => `${liveLockFile(dbFile)}.json`;

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
    db = new Database(file, { nativeBinding, timeout: WAIT_MS });
    // SQLite falls back to read-only when the disk is: no lock could be held, and nothing stored.
    if (db.readonly) throw Object.assign(new Error('read-only'), { code: 'SQLITE_CANTOPEN' });
    db.exec('BEGIN IMMEDIATE');
  } catch (err) {
    db?.close();
    throw lockError(err, dbFile, owner.pid);
  }
  const holder: LiveLockOwner = { mode: owner.mode, pid: owner.pid, since: owner.since ?? Date.now() };
  writeHolder(dbFile, holder);
  const held = db;
  let released = false;
  return {
    file,
    release() {
      if (released) return;
      released = true;
      fs.rmSync(holderFile(dbFile), { force: true });
      if (held.inTransaction) held.exec('ROLLBACK');
      held.close();
    },
  };
}

/** Written then renamed, so a refused starter never reads half a description. Best effort. */
function writeHolder(dbFile: string, holder: LiveLockOwner): void {
  const target = holderFile(dbFile);
  const temp = `${target}.${holder.pid}.tmp`;
  try {
    fs.writeFileSync(temp, JSON.stringify(holder));
    fs.renameSync(temp, target);
  } catch {
    fs.rmSync(temp, { force: true });
  }
}

/** The holder as described, unless the description is missing, ours, or of a process gone. */
function readHolder(dbFile: string, ownPid: number): LiveLockOwner | undefined {
  try {
    const h = JSON.parse(fs.readFileSync(holderFile(dbFile), 'utf8')) as Partial<LiveLockOwner>;
    if (typeof h.mode !== 'string' || typeof h.pid !== 'number' || typeof h.since !== 'number') return;
    if (h.pid === ownPid || !alive(h.pid)) return;
    return h as LiveLockOwner;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Busy: someone holds it, say who. A disk or folder that cannot be written: the store's own sentences. */
function lockError(err: unknown, dbFile: string, ownPid: number): unknown {
  const code = String((err as { code?: unknown }).code ?? '');
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_'))
    return new VigieError('db_in_use', describeHolder(dbFile, readHolder(dbFile, ownPid)));
  if (/^(SQLITE_READONLY|SQLITE_CANTOPEN|EACCES|EROFS|EPERM)/.test(code))
    return new VigieError('db_unwritable', storageErrorMessage({ code: 'SQLITE_CANTOPEN' }, dbFile)!);
  if (/^E[A-Z]+$/.test(code))
    return new VigieError(
      'db_unwritable',
      `Cannot create the folder of ${dbFile}: ${(err as Error).message}`,
    );
  const message = storageErrorMessage(err, dbFile);
  return message ? new VigieError('db_unwritable', message) : err;
}

const MODE_NAMES: Record<string, string> = {
  electron: 'the Vigie app',
  web: 'Vigie web mode (vigie serve)',
  cli: 'a continuous vigie sync',
  restore: 'a vigie restore',
};

function describeHolder(dbFile: string, holder: LiveLockOwner | undefined): string {
  const who = holder
    ? `${MODE_NAMES[holder.mode] ?? `Vigie (${holder.mode})`}, process ${holder.pid}, since ${new Date(holder.since).toISOString().slice(0, 16).replace('T', ' ')} UTC`
    : 'another Vigie';
  return `${dbFile} is already open in ${who}. Use that one, or close it first; a second live Vigie on the same database would sync, replay and alert everything twice.`;
}
