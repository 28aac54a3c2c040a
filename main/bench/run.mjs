// `npm run bench [-- --max N] [-- --no-browser]`: bundles the bench like scripts/build.mjs bundles the
// app (esbuild, native modules outside), then runs it with the arguments given.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = path.join(root, 'dist');

await build({
  entryPoints: { bench: path.join(root, 'main/bench/index.ts') },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  outdir: dist,
  outExtension: { '.js': '.cjs' },
  external: [
    'electron',
    'better-sqlite3',
    'bufferutil',
    'utf-8-validate',
    '@playwright/test',
    'playwright-core',
  ],
});
const run = spawnSync(process.execPath, [path.join(dist, 'bench.cjs'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
