// One Vigie web server per test, on a fresh database in a fresh temp folder; killed and removed after.
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(ROOT, 'bin', 'vigie.cjs');
const START_TIMEOUT_MS = 30_000;
/** Runs in the page before the app: reports CSP violations as console errors (plain JS, page side). */
const CSP_LISTENER = `document.addEventListener('securitypolicyviolation', (e) => {
  console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI);
});`;

export interface VigieServer {
  url: string;
  dbPath: string;
  dir: string;
  /** Everything the server printed, for failure messages. */
  output(): string;
  /** Stops the server before the end of the test (it is stopped after the test anyway). */
  stop(): Promise<void>;
}

export interface Options {
  /** Extra flags for `vigie serve`, e.g. ['--replay-speed', '3000']. */
  serveArgs: string[];
  /** Run `vigie demo --db` first: the whole demo is in the store before the server starts. */
  preloadDemo: boolean;
}

interface Fixtures {
  vigie: VigieServer;
  /** Console errors, page errors and CSP violations seen by the page during the test. */
  pageProblems: string[];
  /** The page, opened on the war-room of the test's server. */
  warroom: Page;
}

function runToEnd(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`vigie ${args.join(' ')} exited with ${code}:\n${out}`)),
    );
  });
}

function waitForUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`vigie serve printed no URL within ${START_TIMEOUT_MS} ms:\n${output()}`)),
      START_TIMEOUT_MS,
    );
    const check = () => {
      const match = /running at (http:\/\/\S+)/.exec(output());
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`vigie serve exited early (${code}):\n${output()}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

export const test = base.extend<Fixtures & Options>({
  serveArgs: [[], { option: true }],
  preloadDemo: [false, { option: true }],

  vigie: async ({ serveArgs, preloadDemo }, use) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vigie-e2e-'));
    const dbPath = path.join(dir, 'vigie.db');
    let child: ChildProcess | null = null;
    try {
      if (preloadDemo) await runToEnd(['demo', '--db', dbPath]);
      let out = '';
      child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', dbPath, ...serveArgs], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
      const output = () => out;
      const url = await waitForUrl(child, output);
      const server = child;
      await use({ url, dbPath, dir, output, stop: () => stop(server) });
    } finally {
      if (child) await stop(child);
      await fs.rm(dir, { recursive: true, force: true });
    }
  },

  pageProblems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    // CSP violations are also logged by Chromium as console errors; this catches them by event too.
    await page.addInitScript({ content: CSP_LISTENER });
    await use(problems);
  },

  warroom: async ({ page, vigie, pageProblems }, use) => {
    void pageProblems; // start listening before the first navigation
    await page.goto(vigie.url);
    await expect(page.getByTestId('warroom')).toBeVisible();
    await use(page);
  },
});

export { expect };

/** Reads a numeric data-* attribute (counts the app exposes for tests). */
export async function numberAttr(page: Page, testId: string, attr: string): Promise<number> {
  const value = await page.getByTestId(testId).getAttribute(attr);
  return value === null || value === '' ? NaN : Number(value);
}

export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  await fs.mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
