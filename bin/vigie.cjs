#!/usr/bin/env node
// Thin launcher: the CLI is built to dist/cli.cjs by `npm run build` (npm start and npm test run it).
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.cjs');
if (!fs.existsSync(cli)) {
  console.error('vigie: the CLI is not built yet. Run `npm run build` in the Vigie folder first.');
  process.exit(1);
}
require(cli).runCli();
