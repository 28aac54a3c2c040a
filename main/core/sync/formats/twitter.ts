// X API v2 bodies (GET /2/tweets/search/recent, tweet lookups) → mentions; a retweet becomes a share of
// its original. The HTTP source and the file import share this parser.
import type { NewMention } from '../ingest';
import { decodeEntities, langCode, nonNegativeInt, optionalString, toMs } from '../normalize';
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

export interface TwitterPage extends ParseResult {
  /** `meta.newest_id`, else the highest id listed: the next run's since_id. */
  newestId: string | null;
  nextToken: string | null;
  /** Ids of the listed tweets (retweets included), to detect a server that ignored since_id. */
  ids: string[];
}

const TWEET_ID = /^[1-9]\d{0,19}$/;
const USERNAME = /^[A-Za-z0-9_]{1,50}$/;
/** X's pseudo-languages: undetermined, media only, hashtags only, cashtags only, … */
const NOT_A_LANGUAGE = new Set(['und', 'zxx', 'art', 'qam', 'qct', 'qht', 'qme', 'qst']);
/** X ids are snowflakes: milliseconds since this epoch, shifted 22 bits. */
const SNOWFLAKE_EPOCH = 1288834974657;

export const isTweetId = (v: unknown): v is string => typeof v === 'string' && TWEET_ID.test(v);

/** Ids are 64-bit integers as strings: compared as BigInt, never as JS numbers (they exceed 2^53). */
export const tweetIdAbove = (a: string, b: string): boolean => BigInt(a) > BigInt(b);

/** When a tweet id was minted (ms UTC). */
export const tweetIdTime = (id: string): number => Number(BigInt(id) >> 22n) + SNOWFLAKE_EPOCH;

/** Users and referenced tweets of `includes`, by id. */
interface Includes {
  users: Map<string, Obj>;
  tweets: Map<string, Obj>;
}

function byId(list: unknown): Map<string, Obj> {
  const map = new Map<string, Obj>();
  if (!Array.isArray(list)) return map;
  for (const item of list) if (isObj(item) && typeof item.id === 'string') map.set(item.id, item);
  return map;
}

/** The parts of a body: `data` (array or one tweet), `includes`, `meta`; null if it is not a v2 body. */
function bodyParts(body: unknown): { items: unknown[]; includes: Includes; meta: Obj | null } | null {
  if (!isObj(body)) return null;
  const meta = isObj(body.meta) ? body.meta : null;
  let items: unknown[];
  if (Array.isArray(body.data)) items = body.data;
  else if (isObj(body.data)) items = [body.data];
  else if (body.data === undefined && meta && 'result_count' in meta)
    items = []; // an empty search
  else return null;
  const includes = isObj(body.includes) ? body.includes : {};
  return { items, includes: { users: byId(includes.users), tweets: byId(includes.tweets) }, meta };
}

/** Whether a record has the shape of a v2 tweet (used to reject foreign bodies in files). */
export function looksLikeTweet(item: unknown): boolean {
  return isObj(item) && typeof item.id === 'string' && typeof item.text === 'string';
}

/** Parses a body; null when it is not an X API v2 tweets body at all. */
export function parseTwitterBody(body: unknown): TwitterPage | null {
  const parts = bodyParts(body);
  if (!parts) return null;
  const page: TwitterPage = { ...emptyResult(), newestId: null, nextToken: null, ids: [] };
  const emitted = new Set<string>();
  for (const item of parts.items) addItem(item, parts.includes, page, emitted);
  const meta = parts.meta;
  const newest = meta?.newest_id;
  page.newestId = isTweetId(newest) ? newest : page.ids.reduce<string | null>(maxId, null);
  const token = optionalString(meta?.next_token);
  page.nextToken = token && token.length <= 1000 ? token : null;
  return page;
}

const maxId = (a: string | null, b: string): string => (a === null || tweetIdAbove(b, a) ? b : a);

const NO_TWEET_ID = new Rejection('no_id', 'missing or malformed tweet id');

function addItem(item: unknown, includes: Includes, page: TwitterPage, emitted: Set<string>): void {
  if (!isObj(item)) {
    page.quarantined.push(setAside('X: ', NOT_OBJECT, excerpt(item)));
    return;
  }
  if (!isTweetId(item.id)) {
    page.quarantined.push(setAside('X: ', NO_TWEET_ID, excerpt(item)));
    return;
  }
  page.ids.push(item.id);
  const refs = Array.isArray(item.referenced_tweets) ? item.referenced_tweets : [];
  const retweeted = refs.find((r) => isObj(r) && r.type === 'retweeted');
  // A retweet is not a post of its own: it counts as one share of the original.
  if (retweeted !== undefined) {
    addRetweet(item, item.id, retweeted, includes, page, emitted);
    return;
  }
  push(toMention(item, includes), item, page, emitted, '');
}

