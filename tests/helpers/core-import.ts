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
  await host.call('import.chunk', { uploadId, index: 0, data: data.toString('base64') });
  return host.call('import.commit', { uploadId });
}
