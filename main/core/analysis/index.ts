// The analysis stage of the ingest pipeline, offline and in-process:
//   analyzeText(text, {platformLang, context, rating}) → {lang, sentiment, label, toxicity, reasons, crisisTerms, ...}
//   analyzeBatch(items, options)                        → the same for many posts
//   analyzeCli(lines)                                    → what `vigie analyze` prints, one object per line
// Everything here is synchronous and allocation-light: it runs on the ingest hot path.
import { defaultCrisisMatcher, type CrisisMatcher } from './crisis-words';
import { detectLanguage, type DetectedLang } from './language';
import { getLexicons } from './lexicons';
import { scoreSentiment, type SentimentLabel } from './sentiment';
import { ruleSentiment } from './sentiment-rules';
import { prepare } from './text';
import { scoreToxicity, type ToxicityContext, type ToxicityReason } from './toxicity';

export type { DetectedLang, SentimentLabel, ToxicityContext, ToxicityReason };
export type { Person } from './toxicity';
export {
  createCrisisMatcher,
  defaultCrisisMatcher,
  type CrisisMatcher,
  type CrisisTermDef,
} from './crisis-words';
export { NearDuplicateClusterer, type ClusterAssignment, type ClustererOptions } from './near-duplicates';
export { SpikeDetector, detectSpikes, type MinuteRollup, type SpikeAlert, type SpikeOptions } from './spikes';
export { suggestLevel, DEFAULT_LEVEL_THRESHOLDS, type LevelInput, type LevelSuggestionResult } from './level';
export { topTerms, topHashtags } from './top-terms';

export interface AnalyzeOptions {
  /** The platform's own language field ("fr", "en-US"...), when it has one. */
  platformLang?: string | null;
  /** Protected people, team members and brand accounts, for person-targeted abuse. */
  context?: ToxicityContext;
  /** A review's star rating (1..5): it sets the sentiment. */
  rating?: number | null;
  /** A team's own crisis lexicon; the default one otherwise. */
  crisis?: CrisisMatcher;
}

export interface Analysis {
  lang: DetectedLang;
  /** -1..1; |sentiment| <= 0.05 when the label is neutral. */
  sentiment: number;
  label: SentimentLabel;
  /** 0..1; >= 0.5 counts as toxic. */
  toxicity: number;
  reasons: ToxicityReason[];
  crisisTerms: string[];
  /** Protected people and team members named or tagged in the post. */
  targets: string[];
  /** Abuse aimed at one person, at people, or none. */
  aimedAt: 'person' | 'people' | null;
}

/** Analyzes one post. */
/** The sentiment of a text with an insult or a threat: at most this (a clear negative). */
const HOSTILE_CEILING = -0.4;

export function analyzeText(text: string, opts: AnalyzeOptions = {}): Analysis {
  const lex = getLexicons();
  const p = prepare(text, lex.vocabulary);
  const lang = detectLanguage(p, opts.platformLang, false).lang;
  const ruleScore = ruleSentiment(p, lang, lex);
  const s = scoreSentiment(p, lang, { rating: opts.rating, ruleScore });
  const t = scoreToxicity(p, lang, opts.context, lex);
  const crisis = (opts.crisis ?? defaultCrisisMatcher()).match(p);
  // An insult or a threat is never neutral, whatever the rest of the words say ("vous êtes des
  // connards, remboursez !" read as neutral). A review's star rating still decides its own.
  const hostile =
    opts.rating == null &&
    s.score > HOSTILE_CEILING &&
    (t.reasons.includes('insult') || t.reasons.includes('threat'));
  return {
    lang,
    sentiment: hostile ? HOSTILE_CEILING : s.score,
    label: hostile ? 'negative' : s.label,
    toxicity: t.score,
    reasons: t.reasons,
    crisisTerms: crisis,
    targets: t.targets,
    aimedAt: t.aimedAt,
  };
}

export interface BatchItem {
  text: string;
  lang?: string | null;
  rating?: number | null;
}

/** Analyzes many posts with shared options (each item may carry its platform language and rating). */
export function analyzeBatch(
  items: readonly BatchItem[],
  opts: Omit<AnalyzeOptions, 'platformLang' | 'rating'> = {},
): Analysis[] {
  const out = new Array<Analysis>(items.length);
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    out[i] = analyzeText(it.text, { ...opts, platformLang: it.lang ?? null, rating: it.rating ?? null });
  }
  return out;
}

/** What `vigie analyze` prints per line; these keys first, in this order. */
export interface CliRecord {
  lang: DetectedLang;
  sentiment: number;
  label: SentimentLabel;
  toxicity: number;
  reasons: ToxicityReason[];
  crisisTerms: string[];
}

const round2 = (x: number) => Math.round(x * 100) / 100 || 0;

/** One record per input line (empty lines give a neutral record, so outputs stay aligned). */
export function analyzeCli(lines: readonly string[], opts: AnalyzeOptions = {}): CliRecord[] {
  return lines.map((line) => {
    const a = analyzeText(line, opts);
    return {
      lang: a.lang,
      sentiment: round2(a.sentiment),
      label: a.label,
      toxicity: round2(a.toxicity),
      reasons: a.reasons,
      crisisTerms: a.crisisTerms,
    };
  });
}
