// One feed entry (RSS item, Atom entry, Google Alert) → a mention. RSS and Atom only extract fields.
import { createHash } from 'node:crypto';
import type { NewMention } from '../ingest';
import { Rejection } from '../types';
import { parseLooseDate } from './feed-dates';

export interface FeedEntry {
  /** guid / Atom id, trimmed; null when absent. */
  id: string | null;
  title: string;
  /** Plain text of the summary or content. */
  summary: string;
  /** Absolute http(s) link, already resolved. */
  url: string | null;
  /** The date as written; null when the entry has none. */
  date: string | null;
  author: string | null;
  /** Host of the original publisher when the entry names it (RSS <source url>, Google Alerts). */
  publisherHost: string | null;
  publisherName: string | null;
}

export interface FeedInfo {
  title: string | null;
  /** Host of the site (channel link, else the feed URL). */
  host: string | null;
  lang: string | null;
  /** Fetch or import time: the date of entries that carry none (all RSS item fields are optional). */
  now: number;
}

/** Ids longer than this are stored as their SHA-1: some feeds use whole tracking URLs as guids. */
const MAX_ID = 300;

export function stableId(raw: string): string {
  const id = raw.trim();
  return id.length <= MAX_ID ? id : `sha1:${createHash('sha1').update(id).digest('hex')}`;
}

/** The mention, or the reason it cannot be one. */
export function entryToMention(e: FeedEntry, feed: FeedInfo): NewMention | Rejection {
  const key = e.id?.trim() || e.url;
  if (!key) return new Rejection('no_id', 'entry without guid, id or link');
  let createdAt = feed.now;
  if (e.date !== null && e.date.trim() !== '') {
    const parsed = parseLooseDate(e.date);
    if (parsed === null) {
      const value = e.date.trim().slice(0, 60);
      return new Rejection('bad_date', `unreadable date "${value}"`, { value });
    }
    createdAt = parsed;
  }
  const text = joinText(e.title, e.summary);
  if (!text) return new Rejection('no_text', 'entry without title or text');
  const scoped = scopedKey(key, feed.host);
  const externalId = stableId(scoped);
  const mention: NewMention = {
    id: `rss:${externalId}`,
    platform: 'rss',
    externalId,
    url: e.url,
    authorHandle: e.author ?? e.publisherHost ?? feed.host ?? 'rss',
    authorName: e.author ?? e.publisherName ?? feed.title,
    authorFollowers: null,
    text,
    lang: feed.lang,
    createdAt,
    likes: 0,
    shares: 0,
    replies: 0,
    rating: null,
  };
  // Bare guids were not scoped before: a post stored then is this one.
  if (scoped !== key.trim()) mention.previousId = `rss:${stableId(key)}`;
  return mention;
}

/**
 * A guid that is a URI (http:, urn:, tag:…) names the entry anywhere; a bare one ("1", "post-12", as
 * many sites write with isPermaLink="false") only within its site, so it is prefixed with the site's
 * host: two feeds numbering their items 1, 2, 3 do not take each other's for duplicates.
 */
function scopedKey(key: string, host: string | null): string {
  const k = key.trim();
  return host && !/^[a-z][a-z0-9+.-]*:/i.test(k) ? `${host}/${k}` : k;
}

/** Title, blank line, summary; a summary that merely repeats the title is not doubled. */
function joinText(title: string, summary: string): string {
  if (!summary || summary === title) return title;
  if (!title || summary.startsWith(title)) return summary;
  return `${title}\n\n${summary}`;
}

/** The site's host without "www.", as a readable handle. */
export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** A link resolved against its base; only http(s) results are kept (no javascript:, data:, …). */
export function resolveUrl(href: string | null, base: string | null): string | null {
  const h = href?.trim();
  if (!h) return null;
  try {
    const u = base ? new URL(h, base) : new URL(h);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** `xml:base` on an element, resolved against the base in force. */
export function withBase(base: string | null, xmlBase: string | null): string | null {
  if (!xmlBase) return base;
  try {
    return base ? new URL(xmlBase, base).href : new URL(xmlBase).href;
  } catch {
    return base;
  }
}
