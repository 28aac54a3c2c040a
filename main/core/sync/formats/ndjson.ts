// NDJSON: one Vigie mention per line. Line-oriented: large files arrive in chunks of whole lines, and
// quarantine reasons name the line in the whole file.
import { FormatError, Rejection, emptyResult, excerpt, setAside, type ParseResult } from '../types';
import { rejectBinary } from './not-text';
import type { FileFormat, FormatContext } from './registry';
import { looksLikeVigieRecord, vigieRecordToMention } from './vigie-record';

const SNIFF_HEAD = 64 * 1024;

export function parseNdjson(text: string, ctx: FormatContext): ParseResult {
  const offset = ctx.lineOffset ?? 0;
  const whole = offset === 0;
  if (whole) rejectBinary(text, 'an NDJSON file');
  const out = emptyResult();
  const lines = text.split('\n');
  let records = 0;
  let json = 0;
  lines.forEach((rawLine, i) => {
    const line = (i === 0 && whole ? rawLine.replace(/^\uFEFF/, '') : rawLine).trim();
    if (line === '') return;
    records++;
    const n = offset + i + 1;
    const where = { unit: 'line', n } as const;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      out.quarantined.push(setAside(`NDJSON line ${n}: `, NOT_JSON, excerpt(line), where));
      return;
    }
    json++;
    const mention = vigieRecordToMention(value);
    if (mention instanceof Rejection) {
      out.quarantined.push(setAside(`NDJSON line ${n}: `, mention, excerpt(line), where));
    } else out.mentions.push(mention);
  });
  // Only the first chunk can refuse the file: later chunks come after stored data, so they quarantine.
  if (whole && out.mentions.length === 0) {
    if (records === 0) throw new FormatError('The file is empty.');
    if (json === 0) throw new FormatError('This is not NDJSON: no line is a JSON value.');
    const first = out.quarantined[0]?.reason.replace(/^NDJSON /, '') ?? '';
    throw new FormatError(`No line is a Vigie mention (${first}).`);
  }
  return out;
}

const NOT_JSON = new Rejection('not_json', 'not valid JSON');

export const ndjsonFormat: FileFormat = {
  name: 'ndjson',
  lineOriented: true,
  sniff(text) {
    const head = text.slice(0, SNIFF_HEAD).replace(/^\uFEFF/, '');
    const first =
      head
        .split('\n')
        .find((l) => l.trim() !== '')
        ?.trim() ?? '';
    if (!first.startsWith('{') || !first.endsWith('}')) return false;
    try {
      return looksLikeVigieRecord(JSON.parse(first));
    } catch {
      return false;
    }
  },
  parse: parseNdjson,
};
