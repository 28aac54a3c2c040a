// Where a store's automatic backups lie and which exist, from their names alone: no SQLite here, so
// the Electron shell can tell whether a damaged store has a backup to offer.
import fs from 'node:fs';
import path from 'node:path';

export const BACKUP_DIR = 'backups';

export interface BackupInfo {
  file: string;
  /** When it was taken, ms UTC (from its name). */
  at: number;
  bytes: number;
}

export function backupDir(dbFile: string): string {
  return path.join(path.dirname(path.resolve(dbFile)), BACKUP_DIR);
}

export const stem = (dbFile: string) => path.basename(dbFile).replace(/\.db$/i, '');

/** `vigie-20261128T101500123Z.db`: sortable, and says when it was taken. */
export function backupName(dbFile: string, at: number): string {
  const stamp = new Date(at).toISOString().replace(/[-:.]/g, '');
  return `${stem(dbFile)}-${stamp}.db`;
}

function parseStamp(name: string, prefix: string): number | null {
  if (!name.startsWith(prefix) || !name.endsWith('.db')) return null;
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(name.slice(prefix.length, -3));
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms] = m.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms!);
}

/** The store's backups, newest first. */
export function listBackups(dbFile: string): BackupInfo[] {
  const dir = backupDir(dbFile);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const prefix = `${stem(dbFile)}-`;
  const out: BackupInfo[] = [];
  for (const name of names) {
    const at = parseStamp(name, prefix);
    if (at === null) continue;
    const file = path.join(dir, name);
    out.push({ file, at, bytes: fs.statSync(file).size });
  }
  return out.sort((a, b) => b.at - a.at);
}

export function latestBackup(dbFile: string): BackupInfo | null {
  return listBackups(dbFile)[0] ?? null;
}
