// A real small disk for full-disk and read-only tests: a tmpfs mounted in a temp folder. Mounting
// needs root (CI containers and this project's machines run as root); without it the callers fall
// back to SQLite's max_page_count, which fails the same way (SQLITE_FULL) at the same place.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const run = (args: string[]) => spawnSync('mount', args, { encoding: 'utf8' }).status === 0;

export function canMountTmpfs(): boolean {
  if (process.platform !== 'linux') return false;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-mount-probe-'));
  try {
    if (!run(['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir])) return false;
    spawnSync('umount', [dir]);
    return true;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface SmallDisk {
  dir: string;
  resize(bytes: number): void;
  readOnly(): void;
  unmount(): void;
}

export function mountSmallDisk(bytes: number): SmallDisk {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-small-disk-'));
  if (!run(['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir])) throw new Error('mount failed');
  const remount = (opts: string) => {
    if (!run(['-o', `remount,${opts}`, dir])) throw new Error(`remount ${opts} failed`);
  };
  return {
    dir,
    resize: (n) => remount(`size=${n}`),
    readOnly: () => remount('ro'),
    unmount: () => {
      spawnSync('umount', ['-l', dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
