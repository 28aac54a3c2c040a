// Throughput of the built-in analyzer on short posts, single-threaded: prints posts per second.
//   node scripts/analysis/speed.mjs [--n 60000]
// Texts: the demo scenario's posts (resources/demo/storm.ndjson), cycled, with and without the
// platform's language field. Figures only; nothing is asserted.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, loadTs } from './lib.mjs';

const A = await loadTs('speed', ['main/core/analysis/index']);
const nArg = process.argv.indexOf('--n');
const N = nArg > 0 ? Number(process.argv[nArg + 1]) : 60000;
const items = fs
  .readFileSync(path.join(ROOT, 'resources', 'demo', 'storm.ndjson'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l))
  .map((m) => ({ text: m.text, lang: m.lang }));
const context = {
  protectedPeople: [{ name: 'Julie Marchand', handles: ['julie_marchand'] }],
  teamMembers: [{ name: 'Sophie Laurent', handles: ['sophie_cm'] }],
  brands: [{ name: 'Ondaline', handles: ['ondaline', 'ondaline_sav'] }],
};
const avgLen = items.reduce((n, i) => n + i.text.length, 0) / items.length;

function run(label, withLang) {
  // Warm-up (JIT, lexicons, model).
  for (let i = 0; i < 5000; i++) A.analyzeText(items[i % items.length].text, { context });
  let sink = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    const it = items[i % items.length];
    sink += A.analyzeText(it.text, { platformLang: withLang ? it.lang : null, context }).sentiment;
  }
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(
    `${label.padEnd(34)} ${Math.round(N / s).toLocaleString('en-US')} posts/s  (${N} posts in ${s.toFixed(2)} s${sink === 0.123 ? '.' : ''})`,
  );
}

console.log(
  `Node ${process.version}, ${items.length} distinct demo posts, ${avgLen.toFixed(0)} characters on average`,
);
run('analyzeText, platform language', true);
run('analyzeText, language detected', false);
