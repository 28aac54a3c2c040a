// The XSS corpus (tests/fixtures/security/xss-corpus.json) as Vigie mention records: every payload
// appears as mention text, and the names, handles and URLs ride along on those records.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface Corpus {
  texts: string[];
  names: string[];
  handles: string[];
  urls: string[];
  long: Array<{ unit: string; bytes: number }>;
}

const FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/security/xss-corpus.json',
);

export const corpus = JSON.parse(fs.readFileSync(FILE, 'utf8')) as Corpus;

/** The flag every active payload would set on the page's window. */
export const PWNED_FLAG = '__vigiePwned';

const PLATFORMS = ['x', 'mastodon', 'bluesky', 'reddit', 'youtube'] as const;

export interface CorpusRecord {
  platform: string;
  externalId: string;
  url: string | null;
  authorHandle: string;
  authorName: string | null;
  text: string;
  lang: string;
  createdAt: number;
  likes: number;
  shares: number;
  replies: number;
  toxicity: number;
}

export function longTexts(): string[] {
  return corpus.long.map(({ unit, bytes }) => {
    const times = Math.ceil(bytes / Buffer.byteLength(unit));
    return unit.repeat(times);
  });
}

/** One record per text payload (long ones included), spread over the hour before `end`. */
export function corpusRecords(end: number): CorpusRecord[] {
  const texts = [...corpus.texts, ...longTexts()];
  return texts.map((text, i) => ({
    platform: PLATFORMS[i % PLATFORMS.length]!,
    externalId: `xss-${i}`,
    url: corpus.urls[i % corpus.urls.length]!,
    authorHandle: corpus.handles[i % corpus.handles.length]!,
    authorName: i % 3 === 2 ? null : corpus.names[i % corpus.names.length]!,
    text,
    lang: 'fr',
    createdAt: end - (texts.length - i) * 60_000,
    likes: i,
    shares: 0,
    replies: 0,
    // Toxic enough to be collected as evidence for a protection case.
    toxicity: 0.9,
  }));
}

export function corpusNdjson(end: number): string {
  return corpusRecords(end)
    .map((r) => JSON.stringify(r))
    .join('\n');
}

/** The same records, each addressed to `@handle` (a harassment wave aimed at one person). */
export function corpusAimedAt(handle: string, end: number): CorpusRecord[] {
  return corpusRecords(end).map((r) => ({
    ...r,
    externalId: `aimed-${r.externalId}`,
    text: `@${handle} ${r.text}`,
  }));
}
