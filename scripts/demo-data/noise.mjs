// Makes template output look typed by people: shorthand, dropped accents, typos, shouting, emoji,
// hashtags. How much depends on the platform (reviews and news stay clean) and the category mood.

import { EMOJI, HASHTAGS, FR_ABBREV, EN_ABBREV } from './lexicon.mjs';

/** Category moods: which emoji fit, how often people shout, whether hashtags are likely. */
export const MOODS = {
  question: { emoji: 'neutral', caps: 0, tags: 0.1 },
  positive: { emoji: 'pos', caps: 0, tags: 0.15 },
  promo: { emoji: null, caps: 0, tags: 0.4 },
  officialPromo: { emoji: null, caps: 0, tags: 0 },
  complaint: { emoji: 'anger', caps: 0.03, tags: 0.05 },
  neutral: { emoji: 'neutral', caps: 0, tags: 0.1 },
  report: { emoji: 'sad', caps: 0.04, tags: 0.35 },
  impact: { emoji: 'sad', caps: 0.03, tags: 0.3 },
  anger: { emoji: 'anger', caps: 0.16, tags: 0.4 },
  boycott: { emoji: 'anger', caps: 0.08, tags: 0.5 },
  refund: { emoji: 'anger', caps: 0.05, tags: 0.45 },
  sarcasm: { emoji: 'laugh', caps: 0, tags: 0.35 },
  meme: { emoji: 'laugh', caps: 0, tags: 0.5 },
  abuse: { emoji: 'anger', caps: 0.22, tags: 0.2 },
  harass: { emoji: 'anger', caps: 0.1, tags: 0.1 },
  defense: { emoji: null, caps: 0, tags: 0.2 },
  journalist: { emoji: null, caps: 0, tags: 0.3 },
  savReply: { emoji: null, caps: 0, tags: 0 },
  statementReaction: { emoji: 'anger', caps: 0.05, tags: 0.35 },
  fix: { emoji: 'pos', caps: 0.03, tags: 0.3 },
  stillDown: { emoji: 'anger', caps: 0.06, tags: 0.3 },
  thanks: { emoji: 'pos', caps: 0, tags: 0.2 },
  lingering: { emoji: 'anger', caps: 0.03, tags: 0.25 },
  compensation: { emoji: 'neutral', caps: 0, tags: 0.2 },
  switching: { emoji: 'laugh', caps: 0, tags: 0.25 },
  retro: { emoji: null, caps: 0, tags: 0.3 },
  yt: { emoji: null, caps: 0, tags: 0 },
};

const FORMAL = new Set(['journalist', 'savReply', 'officialPromo', 'promo', 'retro']);
const CASUAL = { x: 1, bluesky: 0.8, mastodon: 0.5, youtube: 1, facebook: 0.9, reddit: 0.4 };
const TAGGY = { x: 1, bluesky: 0.9, mastodon: 1, youtube: 0.15, facebook: 0.35, reddit: 0.05 };

const isWordToken = (w) => !/^(@|#|https?:)/.test(w);

function typo(r, text) {
  const words = text.split(' ');
  const candidates = words
    .map((w, i) => [w, i])
    .filter(([w]) => /^[a-zà-ÿ]{5,}$/i.test(w) && !/ondaline/i.test(w));
  if (!candidates.length) return text;
  const [w, i] = r.pick(candidates);
  const k = r.int(1, w.length - 2);
  const kind = r.int(0, 2);
  words[i] =
    kind === 0
      ? w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2)
      : kind === 1
        ? w.slice(0, k) + w.slice(k + 1)
        : w.slice(0, k) + w[k] + w.slice(k);
  return words.join(' ');
}

const stripAccents = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');

/** Applies random human noise to `text`. `stage` picks the hashtag pool. */
export function humanize(r, text, { lang, platform, category, stage }) {
  const mood = MOODS[category] ?? { emoji: null, caps: 0, tags: 0 };
  const casual = FORMAL.has(category) ? 0 : (CASUAL[platform] ?? 0);
  let t = text;
  if (lang === 'fr' && r.chance(0.85)) {
    t = t.replace(/\b([Dd])e Ondaline/g, "$1'Ondaline").replace(/\b([Qq])ue Ondaline/g, "$1u'Ondaline");
  }
  if (casual && r.chance(0.3 * casual)) {
    for (const [re, rep] of lang === 'fr' ? FR_ABBREV : EN_ABBREV) if (r.chance(0.5)) t = t.replace(re, rep);
  }
  if (lang === 'fr' && casual && r.chance(0.18 * casual)) t = stripAccents(t);
  if (casual && r.chance(0.14 * casual)) t = typo(r, t);
  if (casual && r.chance(0.35 * casual) && /^[A-ZÀ-Ý][a-zà-ÿ]/.test(t)) t = t[0].toLowerCase() + t.slice(1);
  if (casual && r.chance(0.5)) t = t.replace(/[.]$/, '');
  if (mood.caps && r.chance(mood.caps * (casual || 0.3))) {
    t = t
      .split(' ')
      .map((w) => (isWordToken(w) ? w.toUpperCase() : w))
      .join(' ');
  }
  if (mood.caps >= 0.05 && r.chance(0.3))
    t = t.replace(/[!?.]*$/, r.pick([' !!!', '!!', ' !!', '!!!!', ' ?!', '!!!']));
  if (mood.emoji && r.chance(0.45 * (casual || 0.2))) {
    const e = r.pick(EMOJI[mood.emoji]);
    t += ' ' + (r.chance(0.25) ? e + e + (r.chance(0.4) ? e : '') : e);
  }
  const tagChance = mood.tags * (TAGGY[platform] ?? 0);
  if (tagChance && r.chance(tagChance)) {
    const pool =
      stage === 'baseline'
        ? HASHTAGS.baseline
        : stage.startsWith('recovery')
          ? HASHTAGS[lang === 'fr' ? 'recovery' : 'recoveryEn']
          : lang === 'fr'
            ? HASHTAGS.outage
            : HASHTAGS.outageEn;
    const tags = new Set([r.pick(pool)]);
    if (r.chance(0.3)) tags.add(r.pick(pool));
    for (const tag of tags) if (!t.toLowerCase().includes(tag.toLowerCase())) t += ' ' + tag;
  }
  return t;
}

/** Collapses the whitespace and punctuation glitches left by empty alternatives. */
export function tidy(s) {
  return s
    .replace(/[ \t]+/g, ' ')
    .replace(/ ([,.])/g, '$1')
    .replace(/,+/g, ',')
    .replace(/^[ ,]+|[ ,]+$/g, '')
    .replace(/\( /g, '(');
}
