// Suggested crisis level (veille / alerte / crise / crise_majeure) from configurable thresholds,
// with its reasons: codes and numbers the UI translates, plus ready FR and EN sentences. The
// analysis suggests; a person decides (main/core/crisis/levels.ts records the decision).
import { counted } from '../../../shared/plural';
import { reasonNumber, reasonPercent } from './reason-numbers';

export interface LevelInput {
  /** Mentions per minute over the recent window, and what is usual for this stream. */
  perMinute: number;
  baselinePerMinute: number;
  /** Share of negative mentions in the window (0..1). */
  negShare: number;
  /** Toxic mentions in the window. */
  toxic: number;
  /** Abuse aimed at one person (protected people, team, any individual) in the window. */
  targeted: number;
  /** Reach summed over the window. */
  reach: number;
  /** Share of mentions using crisis vocabulary (0..1). */
  crisisShare: number;
  /** Crisis terms seen in the window with their counts (legal, data, safety terms weigh more). */
  crisisTerms?: Record<string, number>;
  /** Spike alerts raised in the window. */
  alerts?: number;
}

/** One rule: when `metric` reaches `at`, add `points`. */
export interface LevelRule {
  metric:
    'volumeRatio' | 'negShare' | 'toxic' | 'targeted' | 'reach' | 'crisisShare' | 'severeTerms' | 'alerts';
  at: number;
  points: number;
}

export interface LevelThresholds {
  rules: LevelRule[];
  /** Points needed for each level above veille, lowest first. */
  levels: { id: string; minPoints: number }[];
  /** Terms that weigh more than others (legal action, data breach, safety). */
  severeTerms: string[];
  /** Below this many mentions per minute, volume ratios are not trusted. */
  minPerMinute: number;
}

export const DEFAULT_LEVEL_THRESHOLDS: LevelThresholds = {
  rules: [
    { metric: 'volumeRatio', at: 3, points: 1 },
    { metric: 'volumeRatio', at: 8, points: 2 },
    { metric: 'volumeRatio', at: 20, points: 3 },
    { metric: 'negShare', at: 0.5, points: 1 },
    { metric: 'negShare', at: 0.7, points: 2 },
    { metric: 'toxic', at: 5, points: 1 },
    { metric: 'toxic', at: 20, points: 2 },
    { metric: 'targeted', at: 1, points: 1 },
    { metric: 'targeted', at: 5, points: 2 },
    { metric: 'reach', at: 100_000, points: 1 },
    { metric: 'reach', at: 1_000_000, points: 2 },
    { metric: 'crisisShare', at: 0.2, points: 1 },
    { metric: 'crisisShare', at: 0.4, points: 2 },
    { metric: 'severeTerms', at: 3, points: 1 },
    { metric: 'alerts', at: 1, points: 1 },
  ],
  levels: [
    { id: 'alerte', minPoints: 3 },
    { id: 'crise', minPoints: 6 },
    { id: 'crise_majeure', minPoints: 10 },
  ],
  severeTerms: [
    'action de groupe',
    'class action',
    'plainte',
    'lawsuit',
    'fuite de données',
    'data breach',
    'danger',
    'harcèlement',
    'harassment',
  ],
  minPerMinute: 0.5,
};

export interface LevelReason {
  code: string;
  value: number;
  threshold: number;
  points: number;
  text: { fr: string; en: string };
}

export interface LevelSuggestionResult {
  level: string;
  score: number;
  reasons: LevelReason[];
  /** The reasons as sentences in one language, for LevelsService.accept({level, reasons}). */
  reasonTexts(lang: 'fr' | 'en'): string[];
}

const pct = (x: number) => ({ fr: reasonPercent('fr', x), en: reasonPercent('en', x) });
const num = (x: number) => ({ fr: reasonNumber('fr', x), en: reasonNumber('en', x) });
/** "1 attaque visant une personne", "3 attaques…": counts agree with their noun. */
const words = (lang: 'fr' | 'en', n: number, one: string, other: string) =>
  counted(lang, n, one, other).replace(/^\S+/, reasonNumber(lang, n));

