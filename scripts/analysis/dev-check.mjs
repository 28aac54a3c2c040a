// Tuning aid on the DEV data only (never tests/eval/): the sentiment dev split (handwritten seeds
// held out by train.mjs, same seed) and the toxicity dev lines in data/toxicity-dev-*.txt.
//   node scripts/analysis/dev-check.mjs [--errors]
import fs from 'node:fs';
import path from 'node:path';
import { rng } from './data/generate.mjs';
import { ROOT, loadTs, readLabeled, scores } from './lib.mjs';

const A = await loadTs('dev', ['main/core/analysis/index']);
const showErrors = process.argv.includes('--errors');
const ctx = {
  protectedPeople: [{ name: 'Léa Martin', handles: ['lea_rh', 'lea_hr'] }],
  teamMembers: [{ name: 'Tom Petit', handles: ['tom_sav', 'tom_support'] }],
};

function shuffle(list, r) {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}
// Same split as train.mjs (same seed, same order of draws for the seed files).
const r = rng(20260101);
for (const lang of ['fr', 'en']) {
  const seeds = shuffle(readLabeled(path.join(ROOT, 'scripts', 'analysis', 'data', `seed-${lang}.txt`)), r);
  const dev = seeds.slice(0, Math.round(seeds.length * 0.25));
  const pred = dev.map((d) => A.analyzeText(d.text, { platformLang: lang }).label);
  const s = scores(
    dev.map((d) => d.label),
    pred,
  );
  console.log(
    `sentiment dev ${lang}: n ${dev.length} acc ${s.accuracy.toFixed(3)} macro-F1 ${s.macroF1.toFixed(3)}`,
  );
  if (showErrors)
    dev.forEach((d, i) => pred[i] !== d.label && console.log(`   gold ${d.label} got ${pred[i]}: ${d.text}`));
}
for (const lang of ['fr', 'en']) {
  const lines = fs
    .readFileSync(path.join(ROOT, 'scripts', 'analysis', 'data', `toxicity-dev-${lang}.txt`), 'utf8')
    .trim()
    .split('\n');
  const gold = [];
  const pred = [];
  for (const line of lines) {
    const i = line.indexOf('|');
    const head = line.slice(0, i);
    const text = line.slice(i + 1);
    const a = A.analyzeText(text, { platformLang: lang, context: ctx });
    gold.push(head === '0' ? 'ok' : 'toxic');
    pred.push(a.toxicity >= 0.5 ? 'toxic' : 'ok');
    const want = head === '0' ? [] : head.split(',');
    if (showErrors && (gold.at(-1) !== pred.at(-1) || want.join() !== a.reasons.join()))
      console.log(`   want ${want} got ${a.toxicity} ${a.reasons}: ${text}`);
  }
  const s = scores(gold, pred, ['toxic', 'ok']);
  console.log(
    `toxicity dev ${lang}: n ${lines.length} P ${s.byClass.toxic.precision.toFixed(3)} R ${s.byClass.toxic.recall.toFixed(3)} macro-F1 ${s.macroF1.toFixed(3)}`,
  );
}
