import type { Mention } from '../../../shared/model';

/** A mentions row as SQLite returns it. */
export interface MentionRow {
  id: string;
  platform: string;
  external_id: string;
  url: string | null;
  author_handle: string;
  author_name: string | null;
  author_followers: number | null;
  text: string;
  lang: string | null;
  created_at: number;
  fetched_at: number;
  likes: number;
  shares: number;
  replies: number;
  reach: number;
  rating: number | null;
  sentiment: number | null;
  toxicity: number | null;
  source_id: string | null;
  status: string;
}

export const MENTION_COLUMNS = `id, platform, external_id, url, author_handle, author_name, author_followers, text,
  lang, created_at, fetched_at, likes, shares, replies, reach, rating, sentiment, toxicity, source_id, status`;

export function rowToMention(r: MentionRow): Mention {
  return {
    id: r.id,
    platform: r.platform as Mention['platform'],
    externalId: r.external_id,
    url: r.url,
    authorHandle: r.author_handle,
    authorName: r.author_name,
    authorFollowers: r.author_followers,
    text: r.text,
    lang: r.lang,
    createdAt: r.created_at,
    fetchedAt: r.fetched_at,
    likes: r.likes,
    shares: r.shares,
    replies: r.replies,
    reach: r.reach,
    rating: r.rating,
    sentiment: r.sentiment,
    toxicity: r.toxicity,
    sourceId: r.source_id,
    status: r.status as Mention['status'],
  };
}
