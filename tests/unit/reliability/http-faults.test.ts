import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seeded } from '../../../main/bench/generate';
import { openStore } from '../../../main/core/store/open';
import { SourcesRepo } from '../../../main/core/store/sources-repo';
import type { RunReport } from '../../../main/core/sync/engine';
import { SyncEngine } from '../../../main/core/sync/engine';
import { HttpClient } from '../../../main/core/sync/http';
import { Ingestor } from '../../../main/core/sync/ingest';
import { Scheduler } from '../../../main/core/sync/scheduler';
import { EnvAndFileSecrets } from '../../../main/core/sync/secrets';
import '../../../main/core/sync/sources/all';
import { storeInvariants } from '../../helpers/store-checks';
import { tempDir } from '../../helpers/tmp';
import {
  ALL_FAULTS,
  RESET_AFTER_MS,
  RETRY_AFTER_S,
  newStatuses,
  startMastodonFaultServer,
  type Fault,
  type MastodonFaultServer,
} from './mastodon-server';

// What each fault must look like to the cell: the source's status, its one-line message, and when it
// may run again. Existing per-platform tests cover each adapter's reading of its own headers; here
// every fault hits one live source, mixed with normal pages, and nothing may be lost or counted twice.
const HOST = /127\.0\.0\.1:\d+/.source;
const EXPECTED: Record<Fault, { status: string; message: RegExp }> = {
  rate429: {
    status: 'rate_limited',
    message: new RegExp(`^${HOST} rate limit reached; resuming at \\S+Z\\.$`),
  },
  http500: { status: 'error', message: new RegExp(`^${HOST} answered HTTP 500\\.$`) },
  http503: { status: 'error', message: new RegExp(`^${HOST} answered HTTP 503\\.$`) },
  reset: { status: 'offline', message: new RegExp(`^Cannot reach ${HOST}( \\(\\w+\\))?\\.$`) },
  slow: { status: 'offline', message: new RegExp(`^No answer from ${HOST} within 1 s\\.$`) },
  dropped: { status: 'offline', message: new RegExp(`^Cannot reach ${HOST}( \\(\\w+\\))?\\.$`) },
  cutJson: {
    status: 'error',
    message: new RegExp(
      `^${HOST} sent an unreadable body \\(application/json; charset=utf-8\\) instead of JSON\\.$`,
    ),
  },
  wrongType: {
    status: 'error',
    message: new RegExp(`^${HOST} sent an unreadable body \\(image/png\\) instead of JSON\\.$`),
  },
  html: { status: 'error', message: new RegExp(`^${HOST} sent an HTML page instead of JSON\\.$`) },
};

let tmp: ReturnType<typeof tempDir>;
let db: Database.Database;
let server: MastodonFaultServer;
let clock: number;
let sources: SourcesRepo;
let scheduler: Scheduler;

beforeEach(async () => {
  tmp = tempDir();
  db = openStore(tmp.file('faults.db'));
  clock = Date.UTC(2026, 10, 28, 12);
  const now = () => clock;
  sources = new SourcesRepo(db);
  const engine = new SyncEngine({
    db,
    ingestor: new Ingestor(db, now),
    http: new HttpClient({ timeoutMs: 1000, now }), // long enough for a loaded CI machine
    secrets: new EnvAndFileSecrets({}),
    now,
  });
  scheduler = new Scheduler(engine, sources, { now, random: seeded(11) });
  server = await startMastodonFaultServer({ pageSize: 20, now });
  sources.create(
    {
      id: 'masto',
      type: 'mastodon',
      name: 'Mastodon #ondaline',
      config: { baseUrl: server.baseUrl, hashtag: 'ondaline', backfillPages: 100 },
      status: 'idle',
    },
    clock,
  );
});
afterEach(async () => {
  await server.close();
  db.close();
  tmp.cleanup();
});

