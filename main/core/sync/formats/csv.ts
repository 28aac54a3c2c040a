// CSV exports of listening tools → mentions. Delimiter , ; or TAB (decoding is decode.ts's job), headers
// mapped by csv-mapping.ts or by the user; rows without text or date are quarantined with their number.
import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import type { NewMention } from '../ingest';
import { htmlToPlainText } from '../normalize';
import { FormatError, Rejection, emptyResult, excerpt, setAside, type ParseResult } from '../types';
import { resolveMapping, csvMappingFor, type CsvField, type CsvMapping } from './csv-mapping';
import { platformIdFromUrl } from './csv-platform-ids';
import { parseCsvRows } from './csv-rows';
import { guessDayFirst, parseCount, parseCsvDate, parseLang, parseSentiment, platformOf } from './csv-values';
import { resolveUrl, stableId } from './feed-item';
import { rejectBinary } from './not-text';
import type { FileFormat, FormatContext } from './registry';

export interface CsvContext extends FormatContext {
  /** The user's corrections to the automatic column mapping (see csvMappingFor). */
  mapping?: Partial<Record<CsvField, string | null>>;
}

const DELIMITERS = [',', ';', '\t'] as const;

interface Header {
  /** Text after the optional Excel `sep=;` line. */
  body: string;
  /** Lines before the header (the `sep=` line): row numbers count them, as a spreadsheet would. */
  skipped: number;
  delimiter: string | null;
  headers: string[];
}

/**
 * The header row and its delimiter, guessed from that row (headers rarely contain delimiters). Some
 * tools (Brandwatch) put a few lines of report details first: the header is the first of the opening
 * lines that names a date and a text column, else the first line.
 */
export function readCsvHeader(text: string): Header {
  let body = text.replace(/^\uFEFF/, '');
  let forced: string | null = null;
  let skipped = 0;
  const sep = /^sep=(.)\r?\n/i.exec(body);
  if (sep) {
    forced = sep[1] ?? null;
    body = body.slice(sep[0].length);
    skipped = 1;
  }
  const lines = body.slice(0, 64 * 1024).split('\n', HEADER_SEARCH_LINES);
  let chosen = { index: 0, delimiter: null as string | null, headers: [] as string[] };
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    const delimiter = forced ?? bestDelimiter(line);
    const headers = delimiter ? splitHeader(line, delimiter) : [line.trim()];
    if (i === 0) chosen = { index: 0, delimiter, headers };
    const { mapping } = csvMappingFor(headers);
    if (delimiter && mapping.date && (mapping.text || mapping.title)) {
      chosen = { index: i, delimiter, headers };
      break;
    }
  }
  // Drop the report lines above the header; row numbers still count them.
  let cut = 0;
  for (let i = 0; i < chosen.index; i++) cut = body.indexOf('\n', cut) + 1;
  return {
    body: body.slice(cut),
    skipped: skipped + chosen.index,
    delimiter: chosen.delimiter,
    headers: chosen.headers,
  };
}

const HEADER_SEARCH_LINES = 30;

function splitHeader(line: string, delimiter: string): string[] {
  const parsed = Papa.parse<string[]>(line, { delimiter });
  return (parsed.data[0] ?? []).map((h) => h.trim());
}

function bestDelimiter(line: string): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = line.replace(/"[^"]*"/g, '').split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

export function parseCsv(text: string, ctx: CsvContext): ParseResult {
  rejectBinary(text, 'a CSV file');
  refuseOtherFormats(text);
  const { body, skipped, delimiter, headers } = readCsvHeader(text);
  if (!delimiter)
    throw new FormatError('This is not a CSV file: its first line has no , ; or TAB separator.');
  const mapping = resolveMapping(headers, ctx.mapping);
  const missing = [!mapping.date && 'date', !mapping.text && !mapping.title && 'text'].filter(Boolean);
  if (missing.length > 0) {
    const { unknown } = csvMappingFor(headers);
    throw new FormatError(
      `No ${missing.join(' or ')} column among the headers (unrecognised: ${unknown.slice(0, 15).join(', ') || 'none'}); map the columns by hand.`,
    );
  }
  // Blank rows are skipped below, not by the parser, so row numbers stay those of the spreadsheet.
  const { rows, errors } = parseCsvRows(body, delimiter);
  const col = (field: CsvField): number => (mapping[field] === null ? -1 : headers.indexOf(mapping[field]));
  const columns = Object.fromEntries((Object.keys(mapping) as CsvField[]).map((f) => [f, col(f)])) as Record<
    CsvField,
    number
  >;
  const reader: RowReader = {
    columns,
    width: headers.length,
    // With the time cell: "2:05 PM" in its own column still points to the US order.
    dayFirst: guessDayFirst(rows.slice(1).map((r) => `${r[columns.date] ?? ''} ${r[columns.time] ?? ''}`)),
    decimalComma: delimiter === ';',
  };
  const out = emptyResult();
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i] ?? [];
    if (row.every((c) => c.trim() === '')) continue;
    const rowNo = skipped + i + 1; // spreadsheet numbering: the header is row 1
    const problem = errors.get(i) ?? null;
    const mention = problem
      ? new Rejection('malformed', `malformed CSV (${problem})`)
      : rowToMention(row, reader);
    if (mention instanceof Rejection) {
      const where = { unit: 'row', n: rowNo } as const;
      out.quarantined.push(setAside(`CSV row ${rowNo}: `, mention, excerpt(row.join(delimiter)), where));
    } else out.mentions.push(mention);
  }
  return out;
}