function describe(metric: LevelRule['metric'], value: number, at: number): { fr: string; en: string } {
  switch (metric) {
    case 'volumeRatio':
      return {
        fr: `Volume ×${num(value).fr} par rapport à l'habitude (seuil ×${at})`,
        en: `Volume ×${num(value).en} the usual (threshold ×${at})`,
      };
    case 'negShare':
      return {
        fr: `${pct(value).fr} de mentions négatives (seuil ${pct(at).fr})`,
        en: `${pct(value).en} negative mentions (threshold ${pct(at).en})`,
      };
    case 'toxic':
      return {
        fr: `${words('fr', value, 'message toxique', 'messages toxiques')} (seuil ${at})`,
        en: `${words('en', value, 'toxic post', 'toxic posts')} (threshold ${at})`,
      };
    case 'targeted':
      return {
        fr: `${words('fr', value, 'attaque visant une personne', 'attaques visant une personne')} (seuil ${at})`,
        en: `${words('en', value, 'attack aimed at a person', 'attacks aimed at a person')} (threshold ${at})`,
      };
    case 'reach':
      return {
        fr: `Portée cumulée ${num(value).fr} (seuil ${num(at).fr})`,
        en: `Total reach ${num(value).en} (threshold ${num(at).en})`,
      };
    case 'crisisShare':
      return {
        fr: `${pct(value).fr} des mentions emploient le vocabulaire de crise (seuil ${pct(at).fr})`,
        en: `${pct(value).en} of mentions use crisis vocabulary (threshold ${pct(at).en})`,
      };
    case 'severeTerms':
      return {
        fr: `${words('fr', value, 'mention de termes graves', 'mentions de termes graves')} (plainte, fuite de données, danger…) (seuil ${at})`,
        en: `${words('en', value, 'mention of severe terms', 'mentions of severe terms')} (lawsuit, data breach, danger…) (threshold ${at})`,
      };
    case 'alerts':
      return {
        fr: words('fr', value, 'alerte de pic en cours', 'alertes de pic en cours'),
        en: words('en', value, 'spike alert running', 'spike alerts running'),
      };
  }
}

/** Suggests a level: each metric scores the points of the highest rule it reaches. */
export function suggestLevel(
  input: LevelInput,
  thresholds: LevelThresholds = DEFAULT_LEVEL_THRESHOLDS,
): LevelSuggestionResult {
  const severe = new Set(thresholds.severeTerms);
  const values: Record<LevelRule['metric'], number> = {
    volumeRatio:
      input.perMinute >= thresholds.minPerMinute
        ? input.perMinute / Math.max(input.baselinePerMinute, 0.05)
        : 0,
    negShare: input.negShare,
    toxic: input.toxic,
    targeted: input.targeted,
    reach: input.reach,
    crisisShare: input.crisisShare,
    severeTerms: Object.entries(input.crisisTerms ?? {}).reduce(
      (n, [t, c]) => (severe.has(t) ? n + c : n),
      0,
    ),
    alerts: input.alerts ?? 0,
  };
  const best = new Map<LevelRule['metric'], LevelRule>();
  for (const rule of thresholds.rules) {
    if (values[rule.metric] < rule.at) continue;
    const cur = best.get(rule.metric);
    if (!cur || rule.points > cur.points) best.set(rule.metric, rule);
  }
  const reasons: LevelReason[] = [...best.values()]
    .sort((a, b) => b.points - a.points)
    .map((rule) => ({
      code: `${rule.metric}_over`,
      value: Math.round(values[rule.metric] * 1000) / 1000,
      threshold: rule.at,
      points: rule.points,
      text: describe(rule.metric, values[rule.metric], rule.at),
    }));
  const score = reasons.reduce((n, r) => n + r.points, 0);
  let level = 'veille';
  for (const l of thresholds.levels) if (score >= l.minPoints) level = l.id;
  return { level, score, reasons, reasonTexts: (lang) => reasons.map((r) => r.text[lang]) };
}
