// Per-platform identity: plausible ids, urls, handles and audience sizes. Every function takes the
// seeded random source `r` (see generate-demo.mjs) so the output stays deterministic.

import {
  FR_FIRST,
  FR_LAST,
  FR_NICKS,
  EN_FIRST,
  EN_LAST,
  EN_NICKS,
  MASTODON_INSTANCES_FR,
  MASTODON_INSTANCES_EN,
} from './lexicon.mjs';

/** Wall-clock anchor used only to mint realistic, time-ordered ids (never shown as a date). */
const ID_EPOCH = Date.UTC(2024, 10, 19, 0, 0, 0);
const B32_SORT = '234567abcdefghijklmnopqrstuvwxyz';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B36 = '0123456789abcdefghijklmnopqrstuvwxyz';

const randStr = (r, alphabet, n) =>
  Array.from({ length: n }, () => alphabet[r.int(0, alphabet.length - 1)]).join('');
const digits = (r, n) => String(r.int(1, 9)) + randStr(r, '0123456789', n - 1);

export const platformIds = {
  x(r, offsetMs) {
    const ms = BigInt(ID_EPOCH + offsetMs - 1288834974657);
    return ((ms << 22n) | BigInt(r.int(0, 4194303))).toString();
  },
  mastodon(r, offsetMs) {
    return ((BigInt(ID_EPOCH + offsetMs) << 16n) | BigInt(r.int(0, 65535))).toString();
  },
  /** A TID record key: 13 chars of sortable base32 over (microseconds << 10 | clock id). */
  blueskyRkey(r, offsetMs) {
    let v = (BigInt(ID_EPOCH + offsetMs) * 1000n + BigInt(r.int(0, 999))) * 1024n + BigInt(r.int(0, 1023));
    let s = '';
    for (let i = 0; i < 13; i++) {
      s = B32_SORT[Number(v & 31n)] + s;
      v >>= 5n;
    }
    return s;
  },
  blueskyDid: (r) => randStr(r, 'abcdefghijklmnopqrstuvwxyz234567', 24),
  redditPost: (r, offsetMs) =>
    (parseInt('1gv0000', 36) + Math.floor(offsetMs / 1400) + r.int(0, 40)).toString(36),
  redditComment: (r, offsetMs) =>
    (parseInt('lxk0000', 36) + Math.floor(offsetMs / 9) + r.int(0, 8)).toString(36),
  youtubeComment: (r) => 'Ug' + r.pick(['x', 'w', 'y', 'z']) + randStr(r, B64URL, 19) + '4AaABAg',
  facebook: (r) => digits(r, 16),
  b36: (r, n) => randStr(r, B36, n),
};

const slug = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/** A person: display name plus the raw parts handles are made from. */
export function makePerson(r, lang) {
  const first = r.pick(lang === 'fr' ? FR_FIRST : EN_FIRST);
  const last = r.pick(lang === 'fr' ? FR_LAST : EN_LAST);
  const nick = r.pick(lang === 'fr' ? FR_NICKS : EN_NICKS);
  const style = r.weighted([
    ['full', 30],
    ['initial', 20],
    ['first', 15],
    ['emoji', 10],
    ['nick', 15],
    ['lower', 10],
  ]);
  const emoji = r.pick(['🌻', '✨', '🇫🇷', '⚽', '🎮', '☕', '🌊', '🐈', '🏳️‍🌈', '🎸', '📚', '🚴']);
  const name = {
    full: `${first} ${last}`,
    initial: `${first} ${last[0]}.`,
    first,
    emoji: `${first} ${emoji}`,
    nick,
    lower: `${first.toLowerCase()} ${last.toLowerCase()}`,
  }[style];
  return { first, last, nick: style === 'nick' ? nick : null, name };
}

function baseHandle(r, p, sep) {
  const f = slug(p.first);
  const l = slug(p.last);
  const num = r.pick(['', '', String(r.int(1, 99)), String(r.int(60, 99)), String(r.int(1985, 2008))]);
  if (p.nick) return slug(p.nick) + num;
  return r.weighted([
    [`${f}${sep}${l}`, 25],
    [`${f}${l[0]}${num}`, 20],
    [`${f}${num || r.int(2, 999)}`, 20],
    [`${f}${sep}${l}${num}`, 15],
    [`xx${f}xx`, 3],
    [`${l}${f[0]}`, 10],
    [`the${f}${l}`, 7],
  ]);
}

/** Handle, display name and audience for a new author on `platform`. */
export function makeAuthor(r, platform, lang) {
  const p = makePerson(r, lang);
  const logn = (median, sigma, max) => Math.min(max, Math.floor(median * Math.exp(sigma * r.normal())));
  switch (platform) {
    case 'x': {
      const h = baseHandle(r, p, '_').slice(0, 15);
      const style = r.chance(0.15) ? h.charAt(0).toUpperCase() + h.slice(1) : h;
      return { handle: style, name: p.name, followers: logn(180, 1.5, 45000) };
    }
    case 'mastodon': {
      const inst = r.pick(lang === 'fr' ? MASTODON_INSTANCES_FR : MASTODON_INSTANCES_EN);
      return { handle: `${baseHandle(r, p, '_')}@${inst}`, name: p.name, followers: logn(120, 1.3, 30000) };
    }
    case 'bluesky':
      return {
        handle: `${baseHandle(r, p, '-')}.bsky.social`,
        name: p.name,
        followers: logn(150, 1.4, 40000),
      };
    case 'reddit': {
      const h = r.weighted([
        [baseHandle(r, p, '_'), 40],
        [
          `${r.pick(['Throwaway', 'Sad', 'Angry', 'Curious', 'Random', 'Old', 'Fibre', 'Lazy'])}_${r.pick(['Baguette', 'Croissant', 'Panda', 'Router', 'Otter', 'Frog', 'Goose', 'Pigeon'])}_${r.int(10, 9999)}`,
          40,
        ],
        [`${slug(p.first)}${r.pick(['Gaming', 'Dev', 'Music', 'Bzh', 'Lyon', 'Paris'])}`, 20],
      ]);
      return { handle: h, name: null, followers: null };
    }
    case 'youtube': {
      // Stored without the @, as the YouTube source stores display handles.
      const h = `${p.nick ? slug(p.nick) : slug(p.first) + slug(p.last)}${r.chance(0.5) ? r.int(1, 9999) : ''}`;
      return { handle: h, name: p.nick ?? `${p.first} ${p.last}`, followers: logn(40, 1.8, 20000) };
    }
    case 'facebook': {
      const h = `${slug(p.first)}.${slug(p.last)}${r.chance(0.6) ? '.' + r.int(1, 999) : ''}`;
      return { handle: h, name: `${p.first} ${p.last}`, followers: logn(260, 0.9, 5000) };
    }
    case 'reviews': {
      const name = r.chance(0.6) ? `${p.first} ${p.last[0]}.` : `${p.first}${r.int(1, 99)}`;
      return { handle: `${slug(name)}-${r.int(100, 9999)}`, name, followers: null };
    }
    default:
      throw new Error(`no author model for ${platform}`);
  }
}

/** Profile url of an author and post url of a record, per platform. */
export function postUrl(platform, handle, parts) {
  switch (platform) {
    case 'x':
      return `https://x.com/${handle}/status/${parts.id}`;
    case 'mastodon': {
      const [user, inst] = handle.split('@');
      return `https://${inst}/@${user}/${parts.id}`;
    }
    case 'bluesky':
      return `https://bsky.app/profile/${handle}/post/${parts.rkey}`;
    default:
      throw new Error(`no url model for ${platform}`);
  }
}
