// `vigie import-bundle FILE [--json]`: restores an incident exported as a JSON bundle (idempotent).
import { VigieError } from '../core/errors';
import { withCore, type Flags } from './core-session';
import { readTextFile } from './read-text-file';

export async function importBundleCommand(flags: Flags): Promise<void> {
  const [file, ...extra] = flags._;
  if (!file)
    throw new VigieError(
      'bad_flag',
      'vigie import-bundle needs a FILE (a JSON bundle from `vigie export --format json`).',
    );
  if (extra.length > 0) throw new VigieError('bad_flag', 'vigie import-bundle takes one FILE.');
  const text = readTextFile(file, 'bad_file');
  if (text.trim() === '') throw new VigieError('bad_file', `${file} is empty: it is not a Vigie bundle.`);
  await withCore(flags, false, async (core) => {
    const r = await core.call('report.importBundle', { bundle: text });
    if (flags.json) console.log(JSON.stringify(r));
    else if (r.created)
      console.log(
        `Incident ${r.incidentId} restored: ${r.rowsInserted} records, ${r.mentionsInserted} mentions.`,
      );
    else
      console.log(
        `Incident ${r.incidentId} was already there: ${r.mentionsInserted} missing mentions added.`,
      );
  });
}
