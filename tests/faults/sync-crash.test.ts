import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeded } from '../../main/bench/generate';
import { openStore } from '../../main/core/store/open';
import { SourcesRepo } from '../../main/core/store/sources-repo';
import type { MastodonState } from '../../main/core/sync/sources/mastodon';
import { storeInvariants } from '../helpers/store-checks';
import { CLI, ROOT, tempDir } from '../helpers/tmp';
import {
  newStatuses,
  startMastodonFaultServer,
  type MastodonFaultServer,
} from '../unit/reliability/mastodon-server';

// `vigie sync --once` killed with SIGKILL at random moments while a Mastodon tag keeps growing, then
// run to the end: every post stored exactly once, FTS and rollups in agreement with the mentions, and
// each restart resuming at the saved cursor instead of starting over.
// Sizes: VIGIE_SYNC_CRASH_POSTS (3,000 by default) and VIGIE_SYNC_CRASH_KILLS (6).
const POSTS = Number(process.env.VIGIE_SYNC_CRASH_POSTS ?? 3000);
const KILLS = Number(process.env.VIGIE_SYNC_CRASH_KILLS ?? 6);

let tmp: ReturnType<typeof tempDir>;
let server: MastodonFaultServer;
let db: string;
let config: string;

beforeAll(async () => {
  tmp = tempDir('vigie-sync-crash-');
  server = await startMastodonFaultServer({ pageSize: 40, statuses: newStatuses(Math.round(POSTS * 0.7)) });
  server.delayMs = 15; // a real instance takes its time: the run lasts long enough to be cut anywhere
  db = tmp.file('sync.db');
  config = tmp.file('sources.json');
  const source = {
    id: 'masto',
    type: 'mastodon',
    baseUrl: server.baseUrl,
    hashtag: 'ondaline',
    backfillPages: 100,
  };
  fs.writeFileSync(config, JSON.stringify({ sources: [source] }));
});
afterAll(async () => {
  await server.close();
  tmp.cleanup();
});

const args = () => [CLI, 'sync', '--db', db, '--config', config, '--once', '--json'];

/** Runs `vigie sync --once` and kills it after `ms`, or once the server answered `requests` more requests. */
function syncKilled(when: { ms: number } | { requests: number }): Promise<void> {
  return new Promise((resolve) => {
    const start = server.served.length;
    const child = spawn(process.execPath, args(), { cwd: ROOT, stdio: 'ignore' });
    const kill = () => child.kill('SIGKILL');
    const timer =
      'ms' in when
        ? setTimeout(kill, when.ms)
        : setInterval(() => {
            if (server.served.length - start >= when.requests) kill();
          }, 2);
    child.on('exit', () => {
      clearTimeout(timer);
      clearInterval(timer);
      resolve();
    });
  });
}

/** A whole run (async: the platform server lives in this process and must keep answering). */
function syncToEnd(): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args(), { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    // 'close', not 'exit': the report may still be in the pipe when the process exits.
    child.on('close', (status) => resolve({ status, stdout }));
  });
}

function inspect(): { mentions: number; ftsOk: boolean; rollupsOk: boolean; cursor: MastodonState | null } {
  const store = openStore(db);
  try {
    const row = new SourcesRepo(store).get('masto');
    return {
      ...storeInvariants(store),
      cursor: row?.cursor ? (JSON.parse(row.cursor) as MastodonState) : null,
    };
  } finally {
    store.close();
  }
}

describe('vigie sync killed with SIGKILL', () => {
  it(`keeps every one of ${POSTS.toLocaleString('en')} posts exactly once and resumes at its cursor`, async () => {
    const rnd = seeded(Date.now() % 1e9);
    const growth = Math.round((POSTS * 0.3) / KILLS);
    let resumedMidRun = 0;
    for (let i = 0; i < KILLS; i++) {
      // New posts arrive on the tag between the runs (and during them).
      server.statuses.unshift(...newStatuses(i === KILLS - 1 ? POSTS - server.statuses.length : growth));
      const before = inspect();
      const servedBefore = server.served.length;
      // Half the kills after a number of pages (surely mid-run), half at a random time (anywhere).
      await syncKilled(
        i % 2 === 0 ? { requests: 1 + Math.floor(rnd() * 30) } : { ms: 300 + Math.floor(rnd() * 3000) },
      );
      const after = inspect();
      expect(after.ftsOk).toBe(true);
      expect(after.rollupsOk).toBe(true);
      expect(after.mentions).toBeGreaterThanOrEqual(before.mentions);
      expect(after.mentions).toBeLessThanOrEqual(server.statuses.length);
      // A run cut in the middle left max_id in its cursor: the next run must ask from there.
      const firstRequest = server.served[servedBefore]?.query;
      if (before.cursor?.maxId && firstRequest !== undefined) {
        expect(new URLSearchParams(firstRequest).get('max_id')).toBe(before.cursor.maxId);
        resumedMidRun++;
      }
    }
    expect(server.statuses.length).toBe(POSTS);
    expect(resumedMidRun).toBeGreaterThan(0);

    // A run that finishes an interrupted pass stops at that pass's end; posts published since then
    // come with the next run (the scheduler's, in the app). Two runs always reach the top.
    for (let run = 0; run < 2; run++) {
      const final = await syncToEnd();
      expect(final.status).toBe(0);
      const report = JSON.parse(final.stdout) as { sources: { complete: boolean; error: null }[] };
      expect(report.sources[0]).toMatchObject({ complete: true, error: null });
    }
    const done = inspect();
    expect(done).toMatchObject({ mentions: POSTS, ftsOk: true, rollupsOk: true });
    expect(done.cursor?.maxId).toBeNull();

    // Once in sync, a run asks only for what is newer than the cursor: one request, nothing new.
    const servedBefore = server.served.length;
    const again = await syncToEnd();
    expect(JSON.parse(again.stdout).sources[0]).toMatchObject({ inserted: 0, duplicates: 0, complete: true });
    const asked = server.served.slice(servedBefore);
    expect(asked).toHaveLength(1);
    expect(new URLSearchParams(asked[0]!.query).get('since_id')).toBe(done.cursor!.sinceId);
    console.log(`sync crash: ${KILLS} kills, ${resumedMidRun} restarts resumed mid-run at their max_id`);
  });
});
