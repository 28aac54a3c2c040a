import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open';
import { SourcesRepo } from '../../../main/core/store/sources-repo';
import { backoffDelay } from '../../../main/core/sync/backoff';
import { SyncEngine } from '../../../main/core/sync/engine';
import { HttpClient } from '../../../main/core/sync/http';
import { Ingestor } from '../../../main/core/sync/ingest';
import { Scheduler } from '../../../main/core/sync/scheduler';
import { EnvAndFileSecrets } from '../../../main/core/sync/secrets';
import '../../../main/core/sync/sources/all';
import { startPlatformServer } from '../../helpers/platform-server';
import { ROOT, tempDir } from '../../helpers/tmp';

const TAG = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'tests/fixtures/mastodon/tag-timeline.json'), 'utf8'),
) as unknown[];

let tmp: ReturnType<typeof tempDir>;
let db: Database.Database;
let clock: number;
let sources: SourcesRepo;
let engine: SyncEngine;

beforeEach(() => {
  tmp = tempDir();
  db = openStore(tmp.file('s.db'));
  clock = Date.UTC(2026, 10, 20, 12, 0, 0);
  sources = new SourcesRepo(db);
  const now = () => clock;
  engine = new SyncEngine({
    db,
    ingestor: new Ingestor(db, now),
    http: new HttpClient({ timeoutMs: 2_000, now }),
    secrets: new EnvAndFileSecrets({}),
    now,
  });
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

const count = () => (db.prepare('SELECT COUNT(*) AS n FROM mentions').get() as { n: number }).n;

/** A port with nothing listening: what a dead network or a down instance looks like. */
async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

function addMastodon(baseUrl: string, extra: Record<string, unknown> = {}) {
  sources.create(
    {
      id: 'm1',
      type: 'mastodon',
      name: 'Mastodon #panne',
      config: { baseUrl, hashtag: 'panne', ...extra },
      status: 'idle',
    },
    clock,
  );
}

describe('scheduler', () => {
  it('marks a source offline when the network is down and resumes by itself when it returns', async () => {
    const port = await closedPort();
    addMastodon(`http://127.0.0.1:${port}`);
    const scheduler = new Scheduler(engine, sources, { now: () => clock, random: () => 0.5 });
    const [down] = await scheduler.tick();
    expect(down!.status).toBe('offline');
    expect(sources.get('m1')!.status).toBe('offline');
    expect(sources.get('m1')!.last_error).toMatch(/Cannot reach 127\.0\.0\.1/);
    const retryAt = sources.get('m1')!.next_run_at!;
    expect(retryAt - clock).toBeLessThanOrEqual(30_000);
    expect(await scheduler.tick()).toEqual([]); // not due yet

    // The network comes back on the same address.
    const server = await startPlatformServer(() => ({ body: TAG }));
    try {
      sources.upsert(
        {
          id: 'm1',
          type: 'mastodon',
          name: 'Mastodon #panne',
          config: { baseUrl: server.baseUrl, hashtag: 'panne' },
        },
        clock,
      );
      clock = retryAt;
      const [up] = await scheduler.tick();
      expect(up!.status).toBe('ok');
      expect(count()).toBe(TAG.length);
      expect(sources.get('m1')!.status).toBe('ok');
    } finally {
      await server.close();
    }
  });

  it('stops a source whose credentials are refused until the user edits it', async () => {
    const server = await startPlatformServer(() => ({
      status: 401,
      body: { error: 'The access token is invalid' },
    }));
    try {
      addMastodon(server.baseUrl);
      const scheduler = new Scheduler(engine, sources, { now: () => clock });
      const [r] = await scheduler.tick();
      expect(r!.status).toBe('auth_error');
      expect(r!.error!.message).toMatch(/refused the credentials.*check the token/);
      expect(sources.get('m1')!.next_run_at).toBeNull();
      clock += 3_600_000;
      expect(await scheduler.tick()).toEqual([]);
      sources.upsert(
        {
          id: 'm1',
          type: 'mastodon',
          name: 'Mastodon #panne',
          config: { baseUrl: server.baseUrl, hashtag: 'panne' },
        },
        clock,
      );
      expect(scheduler.due().map((s) => s.id)).toEqual(['m1']);
    } finally {
      await server.close();
    }
  });

  it('waits for the rate-limit reset the platform announced', async () => {
    const reset = new Date(clock + 7 * 60_000).toISOString();
    const server = await startPlatformServer(() => ({
      status: 429,
      headers: { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      body: { error: 'Too many requests' },
    }));
    try {
      addMastodon(server.baseUrl);
      const scheduler = new Scheduler(engine, sources, { now: () => clock });
      const [r] = await scheduler.tick();
      expect(r!.status).toBe('rate_limited');
      expect(sources.get('m1')!.next_run_at).toBeGreaterThanOrEqual(Date.parse(reset));
    } finally {
      await server.close();
    }
  });

  it('backs off exponentially with jitter on server errors, and honours Retry-After', async () => {
    let retryAfter: string | undefined;
    const server = await startPlatformServer(() => ({
      status: 503,
      headers: retryAfter ? { 'retry-after': retryAfter } : ({} as Record<string, string>),
    }));
    try {
      addMastodon(server.baseUrl);
      const scheduler = new Scheduler(engine, sources, { now: () => clock, random: () => 1 });
      const delays: number[] = [];
      for (let i = 0; i < 4; i++) {
        await scheduler.tick();
        const next = sources.get('m1')!.next_run_at!;
        delays.push(next - clock);
        clock = next;
      }
      expect(delays).toEqual([5_000, 10_000, 20_000, 40_000]);
      retryAfter = '600';
      await scheduler.tick();
      expect(sources.get('m1')!.next_run_at! - clock).toBe(600_000);
      expect(count()).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('never runs more sources at once than the concurrency limit', async () => {
    let inFlight = 0;
    let peak = 0;
    const server = await startPlatformServer(async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 50));
      inFlight--;
      return { body: [] };
    });
    try {
      for (let i = 0; i < 5; i++) {
        sources.create(
          {
            id: `m${i}`,
            type: 'mastodon',
            name: `m${i}`,
            config: { baseUrl: server.baseUrl, hashtag: `t${i}` },
            status: 'idle',
          },
          clock,
        );
      }
      const scheduler = new Scheduler(engine, sources, { now: () => clock, concurrency: 2 });
      const ran = (await scheduler.tick()).length;
      expect(ran).toBe(2);
      expect(peak).toBeLessThanOrEqual(2);
    } finally {
      await server.close();
    }
  });
});

describe('backoff', () => {
  it('is capped and never below half its ceiling', () => {
    expect(backoffDelay(1, { random: () => 0 })).toBe(2_500);
    expect(backoffDelay(30, { random: () => 1 })).toBe(15 * 60_000);
    expect(backoffDelay(30, { random: () => 0 })).toBe(7.5 * 60_000);
  });
});
