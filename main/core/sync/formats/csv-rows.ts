// CSV text → rows, surviving a stray quote. A text cell exported unquoted that starts with `"` opens a
// quoted field that runs on to the next quote in the file, or to its end: every row in between would
// be lost inside one quarantined record. Here a record with broken quotes that runs over several lines
// is cut at the end of the line where its quote opened and kept raw with its error, for the
// quarantine; parsing starts again on the next line. (A well-formed multi-line cell never reports a
// quote error; a broken one is split into a few quarantined lines, which lose nothing.)
import Papa from 'papaparse';

export interface CsvRows {
  rows: string[][];
  /** Row index → the parser's complaint about that row. */
  errors: Map<number, string>;
}

/** Recoveries before the rest of the file is read without quoting (bounded time on a pathological file). */
const MAX_RECOVERIES = 200;
/** A quote character no text contains: quotes read as text. */
const LITERAL = '\u0000';
const RUNAWAY = 'a quote opens a cell and is not closed on its line';

export function parseCsvRows(body: string, delimiter: string): CsvRows {
  const rows: string[][] = [];
  const errors = new Map<number, string>();
  let rest = body;
  for (let recoveries = 0; ; recoveries++) {
    // A file this broken is read cell by cell, quotes kept as text.
    const quoting = recoveries < MAX_RECOVERIES;
    const parsed = Papa.parse<string[]>(rest, quoting ? { delimiter } : { delimiter, quoteChar: LITERAL });
    const runaway = parsed.errors.find(
      (e) => e.type === 'Quotes' && e.row !== undefined && parsed.data[e.row]?.some((c) => c.includes('\n')),
    );
    const stop = runaway?.row ?? parsed.data.length;
    for (const e of parsed.errors) {
      if (e.row !== undefined && e.row < stop && !errors.has(rows.length + e.row)) {
        errors.set(rows.length + e.row, e.message);
      }
    }
    for (let i = 0; i < stop; i++) rows.push(parsed.data[i] ?? []);
    if (!runaway) return { rows, errors };
    // The broken record runs from its start to the end of the line where its quote opened.
    const start = stop === 0 ? 0 : Papa.parse(rest, { delimiter, preview: stop }).meta.cursor;
    const lineEnd = rest.indexOf('\n', runaway.index);
    const end = lineEnd < 0 ? rest.length : lineEnd;
    errors.set(rows.length, RUNAWAY);
    rows.push([rest.slice(start, end).replace(/\r$/, '')]);
    if (lineEnd < 0) return { rows, errors };
    rest = rest.slice(lineEnd + 1);
  }
}
