// Files given in the wrong format are often not text at all (a PDF report, a screenshot, an .xlsx):
// say which, in one sentence, before any parser tries to read them.
import { FormatError } from '../types';

// Magic numbers are control characters by nature.
/* eslint-disable no-control-regex */
const MAGIC: [RegExp, string][] = [
  [/^%PDF-/, 'a PDF document'],
  [/^.?PNG\r\n\x1a\n/, 'a PNG image'],
  [/^GIF8[79]a/, 'a GIF image'],
  [/^[\s\S]{0,12}(?:JFIF|Exif)/, 'a JPEG image'],
  [/^PK\x03\x04/, 'a ZIP archive or an Office file (an .xlsx workbook: save it as CSV first)'],
  [/^\{\\rtf/, 'an RTF document'],
];
/* eslint-enable no-control-regex */

/** What the file is when it is clearly not text; null when it may be text. */
export function binaryKind(text: string): string | null {
  const head = text.slice(0, 1024);
  for (const [re, what] of MAGIC) if (re.test(head)) return what;
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) return 'a binary file';
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  return head.length > 0 && control / head.length > 0.1 ? 'a binary file' : null;
}

/** Throws the FormatError "This is a PDF document, not a CSV file." when the text is binary. */
export function rejectBinary(text: string, formatLabel: string): void {
  const kind = binaryKind(text);
  if (kind) throw new FormatError(`This is ${kind}, not ${formatLabel}.`);
}