/** One scheduler pass at the time the source is due; returns its report. */
async function runWhenDue(): Promise<RunReport> {
  const due = sources.get('masto')!.next_run_at;
  if (due !== null && due > clock) clock = due;
  const [report] = await scheduler.tick();
  if (!report) throw new Error('the source was not due');
  return report;
}

const count = () => db.prepare('SELECT COUNT(*) FROM mentions').pluck().get() as number;

describe('HTTP faults from a live source', () => {
  it.each(ALL_FAULTS)(
    '%s: clear status and message, a wait before the retry, nothing stored',
    async (fault) => {
      server.statuses.push(...newStatuses(30));
      server.faults.push(fault);
      const before = clock;
      const report = await runWhenDue();
      expect(report.status).toBe(EXPECTED[fault].status);
      expect(report.error?.message).toMatch(EXPECTED[fault].message);
      expect(report.inserted).toBe(0);
      expect(count()).toBe(0);
      const row = sources.get('masto')!;
      expect(row.status).toBe(EXPECTED[fault].status);
      expect(row.last_error).toBe(report.error?.message);
      expect(row.cursor).toBeNull();
      const wait = row.next_run_at! - before;
      if (fault === 'rate429') expect(row.next_run_at).toBe(before + RESET_AFTER_MS);
      else if (fault === 'http503') expect(wait).toBe(RETRY_AFTER_S * 1000);
      else if (report.status === 'offline') expect(wait).toBeGreaterThan(0);
      else expect(wait).toBeGreaterThanOrEqual(2_500); // backoff, never an immediate hammering retry

      const recovered = await runWhenDue();
      expect(recovered).toMatchObject({ status: 'ok', inserted: 30, complete: true });
      expect(sources.get('masto')!.status).toBe('ok');
    },
  );

  it('a storm of every fault mixed with pages and new posts: every post stored exactly once', async () => {
    const rnd = seeded(2026);
    server.statuses.push(...newStatuses(180));
    // Every fault at least once, in a shuffled order, then random ones among normal answers.
    const queue = [...ALL_FAULTS].sort(() => rnd() - 0.5);
    const reports: { report: RunReport; fault: Fault | null }[] = [];
    let inserted = 0;
    for (let round = 0; round < 200; round++) {
      if (round % 4 === 0 && round < 60) server.statuses.unshift(...newStatuses(7));
      const injecting = round < 60;
      if (injecting && rnd() < 0.6) {
        const fault = queue.shift() ?? ALL_FAULTS[Math.floor(rnd() * ALL_FAULTS.length)]!;
        // Often in the middle of a run: a page or two go through first.
        server.faults.push(...Array<null>(Math.floor(rnd() * 3)).fill(null), fault);
      }
      const servedBefore = server.served.length;
      const report = await runWhenDue();
      const faultsThisRun = server.served
        .slice(servedBefore)
        .map((s) => s.fault)
        .filter((f): f is Fault => f !== null);
      reports.push({ report, fault: faultsThisRun.at(-1) ?? null });
      inserted += report.inserted;
      if (!injecting && report.status === 'ok' && report.complete && report.inserted === 0) break;
    }
    const failed = reports.filter((r) => r.report.error);
    expect(new Set(failed.map((r) => r.fault))).toEqual(new Set(ALL_FAULTS));
    for (const { report, fault } of failed) {
      expect(fault).not.toBeNull();
      expect(report.status).toBe(EXPECTED[fault!].status);
      expect(report.error!.message).toMatch(EXPECTED[fault!].message);
    }
    expect(reports.at(-1)!.report).toMatchObject({ status: 'ok', complete: true, inserted: 0 });
    const total = server.statuses.length;
    expect(inserted).toBe(total);
    expect(storeInvariants(db)).toEqual({ mentions: total, ftsOk: true, rollupsOk: true });
    const stored = new Set(db.prepare('SELECT external_id FROM mentions').pluck().all() as string[]);
    expect(stored.size).toBe(total);
  });
});
