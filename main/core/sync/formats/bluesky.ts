// Bluesky AppView bodies → mentions: app.bsky.feed.searchPosts and app.bsky.feed.getAuthorFeed.
// The HTTP source and the file import share this parser.
import type { NewMention } from '../ingest';
import { langCode, nonNegativeInt, optionalString } from '../normalize';
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
import type { FileFormat } from './registry';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where an item sits in the feed's order (time, then uri): the source's stop mark. */
export interface FeedMark {
  at: number;
  uri: string;
}

export interface BlueskyPage extends ParseResult {
  cursor: string | null;
  /** Sort keys of the page's readable items, pinned posts excluded. */
  marks: FeedMark[];
  /** Items listed on the page, readable or not. */
  itemCount: number;
}

const POST_URI = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([A-Za-z0-9._:~-]{1,512})$/;
const DID = /^did:[a-z]+:[A-Za-z0-9._:%-]{1,2048}$/;
const HANDLE = /^[A-Za-z0-9.-]{1,253}$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?\s*([Zz]|[+-]\d{2}:?\d{2})?$/;

/**
 * atproto datetimes come with or without milliseconds, with micro/nanoseconds, `Z` or `+00:00`, and
 * from a few clients without any zone: read as UTC (never as the machine's local time).
 */
export function parseAtDate(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = ISO.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  // Rejects 2024-02-31 and the like rather than rolling them over.
  if (check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return null;
  return Number.isFinite(t) ? t : null;
}

/** The listed items of a body: searchPosts `{posts}`, getAuthorFeed `{feed}`, or a bare array of either. */
function bodyItems(body: unknown): { items: unknown[]; cursor: string | null } | null {
  if (Array.isArray(body)) return { items: body, cursor: null };
  if (!isObj(body)) return null;
  const items = Array.isArray(body.posts) ? body.posts : Array.isArray(body.feed) ? body.feed : null;
  if (!items) return null;
  return { items, cursor: optionalString(body.cursor) };
}

export function looksLikeBluesky(item: unknown): boolean {
  if (!isObj(item)) return false;
  const post = isObj(item.post) ? item.post : item;
  return typeof post.uri === 'string' && post.uri.startsWith('at://') && 'author' in post;
}

/** Parses a body; null when it is not a searchPosts/getAuthorFeed body at all. */
export function parseBlueskyBody(body: unknown): BlueskyPage | null {
  const listed = bodyItems(body);
  if (!listed) return null;
  const page: BlueskyPage = {
    ...emptyResult(),
    cursor: listed.cursor,
    marks: [],
    itemCount: listed.items.length,
  };
  for (const item of listed.items) addItem(item, page);
  return page;
}

function addItem(item: unknown, page: BlueskyPage): void {
  if (!isObj(item)) {
    page.quarantined.push(setAside('Bluesky: ', NOT_OBJECT, excerpt(item)));
    return;
  }
  // Feed items wrap the post ({post, reply?, reason?}); search results are the post itself.
  const isFeedItem = 'post' in item;
  const post = isFeedItem ? item.post : item;
  const reason = isFeedItem && isObj(item.reason) ? item.reason : null;
  const mention = isObj(post) ? toMention(post) : new Rejection('incomplete', 'feed item without a post');
  if (mention instanceof Rejection) {
    page.quarantined.push(setAside('Bluesky: ', mention, excerpt(item)));
    return;
  }
  page.mentions.push(mention);
  const reasonType = reason ? reason.$type : null;
  // A pinned post is listed first whatever its age: it must not end the run.
  if (reasonType === 'app.bsky.feed.defs#reasonPin') return;
  if (reasonType !== 'app.bsky.feed.defs#reasonRepost' || !reason) {
    page.marks.push({ at: mention.createdAt, uri: mention.externalId });
    return;
  }
  const by = isObj(reason.by) ? optionalString(reason.by.did) : null;
  const at = parseAtDate(reason.indexedAt) ?? mention.createdAt;
  page.marks.push({ at, uri: mention.externalId });
  if (!by || !DID.test(by)) {
    const why = new Rejection('share_unlinked', 'repost without its author did (post kept)');
    page.quarantined.push(setAside('Bluesky: ', why, excerpt(item)));
    return;
  }
  // One repost per account and post (the AppView keeps one), so (reposter, post) is a stable id
  // even where the reason carries no repost uri.
  page.shares.push({
    id: `bluesky:repost/${by}/${mention.externalId}`,
    originalId: mention.id,
    createdAt: at,
  });
}

function toMention(p: Obj): NewMention | Rejection {
  const uri = typeof p.uri === 'string' ? p.uri : null;
  if (!uri) return new Rejection('no_id', 'post without uri');
  const parts = POST_URI.exec(uri);
  if (!parts) return new Rejection('no_id', `not a post uri: ${uri.slice(0, 200)}`);
  const rkey = parts[2]!;
  if (!isObj(p.author)) return new Rejection('no_author', `post ${uri} has no author`);
  const did = optionalString(p.author.did);
  if (!did || !DID.test(did)) return new Rejection('no_author', `post ${uri}: author without a valid did`);
  const rawHandle = optionalString(p.author.handle)?.toLowerCase() ?? null;
  const handle = rawHandle && rawHandle !== 'handle.invalid' && HANDLE.test(rawHandle) ? rawHandle : null;
  if (!isObj(p.record)) return new Rejection('incomplete', `post ${uri} has no record`);
  const created = parseAtDate(p.record.createdAt);
  const indexed = parseAtDate(p.indexedAt);
  // createdAt is whatever the client wrote, future dates included: indexedAt caps it (as the AppView
  // does for sorting) and stands in when createdAt is unreadable.
  const createdAt = created !== null && indexed !== null ? Math.min(created, indexed) : (created ?? indexed);
  if (createdAt === null) return unreadableDate(`post ${uri}`, 'createdAt', p.record.createdAt);
  const langs = Array.isArray(p.record.langs) ? p.record.langs : [];
  return {
    id: `bluesky:${uri}`,
    platform: 'bluesky',
    externalId: uri,
    // PostView has no web link: bsky.app builds it from the handle (or the did) and the record key.
    url: `https://bsky.app/profile/${handle ?? did}/post/${rkey}`,
    authorHandle: handle ?? did,
    authorName: optionalString(p.author.displayName)?.trim() || null,
    authorFollowers: null, // not part of a PostView
    text: typeof p.record.text === 'string' ? p.record.text : '',
    lang: langCode(langs[0]),
    createdAt,
    likes: nonNegativeInt(p.likeCount),
    shares: nonNegativeInt(p.repostCount),
    replies: nonNegativeInt(p.replyCount),
    rating: null,
  };
}

const SNIFF_HEAD = 64 * 1024;

/** Saved searchPosts / getAuthorFeed bodies. */
export const blueskyFormat: FileFormat = {
  name: 'bluesky',
  sniff(text) {
    const head = text.slice(0, SNIFF_HEAD).trimStart();
    if (!head.startsWith('{') && !head.startsWith('[')) return false;
    return head.includes('"at://') && /"(app\.bsky\.feed\.post|indexedAt)"/.test(head);
  },
  parse(text) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new FormatError('Not a Bluesky body: the file is not valid JSON.');
    }
    const listed = bodyItems(json);
    const page = parseBlueskyBody(json);
    if (!listed || !page || (listed.items.length > 0 && !listed.items.some(looksLikeBluesky))) {
      throw new FormatError(
        'Not a Bluesky body: expected a searchPosts {posts} or getAuthorFeed {feed} answer.',
      );
    }
    return { mentions: page.mentions, shares: page.shares, quarantined: page.quarantined };
  },
};
