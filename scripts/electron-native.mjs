// Fetches better-sqlite3 built for Electron's ABI into native/electron/, apart from the Node build
// that tests and the CLI use, so neither ever breaks the other (DESIGN.md §5).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
export const ELECTRON_BINDING = path.join(root, 'native', 'electron', 'better_sqlite3.node');

export function ensureElectronNative() {
  const electronVersion = require('electron/package.json').version;
  const marker = path.join(path.dirname(ELECTRON_BINDING), 'electron-version');
  if (fs.existsSync(ELECTRON_BINDING) && fs.readFileSync(marker, 'utf8') === electronVersion)
    return ELECTRON_BINDING;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-native-'));
  try {
    fs.copyFileSync(require.resolve('better-sqlite3/package.json'), path.join(work, 'package.json'));
    execFileSync(
      process.execPath,
      [
        require.resolve('prebuild-install/bin.js'),
        '--runtime',
        'electron',
        '--target',
        electronVersion,
        '--arch',
        process.arch,
      ],
      { cwd: work, stdio: 'pipe' },
    );
    fs.mkdirSync(path.dirname(ELECTRON_BINDING), { recursive: true });
    fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), ELECTRON_BINDING);
    fs.writeFileSync(marker, electronVersion);
    return ELECTRON_BINDING;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`Electron build of better-sqlite3: ${ensureElectronNative()}`);
}
