// The bench's printed table: one block per size, then how each cost grows from the smallest size.
import type { FirstRender } from './browser-bench';
import type { queryBench } from './query-bench';

export interface BenchRow {
  size: number;
  ingest: { pipelinePerSecond: number; baselinePerSecond: number; ratio: number };
  queries: ReturnType<typeof queryBench>;
  dbMB: number;
  quickCheckMs: number;
  /** One automatic backup of the whole store (SQLite backup API). */
  backupMs: number;
  core: { startMs: number; rssMB: number | null; peakMB: number | null };
  browser: {
    firstRender: FirstRender | null;
    ingestToVisible: { samples: number; p50: number; p95: number; max: number } | null;
  };
}

const n = (v: number) => v.toLocaleString('en');
const pp = (t: { p50: number; p95: number }) => `${t.p50}/${t.p95}`;

export function printRow(r: BenchRow): void {
  const q = r.queries;
  console.log(`── ${n(r.size)} mentions`);
  console.log(
    `  ingest       pipeline ${n(r.ingest.pipelinePerSecond)}/s   raw insert+FTS ${n(r.ingest.baselinePerSecond)}/s   ratio ${r.ingest.ratio} (goal ≥ 0.8)`,
  );
  const tl = Object.entries(q.timeline)
    .map(([k, v]) => `${k} ${pp(v)}`)
    .join('  ');
  console.log(`  timeline     p50/p95 ms: ${tl} (goal p95 ≤ 10 ms)`);
  console.log(`  search top50 p50/p95 ${pp(q.search)} ms (goal p95 ≤ 25 ms)`);
  console.log(
    `  feed page    p50/p95 ms: newest ${pp(q.feed.firstPage)}  deep ${pp(q.feed.deepPage)}  one platform ${pp(q.feed.platformPage)}`,
  );
  const a = q.analysis;
  console.log(
    `  analysis     p50/p95 ms: top terms 1 h ${pp(a.topTerms1h)}  24 h ${pp(a.topTerms24h)}  clusters 24 h ${pp(a.clusters24h)}`,
  );
  console.log(
    `  store        quick_check ${n(r.quickCheckMs)} ms   backup ${n(r.backupMs)} ms   database ${r.dbMB} MB`,
  );
  console.log(
    `  core         start ${n(r.core.startMs)} ms   RSS ${r.core.rssMB ?? '?'} MB, peak ${r.core.peakMB ?? '?'} MB (goal ≤ 300 MB at 1M)`,
  );
  const fr = r.browser.firstRender;
  const lat = r.browser.ingestToVisible;
  if (fr || lat) {
    console.log(
      `  chromium     war-room first render ${fr ? `${n(fr.firstMs)} ms (median ${n(fr.p50Ms)})` : '—'} (goal ≤ 1.5 s at 1M)   ingest→visible ${lat ? `p50 ${lat.p50} / p95 ${lat.p95} / max ${lat.max} ms over ${lat.samples} rows` : '—'} (goal ≤ 1 s)`,
    );
  }
  if (fr?.slowestCalls.length) {
    console.log(
      `  slowest calls of the first visit: ${fr.slowestCalls.map((c) => `${c.call} ${n(c.ms)} ms`).join(', ')}`,
    );
  }
}

/** Each cost at every size, and its growth factor from the smallest to the largest. */
export function printGrowth(rows: BenchRow[]): void {
  if (rows.length < 2) return;
  const lines: [string, (r: BenchRow) => number | null | undefined][] = [
    ['pipeline ingest /s', (r) => r.ingest.pipelinePerSecond],
    ['raw insert+FTS /s', (r) => r.ingest.baselinePerSecond],
    ['timeline 15 min p95 ms', (r) => r.queries.timeline['15 min']?.p95],
    ['timeline all p95 ms', (r) => r.queries.timeline['all']?.p95],
    ['search top-50 p95 ms', (r) => r.queries.search.p95],
    ['feed newest page p95 ms', (r) => r.queries.feed.firstPage.p95],
    ['top terms 24 h p95 ms', (r) => r.queries.analysis.topTerms24h.p95],
    ['clusters 24 h p95 ms', (r) => r.queries.analysis.clusters24h.p95],
    ['quick_check ms', (r) => r.quickCheckMs],
    ['backup ms', (r) => r.backupMs],
    ['core start ms', (r) => r.core.startMs],
    ['core RSS MB', (r) => r.core.rssMB],
    ['database MB', (r) => r.dbMB],
    ['first render ms', (r) => r.browser.firstRender?.firstMs],
    ['ingest→visible p95 ms', (r) => r.browser.ingestToVisible?.p95],
  ];
  const head = ['', ...rows.map((r) => n(r.size)), `×${n(rows.at(-1)!.size / rows[0]!.size)} data`];
  const table = lines.map(([label, get]) => {
    const vals = rows.map(get);
    const first = vals[0];
    const last = vals.at(-1);
    const growth = first && last ? `×${(last / first).toFixed(1)}` : '—';
    return [label, ...vals.map((v) => (v === null || v === undefined ? '—' : n(v))), growth];
  });
  const widths = head.map((_, i) => Math.max(...[head, ...table].map((row) => String(row[i]).length)));
  const fmt = (row: string[]) =>
    row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log('\nGrowth');
  console.log(fmt(head));
  for (const row of table) console.log(fmt(row));
}
