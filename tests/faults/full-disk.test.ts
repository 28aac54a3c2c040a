import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMentions } from '../../main/bench/generate';
import { openStore } from '../../main/core/store/open';
import { storeInvariants } from '../helpers/store-checks';
import { CLI, ROOT, tempDir } from '../helpers/tmp';
import { canMountTmpfs, mountSmallDisk, type SmallDisk } from '../unit/reliability/small-disk';

// `vigie import` of a large file onto a disk that fills up (a real 8 MB tmpfs; needs root): one clear
// error, a store that opens and agrees with itself, and once there is room the same import completes
// with every mention exactly once.
const SIZE = 40_000;

let tmp: ReturnType<typeof tempDir>;
let disk: SmallDisk;
let file: string;

const mountable = canMountTmpfs();

beforeAll(() => {
  tmp = tempDir('vigie-full-disk-');
  file = tmp.file('big.ndjson');
  fs.writeFileSync(file, [...generateMentions(SIZE, 7)].map((m) => JSON.stringify(m)).join('\n') + '\n');
  if (mountable) disk = mountSmallDisk(8 * 1024 * 1024);
});
afterAll(() => {
  if (mountable) disk.unmount();
  tmp.cleanup();
});

const importInto = (db: string) =>
  spawnSync(process.execPath, [CLI, 'import', file, '--db', db, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 300_000,
  });

describe.runIf(mountable)('vigie import onto a disk that fills up', () => {
  it('stops with one clear error, keeps a whole store, and completes exactly once when there is room', () => {
    const db = path.join(disk.dir, 'vigie.db');
    const full = importInto(db);
    expect(full.status).toBe(1);
    expect(full.stderr.trim().split('\n')).toHaveLength(1);
    expect(full.stderr).toMatch(/^vigie import: .*disk.* is full/);

    const store = openStore(db, { checkIntegrity: true });
    const kept = storeInvariants(store);
    store.close();
    expect(kept.ftsOk).toBe(true);
    expect(kept.rollupsOk).toBe(true);
    expect(kept.mentions).toBeGreaterThan(0);
    expect(kept.mentions).toBeLessThan(SIZE);

    disk.resize(256 * 1024 * 1024);
    const done = importInto(db);
    expect(done.status).toBe(0);
    expect(JSON.parse(done.stdout)).toEqual({
      inserted: SIZE - kept.mentions,
      duplicates: kept.mentions,
      quarantined: 0,
    });
    const final = openStore(db);
    expect(storeInvariants(final)).toEqual({ mentions: SIZE, ftsOk: true, rollupsOk: true });
    final.close();
  });
});
