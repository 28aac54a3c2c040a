// `vigie import FILE... [--format F] [--json]`: prints {"inserted":N,"duplicates":N,"quarantined":N}.
import { VigieError } from '../core/errors';
import type { ImportReport } from '../core/sync/file-import';
import { withCore, type Flags } from './core-session';

export const IMPORT_FORMATS = [
  'auto',
  'ndjson',
  'json',
  'csv',
  'mastodon',
  'bluesky',
  'twitter',
  'rss',
  'atom',
  'reddit',
  'youtube',
  'facebook',
] as const;

export async function importCommand(flags: Flags): Promise<void> {
  const files = flags._;
  if (files.length === 0) throw new VigieError('bad_flag', 'vigie import needs at least one FILE.');
  const format = (flags.format as string | undefined) ?? 'auto';
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) {
    throw new VigieError('bad_flag', `--format must be one of ${IMPORT_FORMATS.join(', ')}.`);
  }
  const totals = { inserted: 0, duplicates: 0, quarantined: 0 };
  const failures: string[] = [];
  await withCore(flags, false, async (core) => {
    const showProgress = !flags.json && process.stderr.isTTY;
    const off = core.onAnyEvent((name, payload) => {
      if (name !== 'import.progress' || !showProgress) return;
      const p = payload as { done: number; total: number; ratePerSecond: number };
      process.stderr.write(`\r${p.done}/${p.total} (${p.ratePerSecond}/s)   `);
    });
    for (const file of files) {
      try {
        const r = (await core.task('import.file', { path: file, format })) as ImportReport;
        totals.inserted += r.inserted;
        totals.duplicates += r.duplicates;
        totals.quarantined += r.quarantined;
        if (showProgress) process.stderr.write('\r');
        if (!flags.json) {
          console.log(
            `${file} (${r.format}): ${r.inserted} new, ${r.duplicates} already stored, ${r.quarantined} quarantined` +
              (r.shares ? `, ${r.shares} reposts counted on their originals` : ''),
          );
        }
      } catch (err) {
        failures.push(err instanceof Error ? err.message : String(err));
      }
    }
    off();
  });
  if (flags.json) console.log(JSON.stringify(totals));
  if (failures.length > 0) throw new VigieError('import_failed', failures.join('\n'));
}
