import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../main/core/store/open';
import { generateMentions, seeded } from '../../main/bench/generate';
import { storeInvariants } from '../helpers/store-checks';
import { CLI, ROOT, tempDir } from '../helpers/tmp';

// Kill -9 of `vigie import` at random moments, then a full re-import: every mention exactly once,
// FTS and rollups in agreement with the mentions table. Size: VIGIE_CRASH_SIZE (200,000 by default).
const SIZE = Number(process.env.VIGIE_CRASH_SIZE ?? 200_000);
const KILLS = Number(process.env.VIGIE_CRASH_KILLS ?? 4);

let tmp: ReturnType<typeof tempDir>;
let file: string;
let db: string;

beforeAll(() => {
  tmp = tempDir();
  file = tmp.file('big.ndjson');
  db = tmp.file('crash.db');
  const out = fs.openSync(file, 'w');
  let chunk: string[] = [];
  for (const m of generateMentions(SIZE, 99)) {
    chunk.push(JSON.stringify(m));
    if (chunk.length === 10_000) {
      fs.writeSync(out, chunk.join('\n') + '\n');
      chunk = [];
    }
  }
  if (chunk.length) fs.writeSync(out, chunk.join('\n') + '\n');
  fs.closeSync(out);
});
afterAll(() => tmp.cleanup());

function killAfter(ms: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'import', file, '--db', db, '--json'], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe('vigie import killed with SIGKILL', () => {
  it(`keeps every one of ${SIZE.toLocaleString('en')} mentions exactly once`, async () => {
    const rnd = seeded(Date.now() % 1e9);
    const seen: number[] = [];
    for (let i = 0; i < KILLS; i++) {
      await killAfter(300 + Math.floor(rnd() * 2500));
      const store = openStore(db);
      const check = storeInvariants(store);
      store.close();
      expect(check.ftsOk).toBe(true);
      expect(check.rollupsOk).toBe(true);
      expect(check.mentions).toBeLessThanOrEqual(SIZE);
      seen.push(check.mentions);
    }
    const final = spawnSync(process.execPath, [CLI, 'import', file, '--db', db, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(final.status).toBe(0);
    const report = JSON.parse(final.stdout.trim().split('\n').at(-1)!) as {
      inserted: number;
      duplicates: number;
      quarantined: number;
    };
    expect(report.inserted + report.duplicates).toBe(SIZE);
    expect(report.duplicates).toBe(seen.at(-1));
    expect(report.quarantined).toBe(0);
    const store = openStore(db);
    const check = storeInvariants(store);
    const distinct = (store.prepare('SELECT COUNT(DISTINCT id) AS n FROM mentions').get() as { n: number }).n;
    store.close();
    expect(check).toEqual({ mentions: SIZE, ftsOk: true, rollupsOk: true });
    expect(distinct).toBe(SIZE);
  }, 240_000);
});
