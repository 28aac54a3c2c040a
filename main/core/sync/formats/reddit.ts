// Reddit listing bodies (search.json, /r/<sub>/new.json, /r/<sub>/comments.json, a thread's
// /comments/<id>.json) → mentions: posts (t3) and comments (t1). The HTTP source and the file import
// share this parser.
import type { NewMention } from '../ingest';
import { decodeEntities, isHostOf, nonNegativeInt, optionalString } from '../normalize';
import {
  FormatError,
  Rejection,
  emptyResult,
  excerpt,
  unreadableDate,
  setAside,
  type ParseResult,
} from '../types';
import type { FileFormat } from './registry';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where an item sits in a newest-first listing: the source's stop mark. */
export interface RedditMark {
  at: number;
  name: string;
}

export interface RedditPage extends ParseResult {
  /** Fullname to pass as `after` for the next (older) page. */
  after: string | null;
  /** Marks of the listing's readable posts and comments, in listing order. */
  marks: RedditMark[];
  /** Children listed at the top level, readable or not. */
  itemCount: number;
}

/** `t3_1gux5k2`: kind prefix + base-36 id. */
const FULLNAME = /^t[1-6]_[a-z0-9]{1,16}$/i;
const BASE36_ID = /^[a-z0-9]{1,16}$/i;
const SITE = 'https://www.reddit.com';
/** Nested replies deeper than this are left out rather than risking the stack on a hostile body. */
const MAX_DEPTH = 50;

export const isFullname = (v: unknown): v is string => typeof v === 'string' && FULLNAME.test(v);

const isListing = (v: unknown): v is Obj & { data: Obj } =>
  isObj(v) && v.kind === 'Listing' && isObj(v.data) && Array.isArray(v.data.children);

/** Parses a Listing (or a thread's [post, comments] pair of Listings); null when it is neither. */
export function parseRedditBody(body: unknown): RedditPage | null {
  const listings = Array.isArray(body) ? body : [body];
  if (listings.length === 0 || !listings.every(isListing)) return null;
  const first = listings[0]!.data;
  const page: RedditPage = {
    ...emptyResult(),
    after: isFullname(first.after) ? first.after : null,
    marks: [],
    itemCount: (first.children as unknown[]).length,
  };
  // Only a lone listing pages; the listings of a thread are its post then its comment tree.
  listings.forEach((l, i) =>
    addChildren(l.data.children as unknown[], page, i === 0 && listings.length === 1 ? 0 : 1),
  );
  return page;
}

function addChildren(children: unknown[], page: RedditPage, depth: number): void {
  for (const child of children) {
    if (!isObj(child) || typeof child.kind !== 'string' || !isObj(child.data)) {
      const why = new Rejection('unexpected_record', 'record without kind and data');
      page.quarantined.push(setAside('Reddit: ', why, excerpt(child)));
      continue;
    }
    // `more` stubs, subreddits (t5) and accounts (t2) are not mentions.
    if (child.kind !== 't3' && child.kind !== 't1') continue;
    const mention = toMention(child.kind, child.data);
    if (mention instanceof Rejection) {
      page.quarantined.push(setAside('Reddit: ', mention, excerpt(child)));
    } else {
      page.mentions.push(mention);
      if (depth === 0) page.marks.push({ at: mention.createdAt, name: mention.externalId });
    }
    const replies = child.data.replies; // "" when there are none
    if (isListing(replies) && depth < MAX_DEPTH)
      addChildren(replies.data.children as unknown[], page, depth + 1);
  }
}

/** created_utc: epoch seconds, a float in the API ("1732012872.0" in some dumps). */
function createdMs(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 && n < 1e11 ? Math.round(n * 1000) : null;
}

/** Permalinks are site-relative (`/r/…/comments/…`); an absolute one must already be Reddit's. */
function permalinkUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  try {
    const url = new URL(value, SITE);
    const reddit = isHostOf(url.hostname, 'reddit.com');
    return url.protocol === 'https:' && reddit ? url.href : null;
  } catch {
    return null;
  }
}

// Text fields are Markdown source. Without raw_json=1 Reddit escapes &, < and > in them; decoding once
// is right either way (an entity typed in Markdown renders as its character).
const text = (v: unknown): string => (typeof v === 'string' ? decodeEntities(v) : '');

function toMention(kind: 't3' | 't1', d: Obj): NewMention | Rejection {
  const fullname = isFullname(d.name)
    ? d.name
    : typeof d.id === 'string' && BASE36_ID.test(d.id)
      ? `${kind}_${d.id}`
      : null;
  const what = kind === 't3' ? 'post' : 'comment';
  if (!fullname) return new Rejection('no_id', `${what} without name or id`);
  const createdAt = createdMs(d.created_utc);
  if (d.created_utc === undefined || d.created_utc === null)
    return new Rejection('no_date', `${what} ${fullname} has no created_utc`);
  if (createdAt === null) return unreadableDate(`${what} ${fullname}`, 'created_utc', d.created_utc);
  let body: string;
  if (kind === 't3') {
    if (typeof d.title !== 'string') return new Rejection('no_text', `post ${fullname} has no title`);
    const self = text(d.selftext).trim();
    body = self ? `${text(d.title)}\n\n${self}` : text(d.title);
  } else {
    if (typeof d.body !== 'string') return new Rejection('no_text', `comment ${fullname} has no body`);
    body = text(d.body);
  }
  const bareId = fullname.slice(3);
  return {
    id: `reddit:${fullname}`,
    platform: 'reddit',
    externalId: fullname,
    url: permalinkUrl(d.permalink) ?? (kind === 't3' ? `${SITE}/comments/${bareId}/` : null),
    // Deleted accounts stay visible as Reddit shows them.
    authorHandle: optionalString(d.author) ?? '[deleted]',
    authorName: null,
    authorFollowers: null,
    text: body,
    lang: null,
    createdAt,
    likes: nonNegativeInt(d.score),
    shares: nonNegativeInt(d.num_crossposts),
    replies: kind === 't3' ? nonNegativeInt(d.num_comments) : 0,
    rating: null,
  };
}

const SNIFF_HEAD = 64 * 1024;

/** Saved Reddit listings: search, subreddit new/comments, and thread pages. */
export const redditFormat: FileFormat = {
  name: 'reddit',
  sniff(text) {
    const head = text.slice(0, SNIFF_HEAD).trimStart();
    if (!head.startsWith('{') && !head.startsWith('[')) return false;
    return /"kind"\s*:\s*"Listing"/.test(head) && /"children"\s*:/.test(head);
  },
  parse(text) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new FormatError('Not a Reddit body: the file is not valid JSON.');
    }
    const page = parseRedditBody(json);
    if (!page)
      throw new FormatError('Not a Reddit body: expected a Listing ({"kind": "Listing", "data": …}).');
    const { mentions, shares, quarantined } = page;
    return { mentions, shares, quarantined };
  },
};
