// `vigie export INCIDENT_ID --format md|html|pdf|csv|json --out PATH [--lang fr|en] [--pseudonymize]
//  [--include-private] [--delimiter ';'|','] [--table mentions|timeline]`: the same bytes as the app.
import fs from 'node:fs';
import path from 'node:path';
import { VigieError } from '../core/errors';
import { REPORT_FORMATS, REPORT_LANGS, type ExportOptionsInput } from '../../shared/report-model';
import { checkedDbPath, withCore, type Flags } from './core-session';

function oneOf<T extends string>(value: unknown, allowed: readonly T[], flag: string, fallback?: T): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    throw new VigieError('bad_flag', `--${flag} must be one of ${allowed.join(', ')}.`);
  return value as T;
}

/** Writes next to the target then renames: a failed export never leaves half a file. */
export function writeFileAtomic(out: string, bytes: Buffer): void {
  const dir = path.dirname(out);
  if (!fs.existsSync(dir)) throw new VigieError('bad_flag', `The folder ${dir} does not exist.`);
  if (fs.existsSync(out) && fs.statSync(out).isDirectory())
    throw new VigieError('bad_flag', `--out ${out} is a folder; give a file name.`);
  const tmp = `${out}.${process.pid}.part`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, out);
}

/** Reading commands refuse a missing database instead of creating an empty one. */
export function existingDb(flags: Flags): void {
  checkedDbPath(flags, true);
}

export async function exportCommand(flags: Flags): Promise<void> {
  const [incidentId, ...extra] = flags._;
  if (!incidentId)
    throw new VigieError('bad_flag', 'vigie export needs an INCIDENT_ID (see `vigie incidents`).');
  if (extra.length > 0) throw new VigieError('bad_flag', `Unexpected argument: ${extra[0]}.`);
  const format = oneOf(flags.format, REPORT_FORMATS, 'format');
  if (typeof flags.out !== 'string' || flags.out === '')
    throw new VigieError('bad_flag', 'vigie export needs --out PATH.');
  const options: ExportOptionsInput = {
    format,
    lang: oneOf(flags.lang, REPORT_LANGS, 'lang', 'fr'),
    pseudonymize: flags.pseudonymize === true,
    includePrivate: flags['include-private'] === true,
    delimiter: oneOf(flags.delimiter, [';', ','] as const, 'delimiter', ';'),
    csvTable: oneOf(flags.table, ['mentions', 'timeline'] as const, 'table', 'mentions'),
  };
  existingDb(flags);
  const out = path.resolve(flags.out);
  await withCore(flags, false, async (core) => {
    const file = await core.call('report.export', { incidentId, options });
    writeFileAtomic(out, Buffer.from(file.base64, 'base64'));
    console.log(`${out} (${file.size} bytes)`);
  });
}