function addRetweet(
  rt: Obj,
  rtId: string,
  ref: unknown,
  includes: Includes,
  page: TwitterPage,
  emitted: Set<string>,
): void {
  const originalId = isObj(ref) ? ref.id : undefined;
  if (!isTweetId(originalId)) {
    const why = new Rejection('share_unlinked', `retweet ${rtId} without the id of its original`);
    page.quarantined.push(setAside('X: ', why, excerpt(rt)));
    return;
  }
  page.shares.push({
    id: `x:${rtId}`,
    originalId: `x:${originalId}`,
    createdAt: toMs(rt.created_at) ?? tweetIdTime(rtId),
  });
  const original = includes.tweets.get(originalId);
  if (original) push(toMention(original, includes), original, page, emitted, `retweeted tweet: `);
}

function push(
  mention: NewMention | Rejection,
  raw: Obj,
  page: TwitterPage,
  emitted: Set<string>,
  context: string,
): void {
  if (mention instanceof Rejection) {
    page.quarantined.push(setAside(`X: ${context}`, mention, excerpt(raw)));
    return;
  }
  // The same original often comes back with every retweet of it: one mention per page is enough.
  if (emitted.has(mention.id)) return;
  emitted.add(mention.id);
  page.mentions.push(mention);
}

function tweetText(t: Obj): string | null {
  // Posts over 280 characters come whole in note_tweet; `text` holds their truncated start.
  const note = isObj(t.note_tweet) ? optionalString(t.note_tweet.text) : null;
  const text = note ?? (typeof t.text === 'string' ? t.text : null);
  // v2 escapes &, < and > in tweet text, and only those.
  return text === null ? null : decodeEntities(text);
}

function toMention(t: Obj, includes: Includes): NewMention | Rejection {
  if (!isTweetId(t.id)) return NO_TWEET_ID;
  const id = t.id;
  if (t.created_at === undefined || t.created_at === null)
    return new Rejection('no_date', `tweet ${id} has no created_at`);
  const createdAt = typeof t.created_at === 'string' ? toMs(t.created_at) : null;
  if (createdAt === null) return unreadableDate(`tweet ${id}`, 'created_at', t.created_at);
  const text = tweetText(t);
  if (text === null) return new Rejection('no_text', `tweet ${id} has no text`);
  const authorId = optionalString(t.author_id);
  const user = authorId ? includes.users.get(authorId) : undefined;
  const username =
    user && typeof user.username === 'string' && USERNAME.test(user.username) ? user.username : null;
  const metrics = isObj(t.public_metrics) ? t.public_metrics : {};
  const followers = user && isObj(user.public_metrics) ? user.public_metrics.followers_count : undefined;
  const lang = langCode(t.lang);
  const impressions = metrics.impression_count;
  return {
    id: `x:${id}`,
    platform: 'x',
    externalId: id,
    // Without the author's username, X's own id-only route still opens the post.
    url: username ? `https://x.com/${username}/status/${id}` : `https://x.com/i/web/status/${id}`,
    // An author missing from includes (suspended, protected) keeps its numeric id as handle.
    authorHandle: username ?? authorId ?? 'unknown',
    authorName: (user && optionalString(user.name)?.trim()) || null,
    authorFollowers:
      typeof followers === 'number' || typeof followers === 'string' ? nonNegativeInt(followers) : null,
    text,
    lang: lang && !NOT_A_LANGUAGE.has(lang) ? lang : null,
    createdAt,
    likes: nonNegativeInt(metrics.like_count),
    shares: nonNegativeInt(metrics.retweet_count),
    replies: nonNegativeInt(metrics.reply_count),
    // Impressions, when X gives them, are the post's real reach (followers are only an upper bound).
    ...(typeof impressions === 'number' ? { reach: nonNegativeInt(impressions) } : {}),
    rating: null,
  };
}

const SNIFF_HEAD = 64 * 1024;

/** Saved X API v2 bodies: recent/full-archive search pages and tweet lookups. */
export const twitterFormat: FileFormat = {
  name: 'twitter',
  sniff(text) {
    const head = text.slice(0, SNIFF_HEAD).trimStart();
    if (!head.startsWith('{')) return false;
    const tweets =
      /"data"\s*:/.test(head) &&
      /"text"\s*:/.test(head) &&
      /"(author_id|public_metrics|edit_history_tweet_ids|conversation_id)"\s*:/.test(head);
    const emptySearch =
      /"meta"\s*:/.test(head) && /"result_count"\s*:/.test(head) && !/"kind"\s*:/.test(head);
    return tweets || emptySearch;
  },
  parse(text) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new FormatError('Not an X API body: the file is not valid JSON.');
    }
    const page = parseTwitterBody(json);
    const items = isObj(json) ? json.data : undefined;
    const list = Array.isArray(items) ? items : items === undefined ? [] : [items];
    if (!page || (list.length > 0 && !list.some(looksLikeTweet))) {
      throw new FormatError('Not an X API body: expected {data: [tweets], includes, meta} from API v2.');
    }
    const { mentions, shares, quarantined } = page;
    return { mentions, shares, quarantined };
  },
};
