// The platform's own post id, read from a listening-tool row's URL, so an exported row meets the copy
// the platform's source stored (same `platform:externalId`) instead of being stored twice.

/** x.com/…/status/1861234567890123456 → the tweet id. */
const TWEET = /\/status(?:es)?\/(\d{5,25})/;
/** reddit.com/r/sub/comments/POST/slug/COMMENT/ or redd.it/POST. */
const REDDIT_THREAD = /\/comments\/([a-z0-9]{1,16})(?:\/[^/?#]*\/([a-z0-9]{1,16}))?\/?(?:[?#]|$)/i;
const REDDIT_SHORT = /^\/([a-z0-9]{1,16})\/?$/i;
const YOUTUBE_COMMENT = /^[A-Za-z0-9_.-]{1,200}$/;

export function platformIdFromUrl(platform: string, url: string | null): string | null {
  if (!url) return null;
  if (platform === 'x') return TWEET.exec(url)?.[1] ?? null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (platform === 'reddit') {
    // The Reddit source keys posts t3_<id> and comments t1_<id> (their "fullnames").
    if (/(^|\.)redd\.it$/i.test(u.hostname)) {
      const post = REDDIT_SHORT.exec(u.pathname)?.[1];
      return post ? `t3_${post.toLowerCase()}` : null;
    }
    const m = REDDIT_THREAD.exec(u.pathname);
    if (!m) return null;
    return m[2] ? `t1_${m[2].toLowerCase()}` : `t3_${m[1]!.toLowerCase()}`;
  }
  if (platform === 'youtube') {
    // A comment's link carries its id in lc= (the YouTube source builds the same link).
    const lc = u.searchParams.get('lc');
    return lc && YOUTUBE_COMMENT.test(lc) ? lc : null;
  }
  return null;
}
