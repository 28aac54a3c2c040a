import type Database from 'better-sqlite3';
import { buildSync } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open';
import { Ingestor, type NewMention } from '../../../main/core/sync/ingest';
import type { ParseResult } from '../../../main/core/sync/types';
import { RESOURCES, ROOT, tempDir } from '../../helpers/tmp';

// The big-import path: batch N+1 analyzed (mostly) on a worker thread while batch N is written. It
// must store exactly what the in-process path stores.

let tmp: ReturnType<typeof tempDir>;
let workerFile: string;

beforeAll(() => {
  tmp = tempDir();
  workerFile = tmp.file('analysis-worker.cjs');
  buildSync({
    entryPoints: [path.join(ROOT, 'main/core/analysis/analysis-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: workerFile,
    logLevel: 'silent',
  });
});
afterAll(() => tmp.cleanup());

/** Real posts of the demo storm (French and English, angry, abusive, copy-paste campaigns). */
function stormMentions(n: number): NewMention[] {
  const lines = fs.readFileSync(path.join(RESOURCES, 'demo', 'storm.ndjson'), 'utf8').split('\n');
  const start = Date.UTC(2026, 0, 10, 8);
  return lines
    .filter((l) => l.trim())
    .slice(0, n)
    .map((l) => {
      const r = JSON.parse(l) as NewMention & { offsetMs: number };
      const { offsetMs, ...m } = r;
      return { ...m, createdAt: start + offsetMs };
    });
}

function batches(ms: NewMention[], size: number): ParseResult[] {
  const out: ParseResult[] = [];
  for (let i = 0; i < ms.length; i += size)
    out.push({ mentions: ms.slice(i, i + size), shares: [], quarantined: [] });
  return out;
}

const stored = (db: Database.Database) =>
  db
    .prepare(
      `SELECT id, lang, sentiment, toxicity, cluster_id, reasons, crisis_terms, aimed_at, targets
       FROM mentions ORDER BY id`,
    )
    .all();
const rollups = (db: Database.Database) =>
  db.prepare('SELECT * FROM rollup_minute ORDER BY minute, platform').all();

describe('Ingestor.ingestPipelined', () => {
  it('stores what the in-process path stores, with the analysis done by the worker', async () => {
    const posts = stormMentions(1_500);
    const plain = openStore(tmp.file('plain.db'));
    const piped = openStore(tmp.file('piped.db'));
    try {
      const inProcess = new Ingestor(plain);
      for (const b of batches(structuredClone(posts), 400)) inProcess.ingestResult(b, null);

      const ingestor = new Ingestor(piped, Date.now, workerFile);
      const sent = batches(structuredClone(posts), 400);
      const inserted: number[] = [];
      await ingestor.ingestPipelined(sent, null, (outcome) => {
        inserted.push(outcome.inserted.length);
      });
      await ingestor.close();

      // The worker answered: the first batch went to it whole; later batches are shared with the
      // writer thread (work-share.ts), which analyzes its part itself. Either way, the same rows.
      expect(sent[0]!.mentions.every((m) => m.analysis && m.duplicateKey)).toBe(true);
      const byWorker = sent.flatMap((b) => b.mentions).filter((m) => m.analysis).length;
      expect(byWorker).toBeGreaterThan(posts.length * 0.3);
      // Copy-paste campaigns of the storm were clustered the same way on both paths (below).
      const clustered = piped
        .prepare('SELECT COUNT(*) AS n FROM mentions WHERE cluster_id IS NOT NULL AND cluster_id != id')
        .get() as { n: number };
      expect(clustered.n).toBeGreaterThan(0);
      expect(inserted.reduce((a, b) => a + b, 0)).toBe(posts.length);
      expect(stored(piped)).toEqual(stored(plain));
      expect(rollups(piped)).toEqual(rollups(plain));
      // Not a vacuous comparison: the storm has abuse and negative posts.
      expect(
        (piped.prepare('SELECT COUNT(*) AS n FROM mentions WHERE toxicity >= 0.5').get() as { n: number }).n,
      ).toBeGreaterThan(0);
    } finally {
      plain.close();
      piped.close();
    }
  });

  it('analyzes in-process when the worker bundle is missing, and stores duplicates once', async () => {
    const posts = stormMentions(300);
    const db = openStore(tmp.file('fallback.db'));
    try {
      const ingestor = new Ingestor(db, Date.now, tmp.file('missing-worker.cjs'));
      const sent = batches([...structuredClone(posts), ...structuredClone(posts.slice(0, 50))], 100);
      let inserted = 0;
      let duplicates = 0;
      await ingestor.ingestPipelined(sent, null, (o) => {
        inserted += o.inserted.length;
        duplicates += o.duplicates;
      });
      expect(inserted).toBe(300);
      expect(duplicates).toBe(50);
      expect(sent[0]!.mentions[0]!.analysis).toBeUndefined();
      const n = (
        db.prepare('SELECT COUNT(*) AS n FROM mentions WHERE sentiment IS NOT NULL').get() as { n: number }
      ).n;
      expect(n).toBe(300);
    } finally {
      db.close();
    }
  });
});
