// `vigie backup --db PATH` and `vigie restore --db PATH [--from FILE | --latest]`.
import { VigieError } from '../core/errors';
import { backupNow, restoreBackup } from '../core/store/backup';
import { backupDir, latestBackup, listBackups } from '../core/store/backup-files';
import { acquireLiveLock } from '../core/store/live-lock';
import { openStore } from '../core/store/open';
import { checkedDbPath, type Flags } from './core-session';

const megabytes = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;

/** A backup now, with the SQLite backup API (safe while the app has the store open). */
export async function backupCommand(flags: Flags): Promise<void> {
  const dbPath = checkedDbPath(flags, true);
  const db = openStore(dbPath);
  try {
    const info = await backupNow(db, dbPath);
    console.log(`Backup written: ${info.file} (${megabytes(info.bytes)})`);
  } finally {
    db.close();
  }
}

/** Puts a backup in place of the store; the replaced file is kept beside it. Vigie must be closed. */
export async function restoreCommand(flags: Flags): Promise<void> {
  const dbPath = checkedDbPath(flags);
  const from = flags.from as string | undefined;
  if (from && flags.latest) throw new VigieError('bad_flag', 'Use --from FILE or --latest, not both.');
  let source = from;
  if (!source && flags.latest) {
    const latest = latestBackup(dbPath);
    if (!latest) throw new VigieError('backup_missing', `No automatic backup in ${backupDir(dbPath)}.`);
    source = latest.file;
  }
  if (!source) {
    const all = listBackups(dbPath);
    const lines = all.map((b) => `  ${b.file}  ${new Date(b.at).toISOString()}  ${megabytes(b.bytes)}`);
    throw new VigieError(
      'bad_flag',
      all.length
        ? `Choose a backup with --from FILE, or --latest for the newest:\n${lines.join('\n')}`
        : `No automatic backup in ${backupDir(dbPath)}; name a file with --from FILE.`,
    );
  }
  // Never under a running Vigie: it would go on writing to the file being replaced.
  const lock = acquireLiveLock(dbPath, { mode: 'restore', pid: process.pid });
  let result;
  try {
    result = restoreBackup(dbPath, source);
  } finally {
    lock.release();
  }
  console.log(`Restored ${dbPath} from ${result.restoredFrom}.`);
  if (result.previousKeptAs) console.log(`The file it replaced is kept as ${result.previousKeptAs}.`);
}
