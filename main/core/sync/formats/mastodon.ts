// Mastodon API bodies (also Pleroma, Akkoma, GoToSocial) → mentions: status lists, v2 search results and
// mention notifications. The HTTP source and the file import share this parser.
import type { NewMention } from '../ingest';
import { htmlToPlainText, langCode, nonNegativeInt, optionalString, toMs } from '../normalize';
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

/** The records of a body: an array of statuses or notifications, or a v2 search result; else null. */
export function mastodonItems(body: unknown): unknown[] | null {
  if (Array.isArray(body)) return body;
  if (isObj(body) && Array.isArray(body.statuses)) return body.statuses;
  return null;
}

/** Notifications wrap their status; statuses have no `type`. */
const isNotification = (item: Obj): boolean => typeof item.type === 'string' && !('content' in item);

/** True when the record has the shape of a status or a notification (used to reject foreign bodies). */
export function looksLikeMastodon(item: unknown): boolean {
  return isObj(item) && 'account' in item && ('created_at' in item || 'content' in item || 'status' in item);
}

export function parseMastodonItems(items: readonly unknown[]): ParseResult {
  const out = emptyResult();
  for (const item of items) addItem(item, out);
  return out;
}

function addItem(item: unknown, out: ParseResult): void {
  if (!isObj(item)) {
    out.quarantined.push(setAside('Mastodon: ', NOT_OBJECT, excerpt(item)));
    return;
  }
  let status: Obj = item;
  if (isNotification(item)) {
    // Follows, favourites, polls… are not mentions (the request asks for mentions only anyway).
    if (item.type !== 'mention') return;
    if (!isObj(item.status)) {
      const why = new Rejection('incomplete', 'mention notification without its status');
      out.quarantined.push(setAside('Mastodon: ', why, excerpt(item)));
      return;
    }
    status = item.status;
  }
  // A boost is a wrapper around the original: the original is the mention, the boost a share of it.
  const original = isObj(status.reblog) ? status.reblog : null;
  const mention = toMention(original ?? status);
  if (mention instanceof Rejection) {
    out.quarantined.push(setAside(`Mastodon: ${original ? 'boosted status: ' : ''}`, mention, excerpt(item)));
    return;
  }
  out.mentions.push(mention);
  if (!original) return;
  const boostKey = statusKey(status);
  if (!boostKey) {
    const why = new Rejection('share_unlinked', 'boost without uri (original kept)');
    out.quarantined.push(setAside('Mastodon: ', why, excerpt(item)));
    return;
  }
  out.shares.push({
    id: `mastodon:${boostKey}`,
    originalId: mention.id,
    createdAt: toMs(status.created_at) ?? mention.createdAt,
  });
}

function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const u = new URL(value);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * Stable id of a status. Mastodon ids are per instance (the same toot has another id on every instance
 * that knows it, and two instances may reuse an id), so we use the status `uri`: its ActivityPub id,
 * identical on every instance and checked by the instance against the author's server. The same toot
 * seen through two instances, or in a saved file whose instance is unknown, is then stored once.
 */
function statusKey(s: Obj): string | null {
  return httpUrl(s.uri) ?? httpUrl(s.url);
}

/** `user@domain`: local accounts come without the domain, which their profile url carries. */
function handleOf(account: Obj): string | null {
  const acct = optionalString(account.acct) ?? optionalString(account.username);
  if (!acct) return null;
  const bare = acct.trim().replace(/^@/, '');
  if (bare.includes('@')) return bare;
  const profile = httpUrl(account.url);
  return profile ? `${bare}@${new URL(profile).hostname}` : bare;
}

function toMention(s: Obj): NewMention | Rejection {
  if (typeof s.id !== 'string' || s.id === '') return new Rejection('no_id', 'missing id');
  const key = statusKey(s);
  if (!key) return new Rejection('no_id', `status ${s.id} has no uri`);
  if (!isObj(s.account)) return new Rejection('no_author', `status ${s.id} has no account`);
  const handle = handleOf(s.account);
  if (!handle) return new Rejection('no_author', `status ${s.id}: account without acct`);
  if (s.created_at === undefined || s.created_at === null)
    return new Rejection('no_date', `status ${s.id} has no created_at`);
  const createdAt = typeof s.created_at === 'string' ? toMs(s.created_at) : null;
  if (createdAt === null) return unreadableDate(`status ${s.id}`, 'created_at', s.created_at);
  const body = typeof s.content === 'string' ? htmlToPlainText(s.content) : '';
  // The content warning is plain text in the API; it stays in front, as readers see it.
  const warning = optionalString(s.spoiler_text)?.trim();
  const text = warning ? (body ? `CW: ${warning}\n\n${body}` : `CW: ${warning}`) : body;
  const followers = s.account.followers_count;
  return {
    id: `mastodon:${key}`,
    platform: 'mastodon',
    externalId: key,
    url: httpUrl(s.url) ?? httpUrl(s.uri),
    authorHandle: handle,
    authorName: optionalString(s.account.display_name)?.trim() || null,
    authorFollowers:
      typeof followers === 'number' || typeof followers === 'string' ? nonNegativeInt(followers) : null,
    text,
    lang: langCode(s.language),
    createdAt,
    likes: nonNegativeInt(s.favourites_count),
    shares: nonNegativeInt(s.reblogs_count),
    replies: nonNegativeInt(s.replies_count),
    rating: null,
  };
}

const SNIFF_HEAD = 64 * 1024;

/** Saved Mastodon API bodies: status arrays (timelines), v2 search results, notification arrays. */
export const mastodonFormat: FileFormat = {
  name: 'mastodon',
  sniff(text) {
    const head = text.slice(0, SNIFF_HEAD).trimStart();
    if (!head.startsWith('[') && !head.startsWith('{')) return false;
    return /"acct"\s*:/.test(head) && /"created_at"\s*:/.test(head) && /"(content|status)"\s*:/.test(head);
  },
  parse(text) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new FormatError('Not a Mastodon body: the file is not valid JSON.');
    }
    const items = mastodonItems(json);
    if (!items || (items.length > 0 && !items.some(looksLikeMastodon))) {
      throw new FormatError(
        'Not a Mastodon body: expected an array of statuses or notifications, or a search result.',
      );
    }
    return parseMastodonItems(items);
  },
};
