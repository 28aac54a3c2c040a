// Sentiment in -1..1 with a label: the rules (sentiment-rules.ts) blended with the shipped model
// (model.ts, resources/models/sentiment.json). A review's star rating, when there is one, wins.
// Scores are mapped so that "neutral" is exactly the band |score| <= 0.05 the ingest rollups use.
import { SENTIMENT_NEUTRAL_BAND as NEUTRAL_BAND } from '../../../shared/thresholds';
import modelFile from '../../../resources/models/sentiment.json';
import type { DetectedLang } from './language';
import { getLexicons } from './lexicons';
import {
  extractFeatures,
  Features,
  loadModel,
  predict,
  type LoadedModel,
  type ModelFile,
  type SentimentLabel,
} from './model';
import { ruleSentiment, type RuleScore } from './sentiment-rules';
import type { Prepared } from './text';

export type { SentimentLabel };

export interface SentimentResult {
  /** -1..1; |score| <= 0.05 exactly when the label is neutral. */
  score: number;
  label: SentimentLabel;
  /** What the rules said (-1..1) and what the model said (p(pos) - p(neg)). */
  rules: number;
  model: number | null;
  source: 'text' | 'rating';
}

let model: LoadedModel | null | undefined;
let modelError: string | null = null;

/** The shipped model, decoded once; null (rules only) if the file is unusable. */
export function getModel(): LoadedModel | null {
  if (model !== undefined) return model;
  try {
    model = loadModel(modelFile as unknown as ModelFile);
  } catch (err) {
    modelError = err instanceof Error ? err.message : String(err);
    model = null;
  }
  return model;
}

/** Why the model could not be used, if it could not. */
export function modelProblem(): string | null {
  getModel();
  return modelError;
}

const RULES_ONLY_BLEND = { model: 0, negative: 0.2, positive: 0.2 };
const features = new Features();
const probs = new Float64Array(3);

/** Blended score → label and the output scale (neutral inside ±NEUTRAL_BAND). */
export function labelScore(
  raw: number,
  negT: number,
  posT: number,
): { score: number; label: SentimentLabel } {
  if (raw <= -negT) {
    const t = (-raw - negT) / Math.max(1e-9, 1 - negT);
    return { score: -(NEUTRAL_BAND + 0.01 + Math.min(1, t) * (0.99 - NEUTRAL_BAND)), label: 'negative' };
  }
  if (raw >= posT) {
    const t = (raw - posT) / Math.max(1e-9, 1 - posT);
    return { score: NEUTRAL_BAND + 0.01 + Math.min(1, t) * (0.99 - NEUTRAL_BAND), label: 'positive' };
  }
  const scaled = raw < 0 ? (raw / negT) * NEUTRAL_BAND : (raw / posT) * NEUTRAL_BAND;
  return { score: scaled, label: 'neutral' };
}

/** A star rating (1..5) as a sentiment: 1 → -0.9, 3 → neutral, 5 → 0.9. */
export function ratingSentiment(rating: number): { score: number; label: SentimentLabel } {
  const r = Math.min(5, Math.max(1, Math.round(rating)));
  if (r === 3) return { score: 0, label: 'neutral' };
  const score = [-0.9, -0.5, 0, 0.5, 0.9][r - 1]!;
  return { score, label: score < 0 ? 'negative' : 'positive' };
}

export interface SentimentOptions {
  rating?: number | null;
  /** Skip the model (the rules alone), e.g. for the eval's ablation. */
  rulesOnly?: boolean;
  /** Precomputed rule score, to avoid running the rules twice. */
  ruleScore?: RuleScore;
}

export function scoreSentiment(
  p: Prepared,
  lang: DetectedLang,
  opts: SentimentOptions = {},
): SentimentResult {
  const rules = opts.ruleScore ?? ruleSentiment(p, lang, getLexicons());
  // A review's stars decide its sentiment: the text model's opinion would be discarded.
  if (opts.rating != null && opts.rating >= 1 && opts.rating <= 5) {
    return { ...ratingSentiment(opts.rating), rules: rules.compound, model: null, source: 'rating' };
  }
  const m = opts.rulesOnly ? null : getModel();
  let modelScore: number | null = null;
  let raw = rules.compound;
  let blend = RULES_ONLY_BLEND;
  if (m) {
    extractFeatures(p, lang, rules, m.dim, features);
    predict(m, features, probs);
    modelScore = probs[2]! - probs[0]!;
    blend = m.blend;
    raw = blend.model * modelScore + (1 - blend.model) * rules.compound;
  }
  const { score, label } = labelScore(raw, blend.negative, blend.positive);
  return { score, label, rules: rules.compound, model: modelScore, source: 'text' };
}
