// Builds every part: node bundles with esbuild (main, preload, core worker, CLI), the renderer with Vite.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const only = process.argv.includes('--node-only') ? 'node' : null;

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Native and Electron modules stay outside the bundles.
  external: ['electron', 'better-sqlite3', 'bufferutil', 'utf-8-validate'],
};

fs.mkdirSync(dist, { recursive: true });
const started = Date.now();
await Promise.all([
  esbuild({
    ...common,
    entryPoints: { 'core-worker': 'main/core/worker.ts' },
    outdir: dist,
    outExtension: { '.js': '.cjs' },
  }),
  esbuild({ ...common, entryPoints: { cli: 'main/cli.ts' }, outdir: dist, outExtension: { '.js': '.cjs' } }),
  esbuild({
    ...common,
    entryPoints: { 'analysis-worker': 'main/core/analysis/analysis-worker.ts' },
    outdir: dist,
    outExtension: { '.js': '.cjs' },
  }),
  esbuild({
    ...common,
    entryPoints: { main: 'main/index.ts' },
    outdir: dist,
    outExtension: { '.js': '.cjs' },
  }),
  // Sandboxed preloads may only require 'electron': everything else is bundled in.
  esbuild({
    ...common,
    entryPoints: { preload: 'preload/index.ts' },
    outdir: dist,
    outExtension: { '.js': '.cjs' },
  }),
]);
if (only !== 'node') {
  await viteBuild({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
}
console.log(`Built into dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
