#!/usr/bin/env node
// Generates the embedded demo scenario: "Ondaline", a fictional French operator whose nationwide
// outage turns into a social-media storm. Deterministic (fixed seed, no clock, no Math.random), no
// dependencies. Writes resources/demo/storm.ndjson (one mention per line, by offsetMs) and
// resources/demo/scenario.json (metadata). Run: node scripts/generate-demo.mjs
//
// Story, in scenario hours: 0–10 calm baseline · 10 outage onset · 10–12 spike · 12–20 angry peak
// (press quotes Julie Marchand ~12.6, copy-paste campaign from 13.5, statement 15.25, fix 18)
// · 20–36 recovery (one month offered at 31.5). The data and the knobs live in scripts/demo-data/:
// story.mjs (timing, volume, topics), templates-*.mjs (what people write), scripted.mjs (fixed
// events, threats, attacker payloads), press.mjs and channels.mjs (outlets, accounts, threads).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeRandom, expand, pickTemplate } from './demo-data/random.mjs';
import {
  H,
  T,
  rate10,
  stageOf,
  PLATFORM_WEIGHTS,
  FRENCH_SHARE,
  SOCIAL,
  RATINGS,
} from './demo-data/story.mjs';
import { OUTLETS, BEATS, INFLUENCERS } from './demo-data/press.mjs';
import {
  OFFICIAL,
  FB_PAGE_ID,
  FB_PAGE_POSTS,
  SUBREDDITS,
  REDDIT_THREADS,
  YT_VIDEOS,
  REVIEWS,
} from './demo-data/channels.mjs';
import { SCRIPTED, PAYLOAD_AUTHOR } from './demo-data/scripted.mjs';
import { platformIds as ids, postUrl } from './demo-data/platforms.mjs';
import { createAuthors, TROLL_CATEGORIES } from './demo-data/authors.mjs';
import { createWriter } from './demo-data/text.mjs';
import { createEngagement } from './demo-data/engagement.mjs';
import { tidy } from './demo-data/noise.mjs';

const SEED = 0x0da1173;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'resources', 'demo');
const r = makeRandom(SEED);
const { pickAuthor, specialAuthor, pool } = createAuthors(r);
const { dictFor, writeText, availableCategories, unique, seen } = createWriter(r);
const engagement = createEngagement(r);

// ── Platform threads (reddit submissions, youtube videos, facebook page posts) ──────────────────
const slugify = (s, sep = '-', max = 60) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, sep)
    .replace(new RegExp(`^\\${sep}+|\\${sep}+$`, 'g'), '')
    .slice(0, max)
    .replace(new RegExp(`\\${sep}+$`), '');

const redditThreads = REDDIT_THREADS.map((th) => ({
  ...th,
  at: th.atH * H,
  id: ids.redditPost(r, th.atH * H),
  slug: slugify(th.title, '_', 50),
}));
const fbPagePosts = [{ at: FB_PAGE_POSTS[0].atH * H, id: ids.facebook(r) }];

function recentBiased(items, t, lang, halfLifeH) {
  const open = items.filter((i) => i.at <= t);
  const sameLang = open.filter((i) => !i.lang || i.lang === lang);
  const candidates = sameLang.length && r.chance(0.85) ? sameLang : open;
  return r.weighted(candidates.map((i) => [i, Math.exp(-(t - i.at) / (halfLifeH * H)) + 0.02]));
}

// ── Records ──────────────────────────────────────────────────────────────────────────────────────
let reviewSeq = 731;

function record(t, platform, author, text, lang, eng, where, rating = null) {
  let externalId;
  let url;
  switch (platform) {
    case 'x':
    case 'mastodon':
      externalId = platform === 'x' ? ids.x(r, t) : ids.mastodon(r, t);
      url = postUrl(platform, author.handle, { id: externalId });
      break;
    case 'bluesky': {
      const rkey = ids.blueskyRkey(r, t);
      author.did ??= ids.blueskyDid(r);
      externalId = `${author.did}/${rkey}`;
      url = postUrl(platform, author.handle, { rkey });
      break;
    }
    default:
      ({ externalId, url } = where);
  }
  return {
    offsetMs: Math.round(t),
    id: `${platform}:${externalId}`,
    platform,
    externalId,
    url,
    authorHandle: author.handle,
    authorName: author.name ?? null,
    authorFollowers: author.followers ?? null,
    text,
    lang,
    likes: eng.likes,
    shares: eng.shares,
    replies: eng.replies,
    rating,
  };
}

