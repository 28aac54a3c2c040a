// What the Electron shell and `vigie serve` ask of the core reaches the worker thread: the watched
// drop folder, and the choice to bring back the newest backup of a damaged store.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type CoreHost } from '../../main/core/host';
import { backupNow } from '../../main/core/store/backup';
import { openStore } from '../../main/core/store/open';
import { Ingestor } from '../../main/core/sync/ingest';
import { makeMentions } from '../helpers/mentions';
import { RESOURCES, WORKER_FILE, tempDir } from '../helpers/tmp';
import { flipPages } from './reliability/store-files';

let tmp: ReturnType<typeof tempDir>;
let core: CoreHost | null = null;
beforeEach(() => (tmp = tempDir()));
afterEach(async () => {
  await core?.close();
  core = null;
  tmp.cleanup();
});

const count = async (c: CoreHost) => (await c.call('mentions.list', { limit: 500 })).items.length;

describe('startCore', () => {
  it('watches the drop folder it was given (vigie serve --watch)', async () => {
    const drop = tmp.file('drop');
    core = await startCore({
      dbPath: tmp.file('v.db'),
      workerFile: WORKER_FILE,
      resourcesDir: RESOURCES,
      tickMs: 250,
      dropFolder: drop,
    });
    const lines = makeMentions(12).map((m) =>
      JSON.stringify({ ...m, createdAt: new Date(m.createdAt).toISOString() }),
    );
    fs.mkdirSync(drop, { recursive: true });
    fs.writeFileSync(path.join(drop, 'export.ndjson'), lines.join('\n') + '\n');
    // The file moves to imported/ just after its last batch commits: wait for both.
    const moved = () => fs.existsSync(path.join(drop, 'imported', 'export.ndjson'));
    const deadline = Date.now() + 15_000;
    while (((await count(core)) < 12 || !moved()) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(await count(core)).toBe(12);
    expect(fs.readdirSync(path.join(drop, 'imported'))).toContain('export.ndjson');
  });

  it('refuses a damaged store, then starts on its newest backup when asked to restore it', async () => {
    const file = tmp.file('v.db');
    const db = openStore(file);
    const ingestor = new Ingestor(db);
    ingestor.ingest(makeMentions(300));
    await backupNow(db, file);
    ingestor.ingest(makeMentions(50, { prefix: 'later' }));
    db.close();
    flipPages(file);

    const options = { dbPath: file, workerFile: WORKER_FILE, resourcesDir: RESOURCES, tickMs: 0 };
    await expect(startCore(options)).rejects.toMatchObject({ code: 'db_corrupt' });
    core = await startCore({ ...options, restoreLatestBackup: true });
    expect(await count(core)).toBe(300);
    expect(fs.readdirSync(tmp.dir).some((f) => f.startsWith('v.db.damaged-'))).toBe(true);
  });
});

describe('CoreHost.close', () => {
  it('leaves no timer behind once the core has closed (it kept every CLI command alive 3 s)', async () => {
    const c = await startCore({
      dbPath: tmp.file('v.db'),
      workerFile: WORKER_FILE,
      resourcesDir: RESOURCES,
      tickMs: 0,
    });
    await count(c);
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    await c.close();
    expect(timers()).toBeLessThanOrEqual(before);
  });
});
