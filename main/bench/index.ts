// `npm run bench [-- --max N]`: prints the figures and writes bench-results.json at the repo root.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../core/store/open';
import { pipeline, rawBaseline } from './ingest-bench';
import { queryBench } from './query-bench';
import { round } from './stats';

const SIZES = [10_000, 100_000, 1_000_000];

function fileSize(file: string): number {
  return [file, `${file}-wal`].reduce((n, f) => n + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
}

function main(): void {
  const { values } = parseArgs({ options: { max: { type: 'string' }, out: { type: 'string' } } });
  const max = values.max ? Number(values.max) : Infinity;
  const sizes = SIZES.filter((s) => s <= max);
  const root = path.resolve(__dirname, '..');
  const results: Record<string, unknown>[] = [];
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${round(os.totalmem() / 1024 ** 3, 0)} GiB, Node ${process.version}`;
  console.log(`Vigie bench on ${machine}\n`);
  for (const size of sizes) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-bench-'));
    try {
      const base = openStore(path.join(dir, 'baseline.db'));
      const baselineRate = rawBaseline(base, size);
      base.close();
      const dbFile = path.join(dir, 'pipeline.db');
      const db = openStore(dbFile);
      const pipelineRate = pipeline(db, size);
      const queries = queryBench(db);
      db.pragma('wal_checkpoint(TRUNCATE)');
      const row = {
        size,
        ingest: {
          pipelinePerSecond: pipelineRate,
          baselinePerSecond: baselineRate,
          ratio: round(pipelineRate / baselineRate),
        },
        queries,
        rssMB: round(process.memoryUsage().rss / 1024 ** 2, 0),
        dbMB: round(fileSize(dbFile) / 1024 ** 2, 1),
      };
      db.close();
      results.push(row);
      printRow(row);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const out = values.out ?? path.join(root, 'bench-results.json');
  fs.writeFileSync(out, JSON.stringify({ machine, at: new Date().toISOString(), results }, null, 2));
  console.log(`\nWritten to ${out}`);
}

function printRow(r: {
  size: number;
  ingest: { pipelinePerSecond: number; baselinePerSecond: number; ratio: number };
  queries: ReturnType<typeof queryBench>;
  rssMB: number;
  dbMB: number;
}): void {
  const q = r.queries;
  console.log(`── ${r.size.toLocaleString('en')} mentions`);
  console.log(
    `  ingest       pipeline ${r.ingest.pipelinePerSecond.toLocaleString('en')}/s   raw insert+FTS ${r.ingest.baselinePerSecond.toLocaleString('en')}/s   ratio ${r.ingest.ratio} (goal ≥ 0.8)`,
  );
  const tl = Object.entries(q.timeline)
    .map(([k, v]) => `${k} ${v.p50}/${v.p95}`)
    .join('  ');
  console.log(`  timeline     p50/p95 ms: ${tl} (goal p95 ≤ 10 ms)`);
  console.log(`  search top50 p50 ${q.search.p50} ms  p95 ${q.search.p95} ms (goal p95 ≤ 25 ms)`);
  console.log(
    `  feed page    first ${q.feed.firstPage.p50}/${q.feed.firstPage.p95}  deep ${q.feed.deepPage.p50}/${q.feed.deepPage.p95}  by platform ${q.feed.platformPage.p50}/${q.feed.platformPage.p95} ms`,
  );
  console.log(`  memory       RSS ${r.rssMB} MB (goal ≤ 300 MB at 1M)   database ${r.dbMB} MB on disk`);
}

main();
