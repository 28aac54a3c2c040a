// Static audit of the Electron configuration with @doyensec/electronegativity.
// Scans the shell (main/), the preload and the page's HTML (for its CSP meta) together, and fails on
// any HIGH finding. MEDIUM/LOW findings are printed; SECURITY.md says why each remaining one is safe.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = (await import('node:module')).createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;

// One folder holding exactly what ships in the Electron app, laid out as in the repo.
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-audit-'));
const outFile = path.join(stage, 'findings.csv');
try {
  const src = path.join(stage, 'src');
  fs.cpSync(path.join(ROOT, 'main'), path.join(src, 'main'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'preload'), path.join(src, 'preload'), { recursive: true });
  fs.mkdirSync(path.join(src, 'renderer'));
  fs.copyFileSync(path.join(ROOT, 'renderer', 'index.html'), path.join(src, 'renderer', 'index.html'));
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(src, 'package.json'));

  const bin = path.join(ROOT, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
  const run = spawnSync(
    process.execPath,
    [bin, '-i', src, '-r', '-e', electronVersion, '-o', outFile],
    // The tool tries to fetch translations and release lists; offline it carries on without them.
    { encoding: 'utf8', env: { ...process.env, LANG: 'en-US' }, timeout: 120_000 },
  );
  if (run.status !== 0 || !fs.existsSync(outFile)) {
    console.error(run.stdout, run.stderr);
    console.error('audit:electron: the scanner did not finish.');
    process.exit(1);
  }
  const lines = fs.readFileSync(outFile, 'utf8').trim().split('\n').slice(1).filter(Boolean);
  const findings = lines.map((line) => {
    const cells = line
      .match(/("([^"]|"")*"|[^,]*)(,|$)/g)
      .map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
    return { check: cells[0], severity: cells[1], confidence: cells[2], file: cells[3], at: cells[4] };
  });
  for (const f of findings) console.log(`${f.severity.padEnd(8)} ${f.check}  ${f.file}:${f.at}`);
  const high = findings.filter((f) => f.severity === 'HIGH');
  console.log(
    `audit:electron: ${findings.length} finding(s), ${high.length} high (Electron ${electronVersion}).`,
  );
  if (high.length > 0) process.exit(1);
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
