// One live Vigie per database: a second app or `vigie serve` on the same file is refused with a
// sentence naming the first, one-shot commands still share the file, and a crashed holder (kill -9)
// leaves nothing behind.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VigieError } from '../../../main/core/errors';
import { startCore } from '../../../main/core/host';
import { acquireLiveLock } from '../../../main/core/store/live-lock';
import { CLI, RESOURCES, ROOT, WORKER_FILE, tempDir } from '../../helpers/tmp';
import { canMountTmpfs, mountSmallDisk } from './small-disk';
import { cli, storeWith } from './store-files';

let tmp: ReturnType<typeof tempDir>;
let file: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  tmp = tempDir();
  file = tmp.file('vigie.db');
});
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  tmp.cleanup();
});

function refusal(run: () => unknown): VigieError {
  try {
    run();
  } catch (err) {
    return err as VigieError;
  }
  throw new Error('expected a refusal');
}

/** `vigie serve` on `file`, resolved once it serves (its output so far and the process). */
async function serve(): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--no-demo', '--db', file], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (/running at/.test(out)) {
        clearInterval(timer);
        resolve();
      }
    }, 50);
    child.on('close', (code) => {
      clearInterval(timer);
      reject(new Error(`vigie serve ended (${code}): ${out}`));
    });
  });
  return { child, output: () => out };
}

describe('the live lock', () => {
  // A process that is alive and is not this one: the description names only living holders.
  const other = process.ppid;

  it('refuses a second holder with who holds it, and is free again once released', () => {
    const first = acquireLiveLock(file, { mode: 'web', pid: other, since: Date.UTC(2026, 10, 29, 9, 30) });
    const error = refusal(() => acquireLiveLock(file, { mode: 'electron', pid: process.pid }));
    expect(error).toBeInstanceOf(VigieError);
    expect(error.code).toBe('db_in_use');
    expect(error.message).toBe(
      `${file} is already open in Vigie web mode (vigie serve), process ${other}, since 2026-11-29 09:30 UTC. ` +
        'Use that one, or close it first; a second live Vigie on the same database would sync, replay and alert everything twice.',
    );
    first.release();
    first.release(); // twice is harmless
    expect(fs.existsSync(`${first.file}.json`)).toBe(false);
    const second = acquireLiveLock(file, { mode: 'electron', pid: other });
    expect(refusal(() => acquireLiveLock(file, { mode: 'web', pid: process.pid })).message).toContain(
      `the Vigie app, process ${other}`,
    );
    second.release();
  });

  it('a description of a process that is gone, or of the asker itself, is not trusted', () => {
    const held = acquireLiveLock(file, { mode: 'web', pid: process.pid });
    expect(refusal(() => acquireLiveLock(file, { mode: 'web', pid: process.pid })).message).toContain(
      'is already open in another Vigie.',
    );
    fs.writeFileSync(`${held.file}.json`, JSON.stringify({ mode: 'web', pid: 2 ** 22 + 7, since: 0 }));
    expect(refusal(() => acquireLiveLock(file, { mode: 'web', pid: other })).message).toContain(
      'is already open in another Vigie.',
    );
    held.release();
  });

  it('a live core on something that is not a Vigie store refuses it and creates nothing beside it', async () => {
    const notes = tmp.file('notes.txt');
    fs.writeFileSync(notes, 'meeting notes, not a database');
    const options = {
      dbPath: notes,
      resourcesDir: RESOURCES,
      mode: 'web' as const,
      version: 't',
      workerFile: WORKER_FILE,
    };
    await expect(startCore({ ...options, seedDemo: false })).rejects.toMatchObject({ code: 'db_not_sqlite' });
    expect(fs.readdirSync(tmp.dir)).toEqual(['notes.txt']);
  });

  it('a live core takes it and gives it back when it closes; one-shot cores do not take it', async () => {
    const options = {
      dbPath: file,
      resourcesDir: RESOURCES,
      mode: 'web' as const,
      version: 't',
      workerFile: WORKER_FILE,
    };
    const live = await startCore({ ...options, seedDemo: false });
    await expect(startCore({ ...options, seedDemo: false })).rejects.toMatchObject({ code: 'db_in_use' });
    const oneShot = await startCore({ ...options, mode: 'cli', seedDemo: false, tickMs: 0 });
    expect(await oneShot.call('mentions.query', { limit: 1 })).toBeDefined();
    await oneShot.close();
    await live.close();
    const again = await startCore({ ...options, seedDemo: false });
    await again.close();
  });
});

describe('two Vigies on one database', () => {
  it('a second vigie serve stops with one sentence; reading and importing still work beside the first', async () => {
    storeWith(file, 50);
    const first = await serve();
    const second = cli(['serve', '--port', '0', '--no-demo', '--db', file]);
    expect(second.status).toBe(1);
    expect(second.stdout).not.toMatch(/running at/);
    expect(second.stderr).toContain(
      `is already open in Vigie web mode (vigie serve), process ${first.child.pid}, since `,
    );
    const listed = cli(['mentions', '--db', file, '--limit', '100', '--json']);
    expect(listed.status).toBe(0);
    expect(listed.stdout.trim().split('\n')).toHaveLength(50);
  });

  it('restoring a backup under a running Vigie is refused and replaces nothing', async () => {
    storeWith(file, 20);
    expect(cli(['backup', '--db', file]).status).toBe(0);
    await serve();
    const restore = cli(['restore', '--db', file, '--latest']);
    expect(restore.status).toBe(1);
    expect(restore.stderr).toContain('is already open in Vigie web mode');
    expect(restore.stdout).not.toMatch(/Restored/);
  });

  it('a holder killed with -9 leaves no stale lock: the next Vigie starts at once', async () => {
    storeWith(file, 10);
    const first = await serve();
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.on('close', resolve));
    const next = await serve();
    expect(next.output()).toMatch(/running at/);
  });
});

describe.runIf(canMountTmpfs())('on a disk that became read-only (tmpfs)', () => {
  it('a live core says the store cannot be opened for writing, the same sentence as the store', async () => {
    const disk = mountSmallDisk(2 * 1024 * 1024);
    try {
      const onDisk = `${disk.dir}/vigie.db`;
      storeWith(onDisk, 20);
      // A lock file left from an earlier run: SQLite would open it read-only without a word.
      acquireLiveLock(onDisk, { mode: 'web', pid: process.pid }).release();
      disk.readOnly();
      const options = {
        dbPath: onDisk,
        resourcesDir: RESOURCES,
        mode: 'web' as const,
        version: 't',
        workerFile: WORKER_FILE,
      };
      await expect(startCore({ ...options, seedDemo: false })).rejects.toMatchObject({
        code: 'db_unwritable',
        message: `${onDisk} cannot be opened for writing (read-only or missing folder, or no permission): nothing was changed.`,
      });
    } finally {
      disk.unmount();
    }
  });
});
