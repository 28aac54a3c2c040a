// The `vigie` command. Plain Node: it never imports electron, and talks to the same core worker.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PLATFORMS, type Platform } from '../shared/model';
import { VigieError } from './core/errors';
import { distDir, startCore } from './core/host';
import { resolveDbPath } from './core/paths';
import { checkedDbPath, VERSION, withCore, type Flags } from './cli/core-session';
import { startWebServer } from './server';
import { mentionToJsonLine, mentionToTextLine } from './cli/mentions-output';
import { importCommand } from './cli/import-command';
import { analyzeCommand } from './cli/analyze-command';
import { syncCommand } from './cli/sync-command';
import { exportCommand } from './cli/export-command';
import { incidentsCommand } from './cli/incidents-command';
import { importBundleCommand } from './cli/import-bundle-command';
import { backupCommand, restoreCommand } from './cli/backup-command';

const HELP = `Vigie ${VERSION} — crisis cell cockpit

Usage:
  vigie serve    [--port N] [--host ADDR] [--token T] [--db PATH] [--no-demo] [--replay-speed X] [--watch DIR]
  vigie demo     --db PATH
  vigie mentions [--db PATH] [--limit N] [--search Q] [--platform P] [--json]
  vigie import   FILE... [--db PATH] [--format auto|ndjson|json|csv|mastodon|bluesky|twitter|rss|atom|reddit|youtube|facebook] [--json]
  vigie sync     [--db PATH] --config sources.json [--once] [--json]
  vigie incidents [--db PATH] [--json]
  vigie export   INCIDENT_ID --format md|html|pdf|csv|json --out PATH [--db PATH] [--lang fr|en] [--pseudonymize] [--include-private] [--delimiter ';'|','] [--table mentions|timeline]
  vigie import-bundle FILE [--db PATH] [--json]
  vigie analyze  [--json] < texts.txt   (one text per line → one JSON analysis per line)
  vigie backup   [--db PATH]
  vigie restore  [--db PATH] [--from FILE | --latest]

The database defaults to VIGIE_DB, then the per-user app-data folder.`;

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new VigieError('bad_flag', `--${name} expects a whole number, got "${value}".`);
  return n;
}

async function serve(flags: Flags): Promise<void> {
  const dbPath = checkedDbPath(flags);
  const speed = flags['replay-speed'] === undefined ? undefined : Number(flags['replay-speed']);
  if (speed !== undefined && !(speed >= 1))
    throw new VigieError('bad_flag', '--replay-speed expects a number ≥ 1.');
  // Every flag is checked before the core starts: a bad one must not leave a running core behind.
  const port = positiveInt(flags.port as string | undefined, 'port', 4800);
  if (port > 65_535)
    throw new VigieError('bad_flag', `--port expects a port number up to 65535, got ${port}.`);
  const core = await startCore({
    dbPath,
    mode: 'web',
    version: VERSION,
    seedDemo: !flags['no-demo'],
    replaySpeed: speed,
    dropFolder: flags.watch ? path.resolve(flags.watch as string) : undefined,
  });
  const server = await startWebServer({
    core,
    staticDir: path.join(distDir(), 'renderer'),
    host: flags.host as string | undefined,
    port,
    token: flags.token as string | undefined,
  }).catch(async (err: NodeJS.ErrnoException) => {
    await core.close();
    if (err.code === 'EADDRINUSE')
      throw new VigieError('port_busy', `Port ${flags.port ?? 4800} is busy: pick another with --port.`);
    throw err;
  });
  console.log(`Vigie web mode is running at ${server.openUrl}`);
  console.log(`Database: ${dbPath}`);
  if (server.token && !flags.token)
    console.log('A token was generated for this non-loopback bind; it is shown once, in the URL above.');
  const stop = async () => {
    await server.close();
    await core.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function demo(flags: Flags): Promise<void> {
  if (!flags.db) throw new VigieError('bad_flag', 'vigie demo needs --db PATH.');
  await withCore(flags, false, async (core) => {
    const { inserted, total } = await core.loadDemo();
    console.log(
      `Demo incident loaded: ${inserted} new mentions (${total} in the scenario) into ${resolveDbPath(flags.db as string)}`,
    );
  });
}

async function mentions(flags: Flags): Promise<void> {
  const limit = positiveInt(flags.limit as string | undefined, 'limit', 50);
  const platform = flags.platform as string | undefined;
  if (platform && !PLATFORMS.includes(platform as Platform)) {
    throw new VigieError('bad_flag', `--platform must be one of ${PLATFORMS.join(', ')}.`);
  }
  await withCore(
    flags,
    false,
    async (core) => {
      let remaining = limit;
      let before: { createdAt: number; id: string } | undefined;
      while (remaining > 0) {
        const page = await core.call('mentions.list', {
          limit: Math.min(remaining, 500),
          before,
          platform: platform as Platform | undefined,
          search: flags.search as string | undefined,
        });
        for (const m of page.items) console.log(flags.json ? mentionToJsonLine(m) : mentionToTextLine(m));
        if (page.items.length === 0) break;
        remaining -= page.items.length;
        const last = page.items[page.items.length - 1]!;
        before = { createdAt: last.createdAt, id: last.id };
      }
    },
    true,
  );
}

const COMMANDS: Record<string, (flags: Flags) => Promise<void>> = {
  serve,
  demo,
  mentions,
  import: importCommand,
  analyze: analyzeCommand,
  sync: syncCommand,
  incidents: incidentsCommand,
  export: exportCommand,
  'import-bundle': importBundleCommand,
  backup: backupCommand,
  restore: restoreCommand,
};

/** `vigie COMMAND --help`: that command's line of the usage, and where the rest is written. */
function usageOf(command: string): string {
  const line = HELP.split('\n').find((l) => new RegExp(`^  vigie ${command}\\s`).test(l));
  return `Usage:\n${line ?? `  vigie ${command}`}\n\nEvery flag is described in README.md (section "Command line").`;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(HELP);
    return command ? 0 : 1;
  }
  if (command === '--version') {
    console.log(VERSION);
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    console.error(`vigie: unknown command "${command}".\n\n${HELP}`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: ['import', 'export', 'import-bundle'].includes(command),
      options: {
        db: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        token: { type: 'string' },
        'no-demo': { type: 'boolean' },
        'replay-speed': { type: 'string' },
        limit: { type: 'string' },
        search: { type: 'string' },
        platform: { type: 'string' },
        json: { type: 'boolean' },
        format: { type: 'string' },
        config: { type: 'string' },
        once: { type: 'boolean' },
        watch: { type: 'string' },
        out: { type: 'string' },
        lang: { type: 'string' },
        pseudonymize: { type: 'boolean' },
        'include-private': { type: 'boolean' },
        delimiter: { type: 'string' },
        table: { type: 'string' },
        from: { type: 'string' },
        latest: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
    if (values.help) {
      console.log(usageOf(command));
      return 0;
    }
    await run({ ...values, _: positionals });
    return 0;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(`vigie ${command}: ${message}`);
    return 1;
  }
}

/** Runs the command line of this process; `serve` keeps running until a signal. */
export function runCli(): void {
  // `vigie mentions --json | head`: the reader went away; that is the end of the output, not a crash.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  void main(process.argv.slice(2)).then((code) => {
    // A command may already have set a failure code (sync with failed sources): keep it.
    if (code !== 0 || !process.exitCode) process.exitCode = code;
  });
}

if (require.main === module) runCli();
