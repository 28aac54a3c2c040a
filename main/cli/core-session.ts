// Shared by the CLI commands: flags, version, and a core worker opened for one command.
import path from 'node:path';
import { distDir, startCore, type CoreHost } from '../core/host';
import { readVersion, resolveDbPath } from '../core/paths';

export type Flags = { [flag: string]: string | boolean | string[] | undefined; _: string[] };

export const VERSION = readVersion(path.resolve(distDir(), '..'));

/** Opens the core for one command (no replay ticks, no background sync) and always closes it. */
export async function withCore<T>(
  flags: Flags,
  seedDemo: boolean,
  run: (core: CoreHost) => Promise<T>,
): Promise<T> {
  const core = await startCore({
    dbPath: resolveDbPath(flags.db as string | undefined),
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
