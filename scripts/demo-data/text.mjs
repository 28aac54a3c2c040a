// Writes the words: expands a category's templates with per-mention context (platform-specific
// mentions of the brand and of Julie Marchand, time since the outage began), adds human noise and
// keeps texts unique, except for the deliberate copy-paste campaign.

import { expand, pickTemplate } from './random.mjs';
import { COMMON, FR_COMMON, EN_COMMON } from './lexicon.mjs';
import { FR, FR_SLOTS } from './templates-fr.mjs';
import { EN } from './templates-en.mjs';
import { JOURNALISTS } from './press.mjs';
import { OFFICIAL } from './channels.mjs';
import { CAMPAIGN, CAMPAIGN_ORIGIN_H } from './scripted.mjs';
import { humanize, tidy } from './noise.mjs';
import { H, T, stageOf, CATEGORY_WEIGHTS, SOCIAL } from './story.mjs';

const TEMPLATES = { fr: FR, en: EN };

export function createWriter(r) {
  const seenTexts = new Set();

  function durations(lang, t) {
    const minutes = Math.max(10, Math.round((Math.min(t, T.fix) - T.onset) / 60000 / 5) * 5);
    const h = Math.floor(minutes / 60);
    const p = (T.fix - T.onset) / H;
    if (lang === 'fr') {
      const pdur = [`${p}h`, `${p} heures`, 'huit heures', `${p}h`];
      if (t >= T.fix) return { dur: pdur, pdur };
      if (minutes < 60) return { dur: [`${minutes} min`, `${minutes} minutes`], pdur };
      if (h < 2) return { dur: ['1h', 'une heure', "plus d'une heure"], pdur };
      return { dur: [`${h}h`, `${h} heures`, `plus de ${h}h`, `${h}h`], pdur };
    }
    const pdur = [`${p} hours`, `${p}h`, 'eight hours'];
    if (t >= T.fix) return { dur: pdur, pdur };
    if (minutes < 60) return { dur: [`${minutes} minutes`, `${minutes} min`], pdur };
    if (h < 2) return { dur: ['an hour', 'over an hour'], pdur };
    return { dur: [`${h} hours`, `${h}h`, `over ${h} hours`], pdur };
  }

  const BRAND_REF = {
    x: ['@Ondaline', '@Ondaline', '@Ondaline_SAV', 'Ondaline'],
    mastodon: ['@Ondaline', 'Ondaline', 'Ondaline'],
    bluesky: ['@Ondaline', '@ondaline.bsky.social', 'Ondaline', 'Ondaline'],
  };
  const JULIE_REF = {
    x: '@julie_marchand',
    mastodon: '@juliemarchand@mastodon.social',
    bluesky: '@julie-marchand.bsky.social',
  };

  function dictFor(lang, platform, t, extra = {}) {
    return {
      ...COMMON,
      ...(lang === 'fr' ? FR_COMMON : EN_COMMON),
      ...FR_SLOTS,
      ...durations(lang, t),
      o: BRAND_REF[platform] ?? ['Ondaline'],
      O: 'Ondaline',
      jm: JULIE_REF[platform] ?? 'Julie Marchand',
      handle: ['@Ondaline'],
      articleLink: [`https://www.actu-exemple.example/article/panne-ondaline-${r.int(10000, 99999)}`],
      ...extra,
    };
  }

  function campaignText(lang, platform) {
    const social = SOCIAL.has(platform);
    return CAMPAIGN[lang]
      .map((choices) => r.pick(choices))
      .join('')
      .replace('{brand}', social ? '@Ondaline' : 'Ondaline')
      .replace('{brandSav}', social ? '@Ondaline_SAV' : 'Ondaline');
  }

  function writeText(lang, platform, category, t, extra) {
    if (category === 'campaign') return campaignText(lang, platform);
    const stage = stageOf(t);
    const dict = dictFor(lang, platform, t, extra);
    let text = '';
    for (let attempt = 0; attempt < 30; attempt++) {
      text = tidy(expand(r, pickTemplate(r, TEMPLATES[lang][category], t / H), dict));
      text = tidy(humanize(r, text, { lang, platform, category, stage }));
      const mustName = SOCIAL.has(platform) && !['harass', 'savReply'].includes(category);
      if (mustName && !/ondaline/i.test(text))
        text += stage === 'baseline' ? ' #Ondaline' : ' #PanneOndaline';
      if (!seenTexts.has(text.toLowerCase())) break;
    }
    seenTexts.add(text.toLowerCase());
    return text;
  }

  function availableCategories(stage, lang, platform, t) {
    const h = t / H;
    return Object.entries(CATEGORY_WEIGHTS[stage]).filter(([c]) => {
      if (c === 'campaign')
        return (
          h >= CAMPAIGN_ORIGIN_H && ['x', 'facebook', 'mastodon', 'bluesky', 'youtube'].includes(platform)
        );
      if (c === 'harass') return t >= T.pressQuote;
      if (c === 'journalist') return JOURNALISTS.some((j) => j.platform === platform && j.lang === lang);
      if (c === 'savReply') return platform === 'x' && lang === 'fr';
      if (c === 'officialPromo') return lang === 'fr' && !!OFFICIAL[platform];
      return !!TEMPLATES[lang][c];
    });
  }

  /** Calls `make` until it returns a text not used yet (at most 40 times) and records it. */
  function unique(make) {
    let text = '';
    for (let i = 0; i < 40; i++) {
      text = make();
      if (!seenTexts.has(text.toLowerCase())) break;
    }
    seenTexts.add(text.toLowerCase());
    return text;
  }

  return { dictFor, writeText, availableCategories, unique, seen: seenTexts };
}
