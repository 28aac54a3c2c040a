// `npm run bench [-- --max N] [-- --no-browser] [-- --keep]`: prints the figures and writes bench-results.json at
// the repo root. At each size: ingest throughput (pipeline vs raw insert+FTS), query latencies, the
// startup integrity check, the real core (`vigie serve`) start time and memory, and in Chromium the
// war-room's first render and the ingest-to-visible latency during a replay.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadScenario } from '../core/demo/scenario';
import { createDemo, DEMO_SOURCE_ID } from '../core/demo/seed';
import { backupNow } from '../core/store/backup';
import { IncidentsRepo } from '../core/store/incidents-repo';
import { quickCheck } from '../core/store/integrity';
import { openStore } from '../core/store/open';
import { firstRender, latencyStats, launchBrowser, watchFeed, type FirstRender } from './browser-bench';
import { BENCH_DAYS } from './generate';
import { pipeline, rawBaseline } from './ingest-bench';
import { queryBench } from './query-bench';
import { printGrowth, printRow, type BenchRow } from './report';
import { memoryOf, serve } from './serve-bench';
import { round } from './stats';

const SIZES = [10_000, 100_000, 1_000_000];
const DAY = 86_400_000;
const REPLAY_SPEED = 3000;
const WATCH_MS = 15_000;

function fileSize(file: string): number {
  return [file, `${file}-wal`].reduce((n, f) => n + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
}

function machine() {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const cpu = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model.trim() ?? '?';
  return {
    cpu,
    cores: os.cpus().length,
    ramGiB: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    load: os.loadavg().map((l) => round(l, 2)),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      max: { type: 'string' },
      /** Skip the smaller sizes (`--min 1000000`: only the 1M run). */
      min: { type: 'string' },
      out: { type: 'string' },
      'no-browser': { type: 'boolean' },
      /** Keep the generated stores (their folder is printed) to look into them afterwards. */
      keep: { type: 'boolean' },
    },
  });
  const max = values.max ? Number(values.max) : Infinity;
  const min = values.min ? Number(values.min) : 0;
  const sizes = SIZES.filter((s) => s <= max && s >= min);
  const root = path.resolve(__dirname, '..');
  const m = machine();
  console.log(`Vigie bench on ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB, Node ${m.node}\n`);
  const browser = values['no-browser'] ? null : await launchBrowser();
  if (!browser) console.log('(browser figures skipped: --no-browser, or no /usr/bin/chromium)\n');
  const results: BenchRow[] = [];
  try {
    for (const size of sizes) {
      const row = await benchSize(root, size, browser, values.keep ?? false);
      results.push(row);
      printRow(row);
    }
  } finally {
    await browser?.close();
  }
  printGrowth(results);
  const out = values.out ?? path.join(root, 'bench-results.json');
  fs.writeFileSync(out, JSON.stringify({ machine: m, at: new Date().toISOString(), results }, null, 2));
  console.log(`\nWritten to ${out}`);
}

async function benchSize(
  root: string,
  size: number,
  browser: Awaited<ReturnType<typeof launchBrowser>>,
  keep: boolean,
): Promise<BenchRow> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-bench-'));
  // 30 days of stream ending 36 h ago: the demo replay then plays the newest 36 hours on top.
  const now = Date.now();
  const start = Math.floor((now - 1.5 * DAY - BENCH_DAYS * DAY) / 60_000) * 60_000;
  try {
    const baseFile = path.join(dir, 'baseline.db');
    const base = openStore(baseFile);
    const baselineRate = rawBaseline(base, size, start);
    base.close();
    fs.rmSync(baseFile, { force: true });

    const dbFile = path.join(dir, 'vigie.db');
    const db = openStore(dbFile);
    const pipelineRate = await pipeline(db, size, start);
    const queries = queryBench(db, start);
    // The cell's incident over the whole storm: what the war-room opens on.
    new IncidentsRepo(db).create(
      { id: 'bench', title: 'Bench', level: 'crise', openedAt: start, isDemo: false, sourceIds: [] },
      'bench',
    );
    db.pragma('wal_checkpoint(TRUNCATE)');
    const b = performance.now();
    await backupNow(db, dbFile);
    const backupMs = Math.round(performance.now() - b);
    db.close();
    const dbMB = round(fileSize(dbFile) / 1024 ** 2, 1);

    const check = new Database(dbFile, { readonly: true });
    const t = performance.now();
    const health = quickCheck(check);
    const quickCheckMs = Math.round(performance.now() - t);
    check.close();
    if (!health.ok) throw new Error(`bench store failed quick_check: ${health.problems.join('; ')}`);

    const served = await serve(root, dbFile, ['--no-demo']);
    let render: FirstRender | null = null;
    let memory: ReturnType<typeof memoryOf>;
    try {
      if (browser) render = await firstRender(browser, served.url);
      memory = memoryOf(served.pid);
    } finally {
      await served.stop();
    }

    const latency = browser ? await replayLatency(root, dbFile, browser) : null;
    return {
      size,
      ingest: {
        pipelinePerSecond: pipelineRate,
        baselinePerSecond: baselineRate,
        ratio: round(pipelineRate / baselineRate),
      },
      queries,
      dbMB,
      quickCheckMs,
      backupMs,
      core: { startMs: served.startMs, rssMB: memory?.rssMB ?? null, peakMB: memory?.peakMB ?? null },
      browser: { firstRender: render, ingestToVisible: latency },
    };
  } finally {
    if (keep) console.log(`  (store kept in ${dir})`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The demo storm replayed live on top of the filled store; each new row's commit → on-screen time. */
async function replayLatency(
  root: string,
  dbFile: string,
  browser: NonNullable<Awaited<ReturnType<typeof launchBrowser>>>,
): Promise<ReturnType<typeof latencyStats>> {
  const db = openStore(dbFile);
  createDemo(db, loadScenario(path.join(root, 'resources')), REPLAY_SPEED, Date.now());
  db.close();
  const served = await serve(root, dbFile, ['--replay-speed', String(REPLAY_SPEED)]);
  let watched: Awaited<ReturnType<typeof watchFeed>>;
  try {
    watched = await watchFeed(browser, served.url, WATCH_MS);
  } finally {
    await served.stop();
  }
  const store = new Database(dbFile, { readonly: true });
  const committed = store.prepare('SELECT fetched_at FROM mentions WHERE id = ? AND source_id = ?').pluck();
  const latencies: number[] = [];
  for (const [id, seenAt] of Object.entries(watched.seen)) {
    const at = committed.get(id, DEMO_SOURCE_ID) as number | undefined;
    // Rows committed before the watch began were part of the page's first load, not live arrivals.
    if (at !== undefined && at >= watched.watchFrom) latencies.push(seenAt - at);
  }
  store.close();
  return latencyStats(latencies);
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
