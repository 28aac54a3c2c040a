// Saved Facebook Graph API pages (a Page's /feed or /posts, an object's /comments) → mentions. File
// import only: Vigie has no Graph API source.
import type { NewMention } from '../ingest';
import { isHostOf, nonNegativeInt, optionalString } from '../normalize';
import {
  FormatError,
  NOT_OBJECT,
  Rejection,
  emptyResult,
  excerpt,
  unreadableDate,
  setAside,
  type ParseResult,
} from '../types';
import { parseAtDate } from './bluesky';
import type { FileFormat } from './registry';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Graph ids: digits, posts as `<pageid>_<postid>`. */
const GRAPH_ID = /^[0-9]{1,40}(?:_[0-9]{1,40}){0,2}$/;
const POST_ID = /^[0-9]{1,40}_[0-9]{1,40}$/;
/** Comments embedded in posts (fields=comments{…}) nest; deeper than this is left out. */
const MAX_DEPTH = 20;

const count = (v: unknown, key: 'summary' | 'shares'): number => {
  if (!isObj(v)) return 0;
  if (key === 'shares') return nonNegativeInt(v.count);
  return isObj(v.summary) ? nonNegativeInt(v.summary.total_count) : 0;
};

function facebookUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    const fb = isHostOf(url.hostname, 'facebook.com');
    return url.protocol === 'https:' && fb ? url.href : null;
  } catch {
    return null;
  }
}

function toMention(r: Obj): NewMention | Rejection {
  const id = r.id;
  if (typeof id !== 'string' || !GRAPH_ID.test(id)) return new Rejection('no_id', 'missing or malformed id');
  if (r.created_time === undefined || r.created_time === null)
    return new Rejection('no_date', `${id} has no created_time`);
  // Graph writes offsets as +0000 (no colon), which Date.parse does not reliably read.
  const createdAt = parseAtDate(r.created_time);
  if (createdAt === null) return unreadableDate(`${id}`, 'created_time', r.created_time);
  const isComment = 'like_count' in r || 'comment_count' in r || 'parent' in r;
  // `from` is left out when the author's privacy settings hide them from the app.
  const from = isObj(r.from) ? r.from : null;
  const name = from ? optionalString(from.name)?.trim() || null : null;
  const fromId = from && typeof from.id === 'string' && GRAPH_ID.test(from.id) ? from.id : null;
  return {
    id: `facebook:${id}`,
    platform: 'facebook',
    externalId: id,
    url:
      facebookUrl(r.permalink_url) ??
      (!isComment && POST_ID.test(id) ? `https://www.facebook.com/${id}` : null),
    authorHandle: name ?? fromId ?? 'unknown',
    authorName: name,
    authorFollowers: null,
    // Posts without a message (a photo, a cover change) have a `story` describing them.
    text: optionalString(r.message) ?? optionalString(r.story) ?? '',
    lang: null,
    createdAt,
    likes: isComment ? nonNegativeInt(r.like_count) : count(r.reactions ?? r.likes, 'summary'),
    shares: count(r.shares, 'shares'),
    replies: isComment ? nonNegativeInt(r.comment_count) : count(r.comments, 'summary'),
    rating: null,
  };
}

function addRecords(records: unknown[], out: ParseResult, depth: number): void {
  for (const r of records) {
    if (!isObj(r)) {
      out.quarantined.push(setAside('Facebook: ', NOT_OBJECT, excerpt(r)));
      continue;
    }
    const mention = toMention(r);
    if (mention instanceof Rejection) out.quarantined.push(setAside('Facebook: ', mention, excerpt(r)));
    else out.mentions.push(mention);
    const nested = isObj(r.comments) && Array.isArray(r.comments.data) ? r.comments.data : null;
    if (nested && depth < MAX_DEPTH) addRecords(nested, out, depth + 1);
  }
}

export function looksLikeGraphRecord(item: unknown): boolean {
  return isObj(item) && typeof item.id === 'string' && 'created_time' in item;
}

/** Parses a Graph page `{data: […], paging}`; null when the body is not one. */
export function parseFacebookBody(body: unknown): ParseResult | null {
  if (!isObj(body) || !Array.isArray(body.data)) return null;
  if (body.data.length > 0 && !body.data.some(looksLikeGraphRecord)) return null;
  const out = emptyResult();
  addRecords(body.data, out, 0);
  return out;
}

const SNIFF_HEAD = 64 * 1024;

export const facebookFormat: FileFormat = {
  name: 'facebook',
  sniff(text) {
    const head = text.slice(0, SNIFF_HEAD).trimStart();
    if (!head.startsWith('{')) return false;
    return /"data"\s*:/.test(head) && /"created_time"\s*:/.test(head) && /"id"\s*:\s*"\d+(_\d+)?"/.test(head);
  },
  parse(text) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new FormatError('Not a Facebook Graph body: the file is not valid JSON.');
    }
    if (isObj(json) && isObj(json.error)) {
      throw new FormatError('Not a Facebook Graph page: the file holds a Graph API error.');
    }
    const result = parseFacebookBody(json);
    if (!result)
      throw new FormatError(
        'Not a Facebook Graph page: expected {"data": [posts or comments], "paging": …}.',
      );
    return result;
  },
};
