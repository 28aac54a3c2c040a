import type { Mention } from '../../shared/model';

/** The JSON-lines shape of `vigie mentions --json`: users script against these keys. */
export function mentionToJsonLine(m: Mention): string {
  return JSON.stringify({
    id: m.id,
    platform: m.platform,
    url: m.url,
    author_handle: m.authorHandle,
    author_name: m.authorName,
    text: m.text,
    lang: m.lang,
    created_at: new Date(m.createdAt).toISOString(),
    likes: m.likes,
    shares: m.shares,
    replies: m.replies,
    reach: m.reach,
  });
}

export function mentionToTextLine(m: Mention): string {
  const when = new Date(m.createdAt).toISOString().replace('T', ' ').slice(0, 16);
  const text = m.text.replace(/\s+/g, ' ').slice(0, 140);
  return `${when}  ${m.platform.padEnd(8)} @${m.authorHandle}: ${text}`;
}
