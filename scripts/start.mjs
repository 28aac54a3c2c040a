// `npm start`: the Electron app when Electron can start; web mode otherwise, said plainly.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronNative } from './electron-native.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const passThrough = process.argv.slice(2);
// An Electron that dies this fast never showed a window: treat it as "cannot start".
const EARLY_EXIT_MS = 15_000;
/** main/index.ts exits with it when the core refused the database: web mode would refuse it too. */
const REFUSED_EXIT_CODE = 2;

function startWebMode(reason) {
  console.log(
    `\nElectron cannot start on this machine (${reason}), so Vigie runs in web mode instead: open the address below in your browser.\n`,
  );
  const child = spawn(process.execPath, [path.join(root, 'bin', 'vigie.cjs'), 'serve', ...passThrough], {
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

function startElectron() {
  // Electron fetches its binary on first use; ask a child so its download noise stays out of sight.
  console.log('Starting the Vigie desktop app (the first launch prepares Electron)…');
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  if (probe.status !== 0 || !probe.stdout) {
    const output = `${probe.stderr ?? ''}`;
    const downloadFailed = /fetch failed|failed to install|ENOTFOUND|ECONNREFUSED|EAI_AGAIN/.test(output);
    const lastError = output
      .split('\n')
      .filter((l) => /^\w*Error/.test(l))
      .at(-1);
    return startWebMode(
      downloadFailed
        ? 'its binary is missing and could not be downloaded'
        : (lastError ?? 'its binary is not available'),
    );
  }
  const electronBinary = probe.stdout;
  try {
    ensureElectronNative();
  } catch (err) {
    return startWebMode(
      `no better-sqlite3 build for Electron could be fetched: ${String(err.message).split('\n')[0]}`,
    );
  }
  const startedAt = Date.now();
  let stderr = '';
  const child = spawn(electronBinary, [root, ...passThrough], { stdio: ['inherit', 'inherit', 'pipe'] });
  child.stderr.on('data', (d) => {
    stderr += d;
    process.stderr.write(d);
  });
  child.on('error', (err) => startWebMode(err.message));
  child.on('exit', (code, signal) => {
    // 2: Electron ran and Vigie refused the database (already open elsewhere, too new…); it said why.
    if (code === REFUSED_EXIT_CODE) {
      console.error('Vigie did not open the database: see the message above.');
      process.exit(code);
    }
    if (code !== 0 && Date.now() - startedAt < EARLY_EXIT_MS) {
      return startWebMode(stderr.trim().split('\n').pop() || `it exited with ${signal ?? code}`);
    }
    process.exit(code ?? 0);
  });
}

startElectron();