function refuseOtherFormats(text: string): void {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (/^<(\?xml|rss|feed|html|!doctype)/i.test(start)) {
    throw new FormatError('This is an XML or HTML document, not a CSV file.');
  }
  if (start.startsWith('{') || start.startsWith('[')) {
    try {
      JSON.parse(start);
      throw new FormatError('This is a JSON file, not a CSV file.');
    } catch (err) {
      if (err instanceof FormatError) throw err;
    }
  }
}

interface RowReader {
  columns: Record<CsvField, number>;
  width: number;
  dayFirst: boolean;
  decimalComma: boolean;
}

const looksLikeHtml = (s: string): boolean => /<[a-z/!][^<>]*>|&[#a-z0-9]+;/i.test(s);

function rowToMention(row: string[], r: RowReader): NewMention | Rejection {
  if (row.length > r.width && row.slice(r.width).some((c) => c.trim() !== '')) {
    const text = `${row.length} cells for ${r.width} columns (an unquoted separator in a text?)`;
    return new Rejection('cell_count', text, { cells: row.length, columns: r.width });
  }
  const get = (f: CsvField): string => (r.columns[f] >= 0 ? (row[r.columns[f]] ?? '').trim() : '');
  const text = joinText(plain(get('title')), plain(get('text')));
  if (!text) return new Rejection('no_text', 'no text');
  const rawDate = get('date');
  if (!rawDate) return new Rejection('no_date', 'no date');
  const createdAt = parseCsvDate(rawDate, get('time'), r.dayFirst);
  if (createdAt === null) {
    const value = `${rawDate} ${get('time')}`.trim().slice(0, 60);
    return new Rejection('bad_date', `unreadable date "${value}"`, { value });
  }
  const rawUrl = get('url');
  const url = resolveUrl(/^www\./i.test(rawUrl) ? `https://${rawUrl}` : rawUrl, null);
  const platform = platformOf(get('platform'), url);
  const author = get('author').replace(/^@/, '');
  const authorName = get('authorName') || null;
  const count = (f: CsvField): number | null => parseCount(get(f), r.decimalComma);
  const noCounts = r.columns.likes < 0 && r.columns.shares < 0 && r.columns.replies < 0;
  const externalId = idOf(get('id'), url, platform, `${rawDate}|${get('time')}|${author}|${text}`);
  const mention: NewMention = {
    id: `${platform}:${externalId}`,
    platform,
    externalId,
    url,
    authorHandle: author || authorName || (url ? new URL(url).hostname.replace(/^www\./, '') : ''),
    authorName: authorName ?? (author || null),
    authorFollowers: count('followers'),
    text,
    lang: parseLang(get('lang')),
    createdAt,
    // Exports with a single engagement figure: shown as likes rather than lost.
    likes: (noCounts ? count('engagement') : count('likes')) ?? 0,
    shares: count('shares') ?? 0,
    replies: count('replies') ?? 0,
    rating: null,
    sentiment: parseSentiment(get('sentiment')),
  };
  const reach = count('reach');
  if (reach !== null) mention.reach = reach;
  // Reddit and YouTube rows were keyed by the tool's id or the URL before their URL was read.
  const before = platform === 'reddit' || platform === 'youtube' ? ownId(get('id'), url) : null;
  if (before !== null && before !== externalId) mention.previousId = `${platform}:${before}`;
  return mention;
}

/**
 * The tool's own id, else the URL, else a hash of date, author and text: the same row imported twice
 * gets the same id. X posts, Reddit posts and comments and YouTube comments take the platform's id
 * from their URL so they meet the copies their sources stored.
 * Ids Excel turned into 1.23457E+18 are unusable and skipped.
 */
function idOf(toolId: string, url: string | null, platform: string, fallback: string): string {
  return (
    platformIdFromUrl(platform, url) ??
    ownId(toolId, url) ??
    `sha1:${createHash('sha1').update(fallback).digest('hex')}`
  );
}

/** The tool's id (unless Excel mangled it into 1.23457E+18), else the URL; null without either. */
function ownId(toolId: string, url: string | null): string | null {
  if (toolId && !/^\d(?:[.,]\d+)?e\+?\d+$/i.test(toolId)) return stableId(toolId);
  return url ? stableId(url) : null;
}

function plain(s: string): string {
  return (looksLikeHtml(s) ? htmlToPlainText(s) : s).replace(/\r\n?/g, '\n').trim();
}

function joinText(title: string, text: string): string {
  if (!title || text.startsWith(title)) return text || title;
  if (!text) return title;
  return `${title}\n\n${text}`;
}

const SNIFF_HEAD = 64 * 1024;

export const csvFormat: FileFormat = {
  name: 'csv',
  sniff(text, fileName) {
    const { delimiter, headers } = readCsvHeader(text.slice(0, SNIFF_HEAD));
    if (!delimiter || headers.length < 2) return false;
    const { mapping } = csvMappingFor(headers);
    const mapped = Object.values(mapping).filter((h) => h !== null).length;
    if (mapping.date && (mapping.text || mapping.title) && mapped >= 2) return true;
    return /\.(csv|tsv)$/i.test(fileName) && mapped >= 1;
  },
  parse: (text, ctx) => parseCsv(text, ctx),
};

export type { CsvMapping };
