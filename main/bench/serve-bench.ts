// The real core as users run it: `vigie serve` on the bench store, its start time and its memory.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface Served {
  url: string;
  pid: number;
  /** From spawn to "running at" (opening, quick_check, migrations, first queries, HTTP listening). */
  startMs: number;
  output(): string;
  stop(): Promise<void>;
}

export function serve(root: string, dbPath: string, args: string[]): Promise<Served> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [path.join(root, 'bin', 'vigie.cjs'), 'serve', '--port', '0', '--db', dbPath, ...args],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`vigie serve did not start within 120 s:\n${out}`));
    }, 120_000);
    child.stdout.on('data', () => {
      const match = /running at (http:\/\/\S+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: match[1]!,
        pid: child.pid!,
        startMs: Math.round(performance.now() - started),
        output: () => out,
        stop,
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`vigie serve exited (${code}):\n${out}`));
    });
  });
}

/** Resident memory of a process now and at its peak, in MB (Linux /proc; null elsewhere). */
export function memoryOf(pid: number): { rssMB: number; peakMB: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMB: Math.round(kb('VmRSS') / 1024), peakMB: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return null;
  }
}
