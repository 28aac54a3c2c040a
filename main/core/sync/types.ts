// The shapes every sync source and file format shares.
import type { NewMention } from './ingest';

/** A record that could not be parsed or normalized: kept with its reason, never silently dropped. */
export interface Quarantined {
  reason: string;
  /** The raw record, cut to a readable excerpt. */
  raw: string;
}

export interface ParseResult {
  mentions: NewMention[];
  /** Reposts/boosts/retweets: a share of `originalId`, counted on the original, not as a new post. */
  shares: ShareRecord[];
  quarantined: Quarantined[];
}

export interface ShareRecord {
  /** `platform:externalId` of the repost itself (dedups the share). */
  id: string;
  originalId: string;
  createdAt: number;
}

export const RAW_EXCERPT_MAX = 2000;

export function excerpt(raw: unknown): string {
  let text: string;
  try {
    text = typeof raw === 'string' ? raw : JSON.stringify(raw);
  } catch {
    text = String(raw);
  }
  return text.length > RAW_EXCERPT_MAX ? `${text.slice(0, RAW_EXCERPT_MAX)}…` : text;
}

export function emptyResult(): ParseResult {
  return { mentions: [], shares: [], quarantined: [] };
}

/** A format that fails on the whole input (not one record): imports nothing, says why. */
export class FormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormatError';
  }
}
