import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startCore, type CoreHost } from '../../main/core/host';
import { WORKER_FILE, RESOURCES, tempDir } from '../helpers/tmp';
import {
  newStatuses,
  startMastodonFaultServer,
  type MastodonFaultServer,
} from '../unit/reliability/mastodon-server';

// A live core (the worker the app and web mode run, with its scheduler) whose source's network goes
// away and comes back: the source shows "offline", then resumes by itself and catches up, with no
// action from the user and nothing lost.

let tmp: ReturnType<typeof tempDir>;
let core: CoreHost;
let server: MastodonFaultServer | null = null;

beforeEach(async () => {
  tmp = tempDir('vigie-offline-');
  core = await startCore({
    dbPath: tmp.file('live.db'),
    mode: 'web',
    version: 'test',
    seedDemo: false,
    tickMs: 250,
    workerFile: WORKER_FILE,
    resourcesDir: RESOURCES,
  });
});
afterEach(async () => {
  await core.close();
  await server?.close();
  server = null;
  tmp.cleanup();
});

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

async function sourceStatus(): Promise<{ status: string; lastError: string | null }> {
  const { items } = await core.call('sources.list', {});
  const source = items.find((i) => i.id === 'masto')!;
  return { status: source.status, lastError: source.lastError };
}

async function storedCount(): Promise<number> {
  const { items } = await core.call('mentions.list', { limit: 500 });
  return items.length;
}

describe('a live source losing its network', () => {
  it('goes offline, then resumes by itself and catches up, twice', async () => {
    const port = await freePort();
    await core.call('sources.save', {
      id: 'masto',
      type: 'mastodon',
      name: 'Mastodon #ondaline',
      config: { baseUrl: `http://127.0.0.1:${port}`, hashtag: 'ondaline', intervalSeconds: 15 },
    });
    // Nothing listens: offline, with a message naming the host.
    await vi.waitFor(async () => expect((await sourceStatus()).status).toBe('offline'), {
      timeout: 30_000,
      interval: 250,
    });
    expect((await sourceStatus()).lastError).toMatch(new RegExp(`Cannot reach 127\\.0\\.0\\.1:${port}`));

    // The network returns on the same address, with posts published meanwhile.
    const posts = newStatuses(60);
    server = await startMastodonFaultServer({ port, statuses: [...posts] });
    await vi.waitFor(async () => expect(await storedCount()).toBe(60), { timeout: 60_000, interval: 250 });
    expect((await sourceStatus()).status).toBe('ok');

    // It drops again; posts keep coming while it is down.
    const published = server.statuses;
    await server.close();
    server = null;
    await vi.waitFor(async () => expect((await sourceStatus()).status).toBe('offline'), {
      timeout: 60_000,
      interval: 250,
    });
    published.unshift(...newStatuses(25));
    server = await startMastodonFaultServer({ port, statuses: published });
    await vi.waitFor(async () => expect(await storedCount()).toBe(85), { timeout: 60_000, interval: 250 });
    expect((await sourceStatus()).status).toBe('ok');
  });
});
