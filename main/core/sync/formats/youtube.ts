// YouTube Data API v3 bodies (commentThreads.list, comments.list) → mentions: one per comment. The HTTP
// source and the file import share this parser.
import type { NewMention } from '../ingest';
import { htmlToPlainText, nonNegativeInt, optionalString, toMs } from '../normalize';
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

/** Where a thread sits in an order=time listing: the source's stop mark. */
export interface CommentMark {
  at: number;
  id: string;
}

export interface YouTubePage extends ParseResult {
  nextPageToken: string | null;
  /** Marks of the readable top-level comments, in listing order (replies excluded). */
  marks: CommentMark[];
  itemCount: number;
}

const LIST_KINDS = new Set(['youtube#commentThreadListResponse', 'youtube#commentListResponse']);
const COMMENT_ID = /^[A-Za-z0-9_.-]{1,200}$/;
const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

/** The items of a list response; null when the body is not one. */
function listItems(body: unknown): { items: unknown[]; token: string | null } | null {
  if (!isObj(body) || !Array.isArray(body.items)) return null;
  if (body.kind !== undefined && !(typeof body.kind === 'string' && LIST_KINDS.has(body.kind))) return null;
  const token = optionalString(body.nextPageToken);
  return { items: body.items, token: token && token.length <= 1000 ? token : null };
}

export function looksLikeYouTube(item: unknown): boolean {
  return (
    isObj(item) && isObj(item.snippet) && ('topLevelComment' in item.snippet || 'textDisplay' in item.snippet)
  );
}

/** Parses a body; null when it is not a comment thread or comment list response. */
export function parseYouTubeBody(body: unknown): YouTubePage | null {
  const listed = listItems(body);
  if (!listed) return null;
  const page: YouTubePage = {
    ...emptyResult(),
    nextPageToken: listed.token,
    marks: [],
    itemCount: listed.items.length,
  };
  for (const item of listed.items) addItem(item, page);
  return page;
}

function addItem(item: unknown, page: YouTubePage): void {
  if (!isObj(item) || !isObj(item.snippet)) {
    const why = new Rejection('incomplete', 'record without snippet');
    page.quarantined.push(setAside('YouTube: ', why, excerpt(item)));
    return;
  }
  const thread = item.snippet;
  // comments.list items are comments themselves; commentThreads wrap a top-level comment.
  const isThread = 'topLevelComment' in thread;
  const top = isThread ? thread.topLevelComment : item;
  const mention = toMention(top, optionalString(thread.videoId), isThread ? thread.totalReplyCount : 0);
  if (mention instanceof Rejection) {
    page.quarantined.push(setAside('YouTube: ', mention, excerpt(item)));
  } else {
    page.mentions.push(mention);
    page.marks.push({ at: mention.createdAt, id: mention.externalId });
  }
  // part=replies adds a few replies to each thread.
  const replies = isObj(item.replies) && Array.isArray(item.replies.comments) ? item.replies.comments : [];
  for (const reply of replies) {
    const r = toMention(reply, optionalString(thread.videoId), 0);
    if (r instanceof Rejection) page.quarantined.push(setAside('YouTube: reply: ', r, excerpt(reply)));
    else page.mentions.push(r);
  }
}

/** textOriginal is plain; without it, textDisplay is plain or HTML depending on textFormat. */
function commentText(s: Obj): string | null {
  if (typeof s.textOriginal === 'string') return s.textOriginal;
  if (typeof s.textDisplay !== 'string') return null;
  return /<[a-z][^>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i.test(s.textDisplay)
    ? htmlToPlainText(s.textDisplay)
    : s.textDisplay;
}

function toMention(
  comment: unknown,
  threadVideoId: string | null,
  replyCount: unknown,
): NewMention | Rejection {
  if (!isObj(comment)) return new Rejection('not_object', 'comment is not an object');
  const id = comment.id;
  if (typeof id !== 'string' || !COMMENT_ID.test(id))
    return new Rejection('no_id', 'comment without a valid id');
  const s = comment.snippet;
  if (!isObj(s)) return new Rejection('incomplete', `comment ${id} has no snippet`);
  if (s.publishedAt === undefined || s.publishedAt === null)
    return new Rejection('no_date', `comment ${id} has no publishedAt`);
  const createdAt = typeof s.publishedAt === 'string' ? toMs(s.publishedAt) : null;
  if (createdAt === null) return unreadableDate(`comment ${id}`, 'publishedAt', s.publishedAt);
  const text = commentText(s);
  if (text === null) return new Rejection('no_text', `comment ${id} has no text`);
  const videoId = optionalString(s.videoId) ?? threadVideoId;
  const channelId = isObj(s.authorChannelId) ? optionalString(s.authorChannelId.value) : null;
  const displayName = optionalString(s.authorDisplayName)?.trim() || null;
  return {
    id: `youtube:${id}`,
    platform: 'youtube',
    externalId: id,
    url:
      videoId && VIDEO_ID.test(videoId)
        ? `https://www.youtube.com/watch?v=${videoId}&lc=${encodeURIComponent(id)}`
        : null,
    // Display names are the channel's @handle nowadays; the channel id stands in for a hidden one.
    authorHandle: displayName?.replace(/^@/, '') || channelId || 'unknown',
    authorName: displayName,
    authorFollowers: null,
    text,
    lang: null,
    createdAt,
    likes: nonNegativeInt(s.likeCount),
    shares: 0,
    replies: nonNegativeInt(replyCount),
    rating: null,
  };
}

const SNIFF_HEAD = 64 * 1024;

/** Saved YouTube Data API comment thread and comment list responses. */
export const youtubeFormat: FileFormat = {
  name: 'youtube',
  sniff(text) {
    const head = text.slice(0, SNIFF_HEAD).trimStart();
    if (!head.startsWith('{')) return false;
    return /"kind"\s*:\s*"youtube#comment(Thread)?(ListResponse)?"/.test(head);
  },
  parse(text) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new FormatError('Not a YouTube body: the file is not valid JSON.');
    }
    const page = parseYouTubeBody(json);
    const items = isObj(json) && Array.isArray(json.items) ? json.items : [];
    if (!page || (items.length > 0 && !items.some(looksLikeYouTube))) {
      throw new FormatError('Not a YouTube body: expected a commentThreads or comments list response.');
    }
    const { mentions, shares, quarantined } = page;
    return { mentions, shares, quarantined };
  },
};
