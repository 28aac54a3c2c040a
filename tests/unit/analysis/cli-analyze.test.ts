// `vigie analyze` through the built CLI (bin/vigie.cjs → dist/cli.cjs): one JSON object per input
// line, keys in the documented order, and the same figures the ingest pipeline stores.
import { spawnSync } from 'node:child_process';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open';
import { Ingestor } from '../../../main/core/sync/ingest';
import { CLI, ROOT, tempDir } from '../../helpers/tmp';

const TEXTS = [
  'Bande de c0nnards, on sait où tu habites',
  'Merci Ondaline, dépannage en 1h, au top 👍',
  'Still no internet since this morning, this is a scam #BoycottOndaline',
  '',
  "Ce n'est pas terrible... mais le technicien était sympa",
  'ur a f*cking idiot @julie_marchand, you will pay',
];

function analyze(input: string, ...args: string[]) {
  return spawnSync(process.execPath, [CLI, 'analyze', ...args], { cwd: ROOT, input, encoding: 'utf8' });
}

let tmp: ReturnType<typeof tempDir>;
let db: Database.Database;
beforeEach(() => {
  tmp = tempDir();
  db = openStore(tmp.file('store.db'));
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

describe('vigie analyze', () => {
  it('prints one analysis per line, keys in order, aligned with the input', () => {
    const run = analyze(TEXTS.join('\n') + '\n', '--json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = run.stdout.trimEnd().split('\n');
    expect(out).toHaveLength(TEXTS.length);
    const records = out.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const r of records) {
      expect(Object.keys(r).slice(0, 5)).toEqual(['lang', 'sentiment', 'label', 'toxicity', 'reasons']);
      expect(r.sentiment).toBeGreaterThanOrEqual(-1);
      expect(r.sentiment).toBeLessThanOrEqual(1);
    }
    expect(records[0]).toMatchObject({ lang: 'fr', label: 'negative' });
    expect(records[0]!.reasons).toEqual(expect.arrayContaining(['insult', 'threat']));
    expect(records[0]!.toxicity as number).toBeGreaterThanOrEqual(0.5);
    expect(records[1]).toMatchObject({ lang: 'fr', label: 'positive', toxicity: 0, reasons: [] });
    expect(records[2]).toMatchObject({ lang: 'en', label: 'negative' });
    expect(records[2]!.crisisTerms).toEqual(expect.arrayContaining(['boycott', 'scam']));
    expect(records[3]).toMatchObject({ label: 'neutral', sentiment: 0, toxicity: 0, reasons: [] });
    expect(records[5]!.reasons).toEqual(expect.arrayContaining(['insult']));
    // The exact line format: two decimals at most, no spaces.
    expect(out[1]).toMatch(
      /^\{"lang":"fr","sentiment":-?\d(\.\d{1,2})?,"label":"positive","toxicity":0,"reasons":\[\]/,
    );
  });

  it('gives the figures the ingest pipeline stores for the same texts', () => {
    const texts = TEXTS.filter(Boolean);
    const printed = analyze(texts.join('\n'))
      .stdout.trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { sentiment: number; toxicity: number; reasons: string[]; lang: string });
    new Ingestor(db).ingest(
      texts.map((text, i) => ({
        id: `x:${i}`,
        platform: 'x',
        externalId: String(i),
        url: null,
        authorHandle: `a${i}`,
        authorName: null,
        authorFollowers: 10,
        text,
        lang: null,
        createdAt: Date.UTC(2026, 0, 1) + i,
        likes: 0,
        shares: 0,
        replies: 0,
        rating: null,
      })),
    );
    const stored = db
      .prepare('SELECT lang, sentiment, toxicity, reasons FROM mentions ORDER BY created_at')
      .all() as { lang: string; sentiment: number; toxicity: number; reasons: string | null }[];
    expect(stored.map((s) => Math.round(s.sentiment * 100) / 100 || 0)).toEqual(
      printed.map((p) => p.sentiment),
    );
    expect(stored.map((s) => Math.round(s.toxicity * 100) / 100 || 0)).toEqual(
      printed.map((p) => p.toxicity),
    );
    expect(stored.map((s) => (s.reasons ? (JSON.parse(s.reasons) as string[]) : []))).toEqual(
      printed.map((p) => p.reasons),
    );
    expect(stored.map((s) => s.lang)).toEqual(printed.map((p) => p.lang));
  });

  it('streams an empty input to an empty output', () => {
    const run = analyze('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
  });
});
