// The shapes every sync source and file format shares.
import type { QuarantineCode, QuarantineDetail } from '../../../shared/quarantine';
import type { NewMention } from './ingest';

/** A record that could not be parsed or normalized: kept with its reason, never silently dropped. */
export interface Quarantined {
  /** The technical sentence, in English (CLI, logs): "CSV row 4: unreadable date "hier"". */
  reason: string;
  /** The same reason for the interface, which words it in the reader's language. */
  code: QuarantineCode;
  detail?: QuarantineDetail;
  /** The raw record, cut to a readable excerpt. */
  raw: string;
}

/** Why a normalizer refused a record: a code for the interface, the English sentence for the detail. */
export class Rejection {
  constructor(
    readonly code: QuarantineCode,
    readonly text: string,
    readonly detail: QuarantineDetail = {},
  ) {}
}

export const NOT_OBJECT = new Rejection('not_object', 'record is not an object');

/** A rejected record set aside: `prefix` says where (platform, row…), `where` its position in a file. */
export function setAside(
  prefix: string,
  why: Rejection,
  raw: string,
  where?: Pick<QuarantineDetail, 'unit' | 'n'>,
): Quarantined {
  const detail = where ? { ...why.detail, ...where } : why.detail;
  return { reason: `${prefix}${why.text}`, code: why.code, detail, raw };
}

/** A date field the parser cannot read: "status 42: unreadable created_at "hier"", value kept for the UI. */
export function unreadableDate(subject: string, field: string, raw: unknown): Rejection {
  const text = `${subject ? `${subject}: ` : ''}unreadable ${field} ${String(JSON.stringify(raw)).slice(0, 60)}`;
  return new Rejection('bad_date', text, { value: quoted(raw) });
}

/** An unreadable value, cut short enough to quote in a sentence. */
function quoted(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.slice(0, 60);
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
