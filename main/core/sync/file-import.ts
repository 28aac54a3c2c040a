// Imports files (`vigie import`, the Sources panel, the drop folder): decode, detect the format,
// parse, then store in batches with progress. A file that is not in the claimed format imports nothing.
import fs from 'node:fs';
import path from 'node:path';
import { VigieError } from '../errors';
import { decodeText } from './formats/decode';
import { formatByName, sniffFormat, type FileFormat } from './formats/registry';
import type { Ingestor, QuarantineCopies } from './ingest';
import { FormatError, type ParseResult } from './types';

/** Most specific first: platform bodies before generic JSON, XML feeds, then CSV. */
export const SNIFF_ORDER = [
  'mastodon',
  'bluesky',
  'twitter',
  'reddit',
  'youtube',
  'facebook',
  'atom',
  'rss',
  'ndjson',
  'json',
  'csv',
] as const;

export interface ImportProgress {
  file: string;
  done: number;
  total: number;
  ratePerSecond: number;
}

export interface ImportReport {
  file: string;
  format: string;
  inserted: number;
  duplicates: number;
  shares: number;
  quarantined: number;
}

export interface ImportDeps {
  ingestor: Ingestor;
  now?: () => number;
  onProgress?: (p: ImportProgress) => void;
  /** Source the mentions are attributed to (a 'file' source row), if any. */
  sourceId?: string | null;
}

const BATCH = 2_000;
const LINES_PER_CHUNK = 20_000;
const MAX_FILE_BYTES = 2 * 1024 ** 3;

export async function importFile(file: string, formatName: string, deps: ImportDeps): Promise<ImportReport> {
  const bytes = readFileOrExplain(file);
  const text = decodeText(bytes);
  const fileName = path.basename(file);
  const format = pickFormat(formatName, text, fileName);
  const now = deps.now ?? Date.now;
  const report: ImportReport = {
    file,
    format: format.name,
    inserted: 0,
    duplicates: 0,
    shares: 0,
    quarantined: 0,
  };
  const progress: Progress = { file, started: now(), now, total: 0, onProgress: deps.onProgress };
  const chunks = format.lineOriented ? lineChunks(text) : [{ text, lineOffset: 0 }];
  if (format.lineOriented) progress.total = countLines(text);
  let firstChunk = true;
  // Identical bad lines are told apart by their rank in the whole file, across chunks.
  const copies: QuarantineCopies = new Map();
  for (const chunk of chunks) {
    let parsed: ParseResult;
    try {
      parsed = format.parse(chunk.text, { now: now(), fileName, lineOffset: chunk.lineOffset });
    } catch (err) {
      // A format error on the first chunk means the file is not this format: nothing was stored.
      if (err instanceof FormatError && firstChunk)
        throw new VigieError('bad_format', `${fileName}: ${err.message}`);
      throw err;
    }
    if (!format.lineOriented) progress.total = parsed.mentions.length + parsed.quarantined.length;
    firstChunk = false;
    await storeInBatches(parsed, report, deps, progress, copies);
  }
  return report;
}

interface Progress {
  file: string;
  started: number;
  now: () => number;
  total: number;
  onProgress?: (p: ImportProgress) => void;
}

async function storeInBatches(
  parsed: ParseResult,
  report: ImportReport,
  deps: ImportDeps,
  progress: Progress,
  copies: QuarantineCopies,
): Promise<void> {
  const { mentions } = parsed;
  function* batches(): Generator<ParseResult> {
    for (let i = 0; i === 0 || i < mentions.length; i += BATCH) {
      const last = i + BATCH >= mentions.length;
      yield {
        mentions: mentions.slice(i, i + BATCH),
        // Shares and quarantine ride with the last batch of the chunk.
        shares: last ? parsed.shares : [],
        quarantined: last ? parsed.quarantined : [],
      };
    }
  }
  // The next batch is analyzed on the second core while this one is written.
  await deps.ingestor.ingestPipelined(
    batches(),
    deps.sourceId ?? null,
    async (result) => {
      report.inserted += result.inserted.length;
      report.duplicates += result.duplicates;
      report.shares += result.shares;
      report.quarantined += result.quarantined;
      const done = report.inserted + report.duplicates + report.quarantined;
      const seconds = Math.max(0.001, (progress.now() - progress.started) / 1000);
      progress.onProgress?.({
        file: progress.file,
        done,
        total: Math.max(done, progress.total),
        ratePerSecond: Math.round(done / seconds),
      });
      // Let the worker answer other calls between batches.
      await new Promise((r) => setImmediate(r));
    },
    copies,
  );
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') || text.length === 0 ? n : n + 1;
}

function readFileOrExplain(file: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new VigieError('file_missing', `${file} does not exist.`);
  }
  if (stat.isDirectory()) throw new VigieError('file_is_folder', `${file} is a folder, not a file.`);
  if (stat.size > MAX_FILE_BYTES)
    throw new VigieError('file_too_large', `${file} is larger than 2 GB; split it.`);
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new VigieError('file_unreadable', `Cannot read ${file}: ${(err as Error).message}`);
  }
}

function pickFormat(name: string, text: string, fileName: string): FileFormat {
  if (name !== 'auto') {
    const format = formatByName(name);
    if (!format) throw new VigieError('bad_format', `Unknown format "${name}".`);
    return format;
  }
  const found = sniffFormat(text, fileName, SNIFF_ORDER);
  if (!found)
    throw new VigieError(
      'bad_format',
      `${fileName}: Vigie does not recognise this file's format; name it with --format.`,
    );
  return found;
}

function* lineChunks(text: string): Generator<{ text: string; lineOffset: number }> {
  let start = 0;
  let lineOffset = 0;
  while (start < text.length) {
    let end = start;
    let lines = 0;
    while (lines < LINES_PER_CHUNK && end < text.length) {
      const nl = text.indexOf('\n', end);
      end = nl === -1 ? text.length : nl + 1;
      lines++;
    }
    yield { text: text.slice(start, end), lineOffset };
    lineOffset += lines;
    start = end;
  }
}
