// Vigie's own mention shape, as files carry it (ndjson / json): camelCase like NewMention, or the
// snake_case lines `vigie mentions --json` prints, so an export imports back unchanged.
import { PLATFORMS, type Platform } from '../../../../shared/model';
import type { NewMention } from '../ingest';
import { langCode, nonNegativeInt, toMs } from '../normalize';
import { Rejection, unreadableDate } from '../types';
import { parseLooseDate } from './feed-dates';

type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const PLATFORM_SET: ReadonlySet<string> = new Set(PLATFORMS);

/** camelCase first, then the snake_case spelling. */
function field(o: Obj, camel: string, snake?: string): unknown {
  const v = o[camel];
  return v !== undefined || !snake ? v : o[snake];
}

const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== ''
    ? v
    : typeof v === 'number' && Number.isFinite(v)
      ? String(v)
      : null;

/** True when an object has the keys that make it a Vigie mention (used by sniffing). */
export function looksLikeVigieRecord(o: unknown): boolean {
  return (
    isObj(o) &&
    typeof o.text === 'string' &&
    (typeof o.platform === 'string' || (typeof o.id === 'string' && o.id.includes(':'))) &&
    field(o, 'createdAt', 'created_at') !== undefined
  );
}

/** The mention, or why the record cannot be one. */
export function vigieRecordToMention(o: unknown): NewMention | Rejection {
  if (!isObj(o)) return new Rejection('not_object', 'not a JSON object');
  const givenId = str(o.id);
  let platform = str(o.platform)?.trim().toLowerCase() ?? null;
  if (platform === null && givenId?.includes(':')) platform = givenId.slice(0, givenId.indexOf(':'));
  if (platform === null) return new Rejection('no_platform', 'no platform');
  if (!PLATFORM_SET.has(platform)) {
    const value = platform.slice(0, 40);
    return new Rejection('unknown_platform', `unknown platform "${value}"`, { value });
  }
  const externalId =
    str(field(o, 'externalId', 'external_id'))?.trim() ??
    (givenId?.startsWith(`${platform}:`) ? givenId.slice(platform.length + 1) : givenId)?.trim();
  if (!externalId) return new Rejection('no_id', 'no id or externalId');
  if (typeof o.text !== 'string') return new Rejection('no_text', 'no text');
  const rawDate = field(o, 'createdAt', 'created_at');
  if (rawDate === undefined || rawDate === null || rawDate === '')
    return new Rejection('no_date', 'no createdAt');
  // Machine-written dates: a string without a zone is UTC, a number is ms (or seconds) since 1970.
  const createdAt = typeof rawDate === 'string' ? parseLooseDate(rawDate, { zone: 0 }) : toMs(rawDate);
  if (createdAt === null) return unreadableDate('', 'createdAt', rawDate);
  const name = str(field(o, 'authorName', 'author_name'));
  const followers = field(o, 'authorFollowers', 'author_followers');
  const mention: NewMention = {
    id: `${platform}:${externalId}`,
    platform: platform as Platform,
    externalId,
    url: httpUrl(o.url),
    authorHandle: str(field(o, 'authorHandle', 'author_handle')) ?? name ?? '',
    authorName: name,
    authorFollowers: followers === undefined || followers === null ? null : nonNegativeInt(followers),
    text: o.text,
    lang: langCode(o.lang),
    createdAt,
    likes: nonNegativeInt(o.likes),
    shares: nonNegativeInt(o.shares),
    replies: nonNegativeInt(o.replies),
    rating: ranged(o.rating, 1, 5, true),
    sentiment: ranged(o.sentiment, -1, 1, false),
    toxicity: ranged(o.toxicity, 0, 1, false),
  };
  if (o.reach !== undefined && o.reach !== null) mention.reach = nonNegativeInt(o.reach);
  return mention;
}

function ranged(v: unknown, min: number, max: number, integer: boolean): number | null {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) return null;
  return integer ? Math.round(v) : v;
}

function httpUrl(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:' ? v.trim() : null;
  } catch {
    return null;
  }
}
