// Automatic backups of the store with SQLite's online backup API (consistent while the app writes),
// into backups/ beside the database, on a schedule, keeping the newest few; and their restoration.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { VigieError } from '../errors';
import { backupDir, backupName, latestBackup, listBackups, stem, type BackupInfo } from './backup-files';

/** Four backups six hours apart: a damaged store loses at most six hours of the cell's own notes. */
export const DEFAULT_BACKUP_EVERY_MS = 6 * 3_600_000;
export const DEFAULT_BACKUP_KEEP = 4;

/**
 * Copies the open store into backups/ (written under a temporary name, renamed when whole, so a
 * crash or a full disk never leaves a half backup that looks real), then keeps the newest `keep`.
 */
export async function backupNow(
  db: Database.Database,
  dbFile: string,
  opts: { now?: number; keep?: number } = {},
): Promise<BackupInfo> {
  const dir = backupDir(dbFile);
  fs.mkdirSync(dir, { recursive: true });
  const at = opts.now ?? Date.now();
  const file = path.join(dir, backupName(dbFile, at));
  const partial = `${file}.partial`;
  try {
    await db.backup(partial);
    selfContained(partial);
    fs.renameSync(partial, file);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  pruneBackups(dbFile, opts.keep ?? DEFAULT_BACKUP_KEEP);
  return { file, at, bytes: fs.statSync(file).size };
}

/** A backup copies the store's WAL mode; switch it to a plain journal so it is one file, read anywhere. */
function selfContained(file: string): void {
  const copy = new Database(file);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** Removes all but the newest `keep` backups, and leftovers of interrupted ones. */
export function pruneBackups(dbFile: string, keep: number): void {
  for (const old of listBackups(dbFile).slice(Math.max(1, keep))) fs.rmSync(old.file, { force: true });
  const dir = backupDir(dbFile);
  const prefix = `${stem(dbFile)}-`;
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (name.startsWith(prefix) && /\.db\.partial(-wal|-shm|-journal)?$/.test(name))
      fs.rmSync(path.join(dir, name), { force: true });
  }
}

export interface BackupScheduleOptions {
  everyMs?: number;
  keep?: number;
  /** How often the schedule looks at the age of the newest backup. */
  checkEveryMs?: number;
  now?: () => number;
  onBackup?: (info: BackupInfo) => void;
  onError?: (err: unknown) => void;
}

/**
 * Takes a backup whenever the newest one is older than `everyMs` (ages come from the files, so the
 * rhythm survives restarts). Timers are unref'd: the schedule never keeps a process alive.
 */
export function startBackupSchedule(
  db: Database.Database,
  dbFile: string,
  opts: BackupScheduleOptions = {},
): { stop(): void; running(): Promise<void> | null } {
  const everyMs = opts.everyMs ?? DEFAULT_BACKUP_EVERY_MS;
  const now = opts.now ?? Date.now;
  let inFlight: Promise<void> | null = null;
  let stopped = false;
  const check = () => {
    if (stopped || inFlight || !db.open) return;
    const newest = latestBackup(dbFile);
    if (newest && now() - newest.at < everyMs) return;
    inFlight = backupNow(db, dbFile, { now: now(), keep: opts.keep })
      .then((info) => opts.onBackup?.(info))
      .catch((err: unknown) => {
        if (!stopped) opts.onError?.(err);
      })
      .finally(() => (inFlight = null));
  };
  const timer = setInterval(check, opts.checkEveryMs ?? 60_000);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
    running: () => inFlight,
  };
}

export interface RestoreResult {
  restoredFrom: string;
  /** Where the file that was replaced now lies (null when there was none). */
  previousKeptAs: string | null;
}

/**
 * Replaces the store with a backup, after checking the backup is a whole Vigie store. The file it
 * replaces is kept beside it (`vigie.db.damaged-<time>`), never deleted. Vigie must be closed.
 */
export function restoreBackup(
  dbFile: string,
  from: string,
  now = Date.now(),
  nativeBinding?: string,
): RestoreResult {
  const source = path.resolve(from);
  if (!fs.existsSync(source)) throw new VigieError('backup_missing', `No backup at ${source}.`);
  assertRestorable(source, nativeBinding);
  const target = path.resolve(dbFile);
  const stamp = new Date(now).toISOString().replace(/[-:.]/g, '');
  let previousKeptAs: string | null = null;
  // Copy first under a temporary name in the same folder, so the swap itself is one rename.
  const incoming = `${target}.restoring`;
  fs.copyFileSync(source, incoming);
  if (fs.existsSync(target)) {
    previousKeptAs = `${target}.damaged-${stamp}`;
    fs.renameSync(target, previousKeptAs);
  }
  for (const side of ['-wal', '-shm']) {
    if (!fs.existsSync(target + side)) continue;
    if (previousKeptAs) fs.renameSync(target + side, previousKeptAs + side);
    else fs.rmSync(target + side, { force: true });
  }
  fs.renameSync(incoming, target);
  return { restoredFrom: source, previousKeptAs };
}

/** Restores the newest automatic backup (what the start-up dialog offers for a damaged store). */
export function restoreLatest(dbFile: string, nativeBinding?: string): RestoreResult {
  const latest = latestBackup(dbFile);
  if (!latest) throw new VigieError('backup_missing', `No automatic backup of ${dbFile} exists.`);
  return restoreBackup(dbFile, latest.file, Date.now(), nativeBinding);
}

function assertRestorable(file: string, nativeBinding?: string): void {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    const check = db.pragma('quick_check(1)', { simple: true });
    const hasMentions = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'mentions'")
      .get();
    if (check !== 'ok' || !hasMentions) throw new Error(check !== 'ok' ? String(check) : 'not a Vigie store');
  } catch (err) {
    throw new VigieError(
      'backup_unusable',
      `${file} cannot be restored: it is not a whole Vigie store (${(err as Error).message}). Nothing was changed.`,
    );
  } finally {
    db?.close();
  }
}
