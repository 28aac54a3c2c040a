// Builds the TypeScript analysis modules into one ES module with esbuild (installed with the
// project) so the training, eval and speed scripts run the exact code the app runs.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'vigie-analysis');

/** Bundles `exports` (module path → names) and imports the result. */
export async function loadTs(name, modules) {
  fs.mkdirSync(CACHE, { recursive: true });
  const contents = modules.map((m) => `export * from './${m}';`).join('\n');
  const outfile = path.join(CACHE, `${name}.mjs`);
  await build({
    stdin: { contents, resolveDir: ROOT, sourcefile: `${name}-entry.ts`, loader: 'ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outfile,
    logLevel: 'warning',
    // Optional heavy runtimes stay outside (see main/core/analysis/transformer.ts).
    external: ['@huggingface/transformers', 'onnxruntime-node'],
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

/** Reads label|text lines. */
export function readLabeled(file) {
  const LABELS = { n: 'negative', o: 'neutral', p: 'positive' };
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((line) => {
      const i = line.indexOf('|');
      const label = LABELS[line.slice(0, i)];
      if (!label) throw new Error(`${file}: bad label in ${line}`);
      return { text: line.slice(i + 1), label };
    });
}

export function readJsonl(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

export const CLASSES = ['negative', 'neutral', 'positive'];

/** Accuracy, per-class precision/recall/F1 and macro-F1. */
export function scores(gold, pred, classes = CLASSES) {
  let correct = 0;
  const per = {};
  for (const c of classes) per[c] = { tp: 0, fp: 0, fn: 0 };
  for (let i = 0; i < gold.length; i++) {
    if (gold[i] === pred[i]) correct++;
    for (const c of classes) {
      if (pred[i] === c && gold[i] === c) per[c].tp++;
      else if (pred[i] === c) per[c].fp++;
      else if (gold[i] === c) per[c].fn++;
    }
  }
  let f1sum = 0;
  const byClass = {};
  for (const c of classes) {
    const { tp, fp, fn } = per[c];
    const p = tp + fp ? tp / (tp + fp) : 0;
    const r = tp + fn ? tp / (tp + fn) : 0;
    const f1 = p + r ? (2 * p * r) / (p + r) : 0;
    byClass[c] = { precision: p, recall: r, f1 };
    f1sum += f1;
  }
  return { accuracy: gold.length ? correct / gold.length : 0, macroF1: f1sum / classes.length, byClass };
}

/** Words of a text, folded, for the leakage check. */
export function wordSet(text) {
  return new Set(
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/https?:\/\/\S+|[@#]\S+/g, ' ')
      .split(/[^\p{L}\p{N}']+/u)
      .filter((w) => w.length > 1),
  );
}

export function jaccard(a, b) {
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  const union = a.size + b.size - inter;
  return union ? inter / union : 0;
}
