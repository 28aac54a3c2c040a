// A real core on a temporary store for a test, and a file imported into it the way the Sources screen
// uploads one (import.begin → chunk → commit).
import { afterEach, beforeEach } from 'vitest';
import { startCore, type CoreHost } from '../../main/core/host';
import { RESOURCES, WORKER_FILE, tempDir } from './tmp';

/** Registers hooks: a temp folder per test, and `start(dbPath)` whose core is closed after the test. */
export function useTestCore(): {
  tmp: () => ReturnType<typeof tempDir>;
  start: (dbPath: string) => Promise<CoreHost>;
} {
  let tmp: ReturnType<typeof tempDir>;
  let core: CoreHost | null = null;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(async () => {
    await core?.close();
    core = null;
    tmp.cleanup();
  });
  return {
    tmp: () => tmp,
    start: async (dbPath) =>
      (core = await startCore({ dbPath, workerFile: WORKER_FILE, resourcesDir: RESOURCES, tickMs: 0 })),
  };
}

export async function importText(host: CoreHost, name: string, text: string, format = 'auto') {
  const data = Buffer.from(text);
  const { uploadId } = await host.call('import.begin', { name, size: data.length, format });
  // In pieces the contract accepts (256 KiB of base64), as the Sources screen sends a big file.
  const PIECE = 192 * 1024;
  for (let index = 0; index * PIECE < data.length || index === 0; index++) {
    const piece = data.subarray(index * PIECE, (index + 1) * PIECE).toString('base64');
    await host.call('import.chunk', { uploadId, index, data: piece });
  }
  return host.call('import.commit', { uploadId });
}
