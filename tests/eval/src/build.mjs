// Converts the authoring form (label|text, one per line) into the JSONL files read by `npm run eval`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '..');
const SENTIMENT = { n: 'negative', o: 'neutral', p: 'positive' };

for (const lang of ['fr', 'en']) {
  const sent = fs
    .readFileSync(path.join(here, `sentiment-${lang}.txt`), 'utf8')
    .trim()
    .split('\n');
  const rows = sent.map((line) => {
    const i = line.indexOf('|');
    const label = SENTIMENT[line.slice(0, i)];
    if (!label) throw new Error(`bad label: ${line}`);
    return JSON.stringify({ text: line.slice(i + 1), label });
  });
  fs.writeFileSync(path.join(out, `sentiment-${lang}.jsonl`), rows.join('\n') + '\n');
  const tox = fs
    .readFileSync(path.join(here, `toxicity-${lang}.txt`), 'utf8')
    .trim()
    .split('\n');
  const trows = tox.map((line) => {
    const i = line.indexOf('|');
    const head = line.slice(0, i);
    const text = line.slice(i + 1);
    if (head === '0') return JSON.stringify({ text, toxic: false });
    return JSON.stringify({ text, toxic: true, reasons: head.split(',') });
  });
  fs.writeFileSync(path.join(out, `toxicity-${lang}.jsonl`), trows.join('\n') + '\n');
  console.log(`${lang}: ${rows.length} sentiment, ${trows.length} toxicity`);
}
