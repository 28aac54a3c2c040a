// File formats that `vigie import` and the drop folder understand. Platform bodies saved to disk use
// the same parsers as the HTTP sources.
import type { ParseResult } from '../types';

export interface FormatContext {
  /** Import time (ms UTC), for records without a date of their own only if the format allows it. */
  now: number;
  /** The file name, for messages and for resolving nothing else. */
  fileName: string;
  /**
   * Line-oriented formats (ndjson) are parsed in chunks on large files: the number of lines before
   * this chunk, so quarantine reasons name the real line. 0 when absent.
   */
  lineOffset?: number;
}

export interface FileFormat {
  name: string;
  /** Any subset of whole lines is itself valid input (ndjson): large files are parsed in chunks. */
  lineOriented?: boolean;
  /** True when the text looks like this format (used by --format auto). Must be cheap and never throw. */
  sniff(text: string, fileName: string): boolean;
  /**
   * Parses the whole text. Throws FormatError when the file is not this format at all (nothing is
   * imported); bad individual records go to `quarantined` and the rest is returned.
   */
  parse(text: string, ctx: FormatContext): ParseResult;
}

const formats = new Map<string, FileFormat>();

export function registerFormat(format: FileFormat): void {
  formats.set(format.name, format);
}

export function formatByName(name: string): FileFormat | null {
  return formats.get(name) ?? null;
}

export function formatNames(): string[] {
  return [...formats.keys()];
}

/** Sniffing order: the most specific formats first, generic JSON/CSV last. */
export function sniffFormat(text: string, fileName: string, order: readonly string[]): FileFormat | null {
  for (const name of order) {
    const f = formats.get(name);
    if (f && f.sniff(text, fileName)) return f;
  }
  return null;
}
