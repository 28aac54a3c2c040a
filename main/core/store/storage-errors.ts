// One clear sentence for each way the disk can refuse a write; SQLite's own words ("database or disk
// is full") do not tell a community manager what happened to their data.

const STORAGE_MESSAGES: Record<string, (file: string) => string> = {
  SQLITE_FULL: (f) =>
    `The disk holding ${f} is full: the last batch was not stored (nothing half-written). Free some space and try again.`,
  SQLITE_READONLY: (f) =>
    `${f} cannot be written (read-only file or folder): nothing was changed. Give Vigie a writable folder.`,
  SQLITE_CANTOPEN: (f) =>
    `${f} cannot be opened for writing (read-only or missing folder, or no permission): nothing was changed.`,
  SQLITE_IOERR: (f) =>
    `The disk failed while writing ${f}: the last batch was not stored (nothing half-written).`,
};

/** One clear sentence for a storage failure (full disk, read-only folder, I/O error), or null. */
export function storageErrorMessage(err: unknown, file: string): string | null {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string') return null;
  const base = Object.keys(STORAGE_MESSAGES).find((k) => code === k || code.startsWith(`${k}_`));
  return base ? STORAGE_MESSAGES[base]!(file) : null;
}
