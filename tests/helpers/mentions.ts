import type { NewMention } from '../../main/core/sync/ingest';
import type { Platform } from '../../shared/model';

const PLATFORMS: Platform[] = ['x', 'mastodon', 'bluesky', 'reddit'];

/** Deterministic generated mentions for store tests. */
export function makeMentions(n: number, opts: { start?: number; prefix?: string } = {}): NewMention[] {
  const start = opts.start ?? Date.UTC(2026, 0, 10, 8, 0, 0);
  const out: NewMention[] = [];
  for (let i = 0; i < n; i++) {
    const platform = PLATFORMS[i % PLATFORMS.length]!;
    const externalId = `${opts.prefix ?? 'm'}${i}`;
    out.push({
      id: `${platform}:${externalId}`,
      platform,
      externalId,
      url: `https://example.test/${externalId}`,
      authorHandle: `user${i % 37}`,
      authorName: `User ${i % 37}`,
      authorFollowers: (i * 97) % 5000,
      text: i % 3 === 0 ? `Panne générale chez Ondaline #${i}` : `Toujours pas de réseau ${i} grr`,
      lang: 'fr',
      createdAt: start + i * 17_000,
      likes: i % 5,
      shares: i % 3,
      replies: i % 2,
      rating: null,
      sentiment: ((i % 7) - 3) / 3,
      toxicity: (i % 10) / 10,
    });
  }
  return out;
}