/** Where a non-snowflake platform puts a post: ids and url, attaching comments to threads. */
function placement(platform, t, lang, asRedditThread) {
  switch (platform) {
    case 'reddit': {
      if (asRedditThread) {
        const { id, sub, slug } = asRedditThread;
        return { externalId: `t3_${id}`, url: `https://www.reddit.com/r/${sub}/comments/${id}/${slug}/` };
      }
      const th = recentBiased(redditThreads, t, lang, 5);
      const cid = ids.redditComment(r, t);
      return {
        externalId: `t1_${cid}`,
        url: `https://www.reddit.com/r/${th.sub}/comments/${th.id}/${th.slug}/${cid}/`,
      };
    }
    case 'youtube': {
      const v = recentBiased(
        YT_VIDEOS.map((y) => ({ ...y, at: y.atH * H })),
        t,
        null,
        6,
      );
      const cid = ids.youtubeComment(r);
      return { externalId: cid, url: `https://www.youtube.com/watch?v=${v.id}&lc=${cid}` };
    }
    case 'facebook': {
      const post = fbPagePosts.filter((p) => p.at <= t).at(-1);
      const cid = ids.facebook(r);
      return {
        externalId: `${post.id}_${cid}`,
        url: `https://www.facebook.com/${OFFICIAL.facebook.handle}/posts/${post.id}?comment_id=${cid}`,
      };
    }
    default:
      throw new Error(`no placement for ${platform}`);
  }
}

function article(t, lang) {
  const h = t / H;
  const beats = BEATS[lang].filter((b) => h >= b.fromH && h < b.toH);
  if (!beats.length) throw new Error(`No ${lang} news beat covers hour ${h}`);
  const beat = r.weighted(beats.map((b) => [b, b.weight]));
  const outlet = r.pick(OUTLETS.filter((o) => o.lang === lang));
  const dict = dictFor(lang, 'rss', t);
  let title = '';
  let text = '';
  for (let i = 0; i < 40; i++) {
    title = tidy(expand(r, pickTemplate(r, beat.titles, h), dict));
    text = `${title} — ${tidy(expand(r, pickTemplate(r, beat.summaries, h), dict))}`;
    if (!seen.has(`${outlet.domain}|${title}`) && !seen.has(text.toLowerCase())) break;
  }
  seen.add(`${outlet.domain}|${title}`);
  seen.add(text.toLowerCase());
  const url = `https://www.${outlet.domain}/${outlet.section}/${slugify(title)}-${r.int(100000, 999999)}.html`;
  const author = { handle: outlet.domain, name: outlet.name, followers: outlet.audience };
  return record(t, 'rss', author, text, lang, { likes: 0, shares: 0, replies: 0 }, { externalId: url, url });
}

function review(t, lang) {
  const stage = stageOf(t);
  const dist = RATINGS[{ onset: 'outage', spike: 'outage', statement: 'peak' }[stage] ?? stage];
  const rating = r.weighted(dist);
  const bank = REVIEWS[lang];
  const list =
    rating <= 2 && t < T.onset
      ? bank[2]
      : rating <= 2 && t >= T.fix
        ? bank.after.concat(bank[2])
        : bank[rating];
  const dict = dictFor(lang, 'reviews', t);
  const text = unique(() => tidy(expand(r, pickTemplate(r, list, t / H), dict)));
  const author = pickAuthor('reviews', lang, 'review');
  const externalId = `rv-${String(reviewSeq++).padStart(6, '0')}`;
  const where = { externalId, url: `https://apps.example/store/fr.ondaline.moncompte/reviews/${externalId}` };
  return record(
    t,
    'reviews',
    author,
    text,
    lang,
    engagement('reviews', null, stage, 'review'),
    where,
    rating,
  );
}

function organic(t) {
  const platform = r.weighted(PLATFORM_WEIGHTS);
  const lang = r.chance(FRENCH_SHARE[platform]) ? 'fr' : 'en';
  if (platform === 'rss') return article(t, lang);
  if (platform === 'reviews') return review(t, lang);
  const stage = stageOf(t);
  let category = r.weighted(availableCategories(stage, lang, platform, t));
  if (platform === 'youtube' && stage !== 'baseline' && r.chance(0.1)) category = 'yt';
  const author = specialAuthor(platform, lang, category) ?? pickAuthor(platform, lang, category);
  const extra = {};
  if (category === 'savReply') {
    const xs = pool('x|fr|main');
    extra.handle = xs.length ? `@${r.pick(xs).handle}` : '@Ondaline';
  }
  if (author.outlet)
    extra.articleLink = `https://www.${author.outlet}/article/panne-ondaline-${r.int(10000, 99999)}`;
  const text = writeText(lang, platform, category, t, extra);
  // A few reddit mentions open their own thread instead of commenting on one.
  let asThread = null;
  if (platform === 'reddit' && !TROLL_CATEGORIES.has(category) && r.chance(0.08)) {
    asThread = {
      at: t,
      lang,
      id: ids.redditPost(r, t),
      sub: r.pick(SUBREDDITS[lang]),
      slug: slugify(text, '_', 50),
    };
    redditThreads.push(asThread);
  }
  const where = SOCIAL.has(platform) ? null : placement(platform, t, lang, asThread);
  const eng = engagement(platform, author.followers, stage, category, { redditPost: !!asThread });
  return record(t, platform, author, text, lang, eng, where);
}

