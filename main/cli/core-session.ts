// Shared by the CLI commands: flags, version, and a core worker opened for one command.
import fs from 'node:fs';
import path from 'node:path';
import { VigieError } from '../core/errors';
import { distDir, startCore, type CoreHost } from '../core/host';
import { readVersion, resolveDbPath } from '../core/paths';

export type Flags = { [flag: string]: string | boolean | string[] | undefined; _: string[] };

export const VERSION = readVersion(path.resolve(distDir(), '..'));

/**
 * The database path of a command, checked: a folder is refused in words (not EISDIR), and a reading
 * command (`mustExist`) refuses a missing file instead of creating an empty store at a mistyped path.
 */
export function checkedDbPath(flags: Flags, mustExist = false): string {
  const dbPath = resolveDbPath(flags.db as string | undefined);
  const stat = fs.statSync(dbPath, { throwIfNoEntry: false });
  if (stat?.isDirectory())
    throw new VigieError('bad_flag', `${dbPath} is a folder, not a database file: give the file (vigie.db).`);
  if (mustExist && !stat) throw new VigieError('no_db', `No Vigie database at ${dbPath}.`);
  return dbPath;
}

/**
 * Opens the core for one command (no replay ticks, no background sync) and always closes it.
 * `mustExist`: a reading command, refused when there is no database yet.
 */
export async function withCore<T>(
  flags: Flags,
  seedDemo: boolean,
  run: (core: CoreHost) => Promise<T>,
  mustExist = false,
): Promise<T> {
  const core = await startCore({
    dbPath: checkedDbPath(flags, mustExist),
    mode: 'cli',
    version: VERSION,
    seedDemo,
    tickMs: 0,
  });
  try {
    return await run(core);
  } finally {
    await core.close();
  }
}
