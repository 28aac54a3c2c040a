// `vigie sync --config sources.json [--once] [--json]`: runs every source of the file.
import { z } from 'zod';
import { VigieError } from '../core/errors';
import { readTextFile } from './read-text-file';
import { startCore } from '../core/host';
import type { RunReport } from '../core/sync/engine';
import { checkedDbPath, VERSION, withCore, type Flags } from './core-session';

const configFileSchema = z.object({
  sources: z.array(
    z
      .object({
        id: z.string().regex(/^[\w.-]{1,64}$/),
        type: z.string().min(1),
        name: z.string().optional(),
      })
      .passthrough(),
  ),
});

function readConfig(file: string | undefined): z.infer<typeof configFileSchema> {
  if (!file) throw new VigieError('bad_flag', 'vigie sync needs --config sources.json.');
  const text = readTextFile(file, 'bad_config');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new VigieError('bad_config', `${file} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = configFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new VigieError('bad_config', `${file}: ${issue?.path.join('.') || 'file'}: ${issue?.message}`);
  }
  return parsed.data;
}

function describe(r: RunReport): string {
  const counts = `${r.inserted} new, ${r.duplicates} already stored, ${r.shares} reposts, ${r.quarantined} quarantined`;
  return `${r.sourceId}: ${counts}${r.error ? ` — ${r.status}: ${r.error.message}` : ''}`;
}

function toJson(r: RunReport) {
  return {
    id: r.sourceId,
    inserted: r.inserted,
    duplicates: r.duplicates,
    shares: r.shares,
    quarantined: r.quarantined,
    pages: r.pages,
    complete: r.complete,
    status: r.status,
    error: r.error?.message ?? null,
  };
}

export async function syncCommand(flags: Flags): Promise<void> {
  const config = readConfig(flags.config as string | undefined);
  if (flags.once) {
    const reports = await withCore(flags, false, (core) =>
      core.task('sync.once', { sources: config.sources }),
    );
    const list = reports as RunReport[];
    if (flags.json) console.log(JSON.stringify({ sources: list.map(toJson) }));
    else for (const r of list) console.log(describe(r));
    if (list.some((r) => r.error && r.status !== 'rate_limited')) process.exitCode = 1;
    return;
  }
  // Continuous: one complete pass, then the scheduler keeps every source in sync until stopped.
  const core = await startCore({
    dbPath: checkedDbPath(flags),
    mode: 'cli',
    version: VERSION,
  });
  const first = (await core.task('sync.once', { sources: config.sources })) as RunReport[];
  // The first pass prints what --once prints; the notice goes to stderr, so stdout stays JSON.
  if (flags.json) console.log(JSON.stringify({ sources: first.map(toJson) }));
  else for (const r of first) console.log(describe(r));
  console.error('Syncing continuously; press Ctrl+C to stop.');
  const stop = async () => {
    await core.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
