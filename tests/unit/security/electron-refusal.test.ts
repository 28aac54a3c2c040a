// The Electron shell when the core refuses its database (here: `vigie serve`-like holder of the live
// lock): one sentence in a box and on stderr, the app never loaded, and exit code 2 so `npm start` does not fall
// back to a web mode that would be refused too. Only the electron module is a stand-in.
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { acquireLiveLock, type LiveLock } from '../../../main/core/store/live-lock';
import { tempDir } from '../../helpers/tmp';

const electron = await vi.hoisted(async () => (await import('./electron-stand-in')).createElectronStandIn());

vi.mock('electron', () => ({ ...electron.module, default: electron.module }));

const rec = electron.recorded;
const tmp = tempDir('vigie-electron-refusal-');
let held: LiveLock;

beforeAll(async () => {
  rec.userData = tmp.dir;
  held = acquireLiveLock(path.join(tmp.dir, 'vigie.db'), { mode: 'web', pid: process.ppid });
  await import('../../../main/index');
  rec.resolveReady();
  const deadline = Date.now() + 25_000;
  while (rec.exitCodes.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}, 30_000);

afterAll(() => {
  held.release();
  tmp.cleanup();
});

it('says who has the database open, never loads the app and exits with the refusal code', () => {
  expect(rec.exitCodes).toEqual([2]);
  // Only the start-up page was shown while the core tried the database.
  expect(rec.windows.map((w) => w.loaded)).toEqual([['app://vigie/starting.html']]);
  expect(rec.errorBoxes).toHaveLength(1);
  expect(rec.errorBoxes[0]).toContain(
    `is already open in Vigie web mode (vigie serve), process ${process.ppid}`,
  );
});
