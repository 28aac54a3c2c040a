/** Keyset order of the feed: (createdAt, id), newest first, the same order as `mentions.list`. */
export interface FeedKey {
  createdAt: number;
  id: string;
}

/** True when a is strictly newer than b. */
export function isNewer(a: FeedKey, b: FeedKey): boolean {
  return a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id);
}
