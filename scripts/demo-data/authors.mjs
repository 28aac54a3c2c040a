// Who posts: a pool of ordinary people per platform and language (some post many times, most once),
// a separate pool of trolls for abuse and harassment, plus the named accounts (brand, press,
// influencers, deal sites). Handles are unique per platform.

import { JOURNALISTS, INFLUENCERS, DEAL_ACCOUNTS } from './press.mjs';
import { OFFICIAL } from './channels.mjs';
import { makeAuthor } from './platforms.mjs';

export const TROLL_CATEGORIES = new Set(['abuse', 'harass', 'threat', 'dox']);

export function createAuthors(r) {
  const handlesTaken = new Map(); // platform -> Set
  const pools = new Map(); // `${platform}|${lang}|${kind}` -> authors, repeated once per post
  const campaigners = new Set();

  function reserve(platform, handle) {
    if (!handlesTaken.has(platform)) handlesTaken.set(platform, new Set());
    const taken = handlesTaken.get(platform);
    if (taken.has(handle.toLowerCase())) return false;
    taken.add(handle.toLowerCase());
    return true;
  }
  for (const a of [...Object.entries(OFFICIAL)]) reserve(a[0] === 'xSav' ? 'x' : a[0], a[1].handle);
  for (const a of [...JOURNALISTS, ...INFLUENCERS, ...DEAL_ACCOUNTS]) reserve(a.platform, a.handle);
  reserve('x', 'julie_marchand');
  reserve('mastodon', 'juliemarchand@mastodon.social');
  reserve('bluesky', 'julie-marchand.bsky.social');

  function newAuthor(platform, lang) {
    for (let i = 0; ; i++) {
      const a = makeAuthor(r, platform, lang);
      if (i > 4) a.handle = a.handle.replace(/^([^@.]+)/, `$1${r.int(100, 999)}`);
      if (reserve(platform, a.handle)) return a;
    }
  }

  function pickAuthor(platform, lang, category) {
    const kind = TROLL_CATEGORIES.has(category) ? 'troll' : 'main';
    const key = `${platform}|${lang}|${kind}`;
    if (!pools.has(key)) pools.set(key, []);
    const pool = pools.get(key);
    const reuse = platform === 'reviews' ? 0.02 : kind === 'troll' ? 0.55 : 0.3;
    let author = null;
    if (pool.length && r.chance(reuse)) {
      for (let i = 0; i < 8 && !author; i++) {
        const a = r.pick(pool);
        if (category !== 'campaign' || !campaigners.has(a)) author = a;
      }
    }
    author ??= newAuthor(platform, lang);
    if (category === 'campaign') campaigners.add(author);
    pool.push(author);
    return author;
  }

  function specialAuthor(platform, lang, category) {
    if (category === 'journalist')
      return r.pick(JOURNALISTS.filter((j) => j.platform === platform && j.lang === lang));
    if (category === 'officialPromo') return OFFICIAL[platform];
    if (category === 'savReply') return OFFICIAL.xSav;
    if (category === 'promo' && r.chance(0.6))
      return DEAL_ACCOUNTS.find((d) => d.platform === platform) ?? null;
    if (['anger', 'sarcasm', 'meme', 'boycott'].includes(category) && r.chance(0.025)) {
      const pool = INFLUENCERS.filter((i) => i.platform === platform && i.lang === lang);
      if (pool.length) return r.pick(pool);
    }
    return null;
  }

  return { pickAuthor, specialAuthor, pool: (key) => pools.get(key) ?? [] };
}