function scripted(s) {
  const t = s.at * H;
  const stage = stageOf(t);
  const author = s.author.startsWith('official:')
    ? OFFICIAL[s.author.slice(9)]
    : s.author.startsWith('influencer:')
      ? INFLUENCERS.find((i) => i.handle === s.author.slice(11))
      : s.author === 'payloadName'
        ? PAYLOAD_AUTHOR
        : pickAuthor(s.platform, s.lang, s.author === 'troll' ? 'abuse' : s.category);
  let where = null;
  if (s.fbPagePost) {
    const post = { at: t, id: ids.facebook(r) };
    fbPagePosts.push(post);
    where = {
      externalId: `${FB_PAGE_ID}_${post.id}`,
      url: `https://www.facebook.com/${OFFICIAL.facebook.handle}/posts/${post.id}`,
    };
  } else if (!SOCIAL.has(s.platform)) where = placement(s.platform, t, s.lang, s.thread);
  const eng = engagement(s.platform, author.followers, stage, s.category, {
    boost: s.boost ?? 1,
    redditPost: !!s.thread,
  });
  return record(t, s.platform, author, s.text, s.lang, eng, where);
}

// ── Timeline ─────────────────────────────────────────────────────────────────────────────────────
const events = [];
for (let b = 0; b < T.duration / 600_000; b++) {
  const n = r.poisson(rate10((b + 0.5) / 6));
  for (let i = 0; i < n; i++) events.push({ t: b * 600_000 + r.int(0, 599_999) });
}
for (const s of SCRIPTED) events.push({ t: s.at * H, scripted: s });
for (const th of redditThreads.filter((x) => x.at >= 0)) {
  const text = `${th.title}\n\n${th.body}`;
  events.push({
    t: th.at,
    scripted: {
      at: th.atH,
      platform: 'reddit',
      lang: th.lang,
      author: 'random',
      category: 'report',
      text,
      thread: th,
    },
  });
}
events.sort((a, b) => a.t - b.t || (a.scripted ? -1 : 1));

const items = events.map((e) => (e.scripted ? scripted(e.scripted) : organic(e.t)));
items.sort((a, b) => a.offsetMs - b.offsetMs);

// ── Output ───────────────────────────────────────────────────────────────────────────────────────
const idSet = new Set(items.map((i) => i.id));
if (idSet.size !== items.length) throw new Error('duplicate ids');

const phase = (id, fromMs, toMs, fr, en) => ({ id, fromMs, toMs, label: { fr, en } });
const scenario = {
  version: 1,
  durationMs: T.duration,
  onsetMs: T.onset,
  peakStartMs: T.peak,
  statementMs: T.statement,
  fixMs: T.fix,
  recoveryMs: T.recovery,
  count: items.length,
  brand: 'Ondaline',
  title: {
    fr: 'Panne nationale Ondaline — tempête sur les réseaux',
    en: 'Ondaline nationwide outage — social media storm',
  },
  targetedPerson: {
    name: 'Julie Marchand',
    role: { fr: 'Responsable du service client', en: 'Head of customer service' },
    handles: {
      x: 'julie_marchand',
      mastodon: 'juliemarchand@mastodon.social',
      bluesky: 'julie-marchand.bsky.social',
    },
  },
  phases: [
    phase('baseline', 0, T.onset, 'Activité normale', 'Normal activity'),
    phase('spike', T.onset, T.peak, 'Début de la panne et emballement', 'Outage onset and spike'),
    phase('peak', T.peak, T.recovery, 'Pic de colère', 'Peak of anger'),
    phase('recovery', T.recovery, T.duration, 'Retour au calme', 'Recovery'),
  ],
};

fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'storm.ndjson'), items.map((i) => JSON.stringify(i)).join('\n') + '\n');
fs.writeFileSync(path.join(outDir, 'scenario.json'), JSON.stringify(scenario, null, 2) + '\n');
console.log(`Wrote ${items.length} mentions to ${path.relative(root, outDir)}/storm.ndjson`);
