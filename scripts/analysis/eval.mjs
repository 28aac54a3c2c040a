// npm run eval: measures the built-in analyzer on the held-out set in tests/eval/ (written before
// any tuning, never trained on), next to plain-lexicon baselines. Prints figures; asserts nothing.
//   node scripts/analysis/eval.mjs [--json] [--errors]
// Baselines: nlp.js's sentiment analyzer (@nlpjs/sentiment with its French and English
// lexicons) and a naive word count over the same lexicons the analyzer starts from; for toxicity,
// "any word of the profanity lists" (french-badwords-list, badwords-list).
import { createRequire } from 'node:module';
import path from 'node:path';
import { CLASSES, ROOT, loadTs, readJsonl, scores } from './lib.mjs';

const require = createRequire(import.meta.url);
const A = await loadTs('eval', [
  'main/core/analysis/index',
  'main/core/analysis/text',
  'main/core/analysis/language',
  'main/core/analysis/lexicons',
  'main/core/analysis/sentiment',
  'main/core/analysis/sentiment-rules',
]);
const asJson = process.argv.includes('--json');
const showErrors = process.argv.includes('--errors');
const evalDir = path.join(ROOT, 'tests', 'eval');
const context = JSON.parse(require('node:fs').readFileSync(path.join(evalDir, 'context.json'), 'utf8'));

// nlp.js baseline.
const { SentimentAnalyzer } = require('@nlpjs/sentiment');
const { LangFr } = require('@nlpjs/lang-fr');
const { LangEn } = require('@nlpjs/lang-en');
const { Container } = require('@nlpjs/core');
const container = new Container();
container.use(LangFr);
container.use(LangEn);
const nlpjs = new SentimentAnalyzer({ container });

const lex = A.getLexicons();
/** Naive count: +1 per positive lexicon word, -1 per negative one (no negation, no emoji, no phrases). */
function naiveLabel(text, lang) {
  const words = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}']+/u);
  let s = 0;
  for (const w of words) {
    const v = lex.sentiment[lang].words.get(w);
    if (v > 0) s++;
    else if (v < 0) s--;
  }
  return s > 0 ? 'positive' : s < 0 ? 'negative' : 'neutral';
}

const fmt = (x) => x.toFixed(3);
const report = { sentiment: {}, toxicity: {}, language: {} };

for (const lang of ['fr', 'en']) {
  const rows = readJsonl(path.join(evalDir, `sentiment-${lang}.jsonl`));
  const gold = rows.map((r) => r.label);
  const ours = [];
  const rulesOnly = [];
  const modelOnly = [];
  const nlp = [];
  const naive = [];
  let langOk = 0;
  for (const r of rows) {
    const a = A.analyzeText(r.text, { platformLang: lang });
    ours.push(a.label);
    const p = A.prepare(r.text, lex.vocabulary);
    const rs = A.ruleSentiment(p, lang, lex);
    rulesOnly.push(A.labelScore(rs.compound, 0.2, 0.2).label);
    const m = A.scoreSentiment(p, lang, { ruleScore: rs });
    const ms = m.model ?? 0;
    modelOnly.push(ms <= -0.2 ? 'negative' : ms >= 0.2 ? 'positive' : 'neutral');
    const res = await nlpjs.process({ locale: lang, text: r.text });
    nlp.push(res.sentiment.vote);
    naive.push(naiveLabel(r.text, lang));
    if (A.analyzeText(r.text).lang === lang) langOk++;
  }
  const res = {
    n: rows.length,
    analyzer: scores(gold, ours),
    rulesOnly: scores(gold, rulesOnly),
    modelOnly: scores(gold, modelOnly),
    nlpjs: scores(gold, nlp),
    naiveLexicon: scores(gold, naive),
  };
  report.sentiment[lang] = res;
  report.language[lang] = { n: rows.length, accuracyWithoutPlatformField: langOk / rows.length };
  if (showErrors) {
    rows.forEach((r, i) => {
      if (ours[i] !== gold[i]) console.log(`  [${lang}] gold ${gold[i]} got ${ours[i]}: ${r.text}`);
    });
  }
}

for (const lang of ['fr', 'en']) {
  const rows = readJsonl(path.join(evalDir, `toxicity-${lang}.jsonl`));
  const gold = rows.map((r) => (r.toxic ? 'toxic' : 'ok'));
  const ours = [];
  const naive = [];
  const byReason = {};
  const badwords = new Set(
    (lang === 'fr' ? require('french-badwords-list').array : require('badwords-list').array).map((w) =>
      w.toLowerCase(),
    ),
  );
  for (const r of rows) {
    const a = A.analyzeText(r.text, { platformLang: lang, context });
    ours.push(a.toxicity >= 0.5 ? 'toxic' : 'ok');
    const words = r.text.toLowerCase().split(/[^\p{L}\p{N}@$!*']+/u);
    naive.push(words.some((w) => badwords.has(w)) ? 'toxic' : 'ok');
    for (const reason of r.reasons ?? []) {
      const b = (byReason[reason] ??= { n: 0, found: 0 });
      b.n++;
      if (a.reasons.includes(reason)) b.found++;
    }
    if (showErrors && a.toxicity >= 0.5 !== r.toxic) {
      console.log(`  [tox ${lang}] gold ${r.toxic} got ${a.toxicity} ${a.reasons}: ${r.text}`);
    }
  }
  const s = scores(gold, ours, ['toxic', 'ok']);
  const b = scores(gold, naive, ['toxic', 'ok']);
  report.toxicity[lang] = {
    n: rows.length,
    analyzer: {
      precision: s.byClass.toxic.precision,
      recall: s.byClass.toxic.recall,
      macroF1: s.macroF1,
      accuracy: s.accuracy,
    },
    naiveList: {
      precision: b.byClass.toxic.precision,
      recall: b.byClass.toxic.recall,
      macroF1: b.macroF1,
      accuracy: b.accuracy,
    },
    reasonRecall: Object.fromEntries(Object.entries(byReason).map(([k, v]) => [k, v.found / v.n])),
  };
}

if (asJson) {
  console.log(JSON.stringify(report, null, 2));
} else {
  console.log('Sentiment (held-out tests/eval, labels negative/neutral/positive)');
  console.log('lang  n    system            accuracy  macro-F1   F1 neg / neu / pos');
  for (const [lang, r] of Object.entries(report.sentiment)) {
    for (const [name, s] of Object.entries(r).filter(([k]) => k !== 'n')) {
      const per = CLASSES.map((c) => fmt(s.byClass[c].f1)).join(' / ');
      console.log(
        `${lang}    ${r.n}  ${name.padEnd(16)}  ${fmt(s.accuracy)}     ${fmt(s.macroF1)}      ${per}`,
      );
    }
  }
  console.log('\nToxicity (toxic vs not)');
  console.log('lang  n    system      precision  recall  macro-F1');
  for (const [lang, r] of Object.entries(report.toxicity)) {
    for (const name of ['analyzer', 'naiveList']) {
      const s = r[name];
      console.log(
        `${lang}    ${r.n}  ${name.padEnd(10)}  ${fmt(s.precision)}      ${fmt(s.recall)}   ${fmt(s.macroF1)}`,
      );
    }
    console.log(
      `      reason recall: ${Object.entries(r.reasonRecall)
        .map(([k, v]) => `${k} ${fmt(v)}`)
        .join(', ')}`,
    );
  }
  console.log('\nLanguage detection without the platform field (sentiment sets):');
  for (const [lang, r] of Object.entries(report.language))
    console.log(`${lang}: ${fmt(r.accuracyWithoutPlatformField)} of ${r.n}`);
}
