// What the ingest stores about each mention: the analysis of its text (same code as `vigie analyze`)
// plus the stored language (the platform's own field wins when it gives one).
import { analyzeText, type AnalyzeOptions } from './index';

export interface MentionAnalysis {
  /** Platform field ("fr", "pt") when given, otherwise detected: fr / en / other. */
  lang: string;
  sentiment: number;
  toxicity: number;
  reasons: string[];
  crisisTerms: string[];
  aimedAt: 'person' | 'people' | null;
  targets: string[];
}

export interface AnalyzableMention {
  text: string;
  lang: string | null;
  rating: number | null;
}

const PRIMARY_TAG = /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/i;

/** "en-US" → "en"; anything that is not a language tag → null (then the text decides). */
export function platformLanguage(lang: string | null | undefined): string | null {
  const m = lang ? PRIMARY_TAG.exec(lang.trim()) : null;
  return m ? m[1]!.toLowerCase() : null;
}

export function analyzeMention(
  m: AnalyzableMention,
  opts: Pick<AnalyzeOptions, 'context' | 'crisis'> = {},
): MentionAnalysis {
  const own = platformLanguage(m.lang);
  // Named fields, not a spread: one object shape on the hot path.
  const a = analyzeText(m.text, {
    context: opts.context,
    crisis: opts.crisis,
    platformLang: own,
    rating: m.rating,
  });
  return {
    lang: own ?? a.lang,
    sentiment: a.sentiment,
    toxicity: a.toxicity,
    reasons: a.reasons,
    crisisTerms: a.crisisTerms,
    aimedAt: a.aimedAt,
    targets: a.targets,
  };
}
