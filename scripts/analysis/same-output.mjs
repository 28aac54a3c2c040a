// Guard for speed work on the analyzer: runs it over a fixed corpus and records every output, so a
// refactor can prove it changed nothing (floats compared bit for bit).
//   node scripts/analysis/same-output.mjs --out /tmp/before.jsonl
//   node scripts/analysis/same-output.mjs --compare /tmp/before.jsonl   (exit 1 on any difference)
// Corpus: the demo posts (with and without their platform language), the labeled seed and
// toxicity-dev sets, the held-out eval sets, a generated corpus (data/generate.mjs), and shouted,
// leet-speak, stretched and spaced-out variants of the handwritten texts, under several contexts.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, loadTs, readJsonl } from './lib.mjs';
import { generate, rng } from './data/generate.mjs';

const A = await loadTs('same-output', [
  'main/core/analysis/index',
  'main/core/analysis/mention-analysis',
  'main/core/analysis/text',
  'main/core/analysis/language',
  'main/core/analysis/lexicons',
  'main/core/analysis/sentiment',
  'main/core/analysis/sentiment-rules',
  'main/core/analysis/toxicity',
]);

const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : null;
};
const outFile = arg('--out');
const compareFile = arg('--compare');
if (!outFile && !compareFile) {
  console.error('usage: same-output.mjs --out FILE | --compare FILE');
  process.exit(2);
}

// The context speed.mjs uses, and the eval's.
const speedContext = {
  protectedPeople: [{ name: 'Julie Marchand', handles: ['julie_marchand'] }],
  teamMembers: [{ name: 'Sophie Laurent', handles: ['sophie_cm'] }],
  brands: [{ name: 'Ondaline', handles: ['ondaline', 'ondaline_sav'] }],
};
const evalContext = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'eval', 'context.json'), 'utf8'));

const readLines = (file) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.slice(l.indexOf('|') + 1));

const storm = readJsonl(path.join(ROOT, 'resources', 'demo', 'storm.ndjson'));
const dataDir = path.join(ROOT, 'scripts', 'analysis', 'data');
const labeled = fs
  .readdirSync(dataDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .flatMap((f) =>
    readLines(path.join(dataDir, f)).map((text) => ({ text, lang: f.match(/-(fr|en)\./)?.[1] })),
  );
const evalDir = path.join(ROOT, 'tests', 'eval');
const evalRows = ['sentiment-fr', 'sentiment-en', 'toxicity-fr', 'toxicity-en'].flatMap((f) =>
  readJsonl(path.join(evalDir, `${f}.jsonl`)).map((r) => ({ text: r.text, lang: f.slice(-2) })),
);
const generated = ['fr', 'en'].flatMap((lang, i) =>
  generate(lang, 3000, 1234 + i).map((g) => ({ text: g.text, lang })),
);

// Variants that reach the rarer paths: capitals, leet-speak, stretched, spaced and starred letters.
const LEET = { a: '4', e: '3', i: '1', o: '0', s: '$' };
const variants = (t) => [
  t.toUpperCase(),
  t.replace(/[aeios]/g, (c) => LEET[c]),
  t.replace(/([aeiou])/g, '$1$1$1'),
  t.split('').join(' '),
  t.replace(/\b(\w)(\w)(\w+)/g, '$1*$3'),
  `@julie_marchand @ondaline Julie Marchand ${t} #${t.replace(/[^\p{L}]+/gu, '').slice(0, 24)}`,
];
const handwritten = [...labeled, ...evalRows];
const extra = handwritten.flatMap((r) => variants(r.text).map((text) => ({ text, lang: r.lang })));

// Seeded random strings of the characters the tokenizer treats specially (word joiners, e-mail
// and URL starts, non-Latin letters and digits, emoji sequences, typographic spaces and quotes).
const PIECES = [
  ...'abcehtpswonljdquABNULZ0134579éèàçÉœŒÿñßªºµ²½αдع中',
  ...`'’ʼ‘@-.+_$*#!?… \u00a0\u202f«»“,:;/()"\n~%&^|\\©‼\u200d\ufe0f`,
  ...['😡', '👍🏽', '❤️', '🇫🇷', '👨‍👩‍👧', '3️⃣', 'http://', 'https://', 'www.', 'x.fr', 'gmail.com', '...'],
  ...['merci', 'nul', 'connard', 'déçu', "c'est", 'NUUUULS', 'remboursez-nous', 'jean.dupont@gmail.com'],
  ...['@julie_marchand', '#BoycottOndaline', '#pannegenerale', 'f***', '$alope', 'c0nn4rd', 'ta gueule'],
];
const random = rng(20260517);
const fuzz = Array.from({ length: 20000 }, () => {
  let text = '';
  const len = 1 + Math.floor(random() * 25);
  for (let k = 0; k < len; k++) text += PIECES[Math.floor(random() * PIECES.length)];
  return { text, lang: random() < 0.5 ? 'fr' : 'en' };
});

/** JSON with the floats kept exact (-0, NaN and infinities spelled out). */
const exact = (v) =>
  JSON.stringify(v, (_k, x) => {
    if (typeof x === 'number' && (Object.is(x, -0) || !Number.isFinite(x)))
      return `#num:${Object.is(x, -0) ? '-0' : x}`;
    if (x instanceof Float64Array || x instanceof Float32Array) return Array.from(x);
    return x;
  });

const lex = A.getLexicons();
const lines = [];
const record = (tag, value) => lines.push(`${tag}\t${exact(value)}`);

/** Every stage's output for one text, so a difference says where it comes from. */
function stages(text, platformLang, context) {
  const p = A.prepare(text, lex.vocabulary);
  const lang = A.detectLanguage(p, platformLang);
  const rules = A.ruleSentiment(p, lang.lang, lex);
  // The fields RuleScore has today, by name (a new internal field is not a difference).
  const ruleFigures = {};
  for (const f of ['compound', 'pos', 'neg', 'emojiPos', 'emojiNeg', 'irony', 'negations', 'hits'])
    ruleFigures[f] = rules[f];
  return {
    prepared: {
      seq: p.seq,
      kinds: p.kinds,
      caps: p.caps,
      stretched: p.stretched,
      emoji: p.emoji,
      handles: p.handles,
      hashtags: p.hashtags,
      rawWords: p.rawWords,
      urls: p.urls,
      emails: p.emails,
      exclam: p.exclam,
      question: p.question,
      ellipsis: p.ellipsis,
      capsWords: p.capsWords,
      wordCount: p.wordCount,
    },
    lang,
    rules: { ...ruleFigures, negated: Array.from(rules.negated, Boolean) },
    sentiment: A.scoreSentiment(p, lang.lang, { ruleScore: rules }),
    rulesOnly: A.scoreSentiment(p, lang.lang, { rulesOnly: true }),
    toxicity: A.scoreToxicity(p, lang.lang, context, lex),
  };
}

let k = 0;
for (const m of storm) {
  const tag = `storm#${k++}`;
  record(`${tag}/lang`, A.analyzeText(m.text, { platformLang: m.lang, context: speedContext }));
  record(`${tag}/nolang`, A.analyzeText(m.text, { context: speedContext }));
  record(
    `${tag}/rating`,
    A.analyzeText(m.text, { platformLang: m.lang, rating: m.rating, context: speedContext }),
  );
  record(
    `${tag}/mention`,
    A.analyzeMention({ text: m.text, lang: m.lang, rating: m.rating }, { context: speedContext }),
  );
  record(`${tag}/stages`, stages(m.text, m.lang, speedContext));
}
const sets = { labeled, eval: evalRows, generated, variant: extra, fuzz };
for (const [name, rows] of Object.entries(sets)) {
  rows.forEach((r, i) => {
    const tag = `${name}#${i}`;
    record(`${tag}/lang`, A.analyzeText(r.text, { platformLang: r.lang, context: speedContext }));
    record(`${tag}/nolang`, A.analyzeText(r.text, { context: speedContext }));
    record(`${tag}/other`, A.analyzeText(r.text, { platformLang: 'es', context: evalContext }));
    record(`${tag}/noctx`, A.analyzeText(r.text));
    record(
      `${tag}/mention`,
      A.analyzeMention({ text: r.text, lang: null, rating: null }, { context: evalContext }),
    );
    record(`${tag}/stages`, stages(r.text, null, evalContext));
  });
}
record('cli', A.analyzeCli(handwritten.slice(0, 200).map((r) => r.text)));

if (outFile) {
  fs.writeFileSync(outFile, lines.join('\n') + '\n');
  console.log(`${lines.length} outputs written to ${outFile}`);
}
if (compareFile) {
  const before = fs.readFileSync(compareFile, 'utf8').split('\n');
  if (before[before.length - 1] === '') before.pop();
  const diffs = [];
  const n = Math.max(before.length, lines.length);
  for (let i = 0; i < n; i++) if (before[i] !== lines[i]) diffs.push(i);
  console.log(`${lines.length} outputs compared with ${before.length}: ${diffs.length} differences`);
  for (const i of diffs.slice(0, 10)) {
    console.log(`- before: ${before[i] ?? '(none)'}`);
    console.log(`+ now:    ${lines[i] ?? '(none)'}`);
  }
  if (diffs.length > 0) process.exit(1);
}
