// The rule half of sentiment: lexicon valence (words, phrases, emoji) adjusted by negation,
// intensifiers, diminishers, contrast ("mais", "but"), capitals, stretched letters and "!!!",
// and turned around by irony markers. VADER-style: contributions are summed, then squashed to -1..1.
import type { DetectedLang } from './language';
import { getLexicons, type Lang, type Lexicons, type RuleWords, type ValenceLexicon } from './lexicons';
import { EMOJI, PUNCT, type Prepared } from './text';

export interface RuleScore {
  /** -1..1 */
  compound: number;
  /** Sum of the positive and of the negative contributions (after modifiers), in lexicon units. */
  pos: number;
  neg: number;
  emojiPos: number;
  emojiNeg: number;
  /** Irony cues found (praise turned to blame, "merci pour rien"...). */
  irony: number;
  negations: number;
  /** Lexicon entries matched. */
  hits: number;
  /** seq index → the token is inside a negation's scope (for the model's features). */
  negated: boolean[];
}

const NEGATION_SCOPE = 3;
const NEGATION_FACTOR = -0.6;
const CAPS_BOOST = 0.3;
const STRETCH_BOOST = 0.2;
const EXCLAM_STEP = 0.3;
const ALPHA = 15;
const EYEROLL = new Set(['🙄', '🙃', '😒', '😑', '🤡', '😏', '🤦']);
const CLAP = '👏';

/** Finds the longest phrase of `lex` starting at i; returns [value, length] or null. */
export function matchPhrase(seq: string[], i: number, lex: ValenceLexicon): [number, number] | null {
  if (!lex.phraseStarts.has(seq[i]!)) return null;
  // Grow the key word by word while it still begins some phrase; the longest match wins.
  const prefixes = phrasePrefixes(lex);
  const max = Math.min(lex.maxPhrase, seq.length - i);
  let key = seq[i]!;
  let best: [number, number] | null = null;
  for (let n = 2; n <= max; n++) {
    key += ' ' + seq[i + n - 1]!;
    const v = lex.phrases.get(key);
    if (v !== undefined) best = [v, n];
    if (!prefixes.has(key)) break;
  }
  return best;
}

const prefixCache = new WeakMap<ValenceLexicon, { size: number; set: Set<string> }>();

/** Every proper prefix (2+ words) of the lexicon's phrases (rebuilt if phrases were added since). */
function phrasePrefixes(lex: ValenceLexicon): Set<string> {
  const cached = prefixCache.get(lex);
  if (cached && cached.size === lex.phrases.size) return cached.set;
  const set = new Set<string>();
  for (const phrase of lex.phrases.keys()) {
    const words = phrase.split(' ');
    for (let n = 2; n < words.length; n++) set.add(words.slice(0, n).join(' '));
  }
  prefixCache.set(lex, { size: lex.phrases.size, set });
  return set;
}

/** Looks a word up, then its plural-less and feminine-less forms. */
export function lookupWord(words: Map<string, number>, w: string): number | undefined {
  const v = words.get(w);
  if (v !== undefined) return v;
  const n = w.length;
  if (n > 3) {
    const last = w.charCodeAt(n - 1);
    if (last === 115 /* s */ || last === 120 /* x */) {
      const s = words.get(w.slice(0, -1));
      if (s !== undefined) return s;
      if (w.endsWith('es')) return words.get(w.slice(0, -2));
    } else if (last === 101 /* e */) return words.get(w.slice(0, -1));
  }
  return undefined;
}

function isNegator(w: string, rules: RuleWords[]): boolean {
  if (w === "n'" || w === 'ne' || w.endsWith("n't")) return true;
  for (const r of rules) if (r.negators.has(w)) return true;
  return false;
}

/** Rule-based sentiment of a prepared post. `lang` other reads both lexicons. */
export function ruleSentiment(p: Prepared, lang: DetectedLang, lex: Lexicons = getLexicons()): RuleScore {
  const langs: Lang[] = lang === 'other' ? ['fr', 'en'] : [lang];
  const rules = langs.map((l) => lex.rules[l]);
  const starts = phraseStartsFor(lex, lang);
  const { seq, kinds } = p;
  const n = seq.length;
  const val = new Array<number>(n).fill(0);
  const negated = new Array<boolean>(n).fill(false);
  const praiseAt: number[] = [];
  let negScope = 0;
  let boost = 0;
  let boostLeft = 0;
  let negations = 0;
  let irony = 0;
  let hits = 0;
  let contrastAt = -1;
  const allCaps = p.capsWords >= 2 && p.capsWords >= p.wordCount * 0.6;

  for (let i = 0; i < n; i++) {
    const tok = seq[i]!;
    const kind = kinds[i];
    if (kind === PUNCT) {
      negScope = 0;
      boost = 0;
      continue;
    }
    if (kind === EMOJI) {
      const v = lex.emoji.get(tok);
      if (v !== undefined) {
        val[i] = v;
        hits++;
      }
      continue;
    }
    const mayStartPhrase = starts.has(tok);
    // Irony set phrases ("merci pour rien", "thanks for nothing").
    let ironic: [number, number] | null = null;
    if (mayStartPhrase) for (const r of rules) ironic ??= matchPhrase(seq, i, r.ironyPhrases);
    if (ironic) {
      val[i] = -2.5;
      irony++;
      hits++;
      i += ironic[1] - 1;
      continue;
    }
    // Phrases of the sentiment lexicon ("pas terrible", "not bad", "ras le bol").
    let phrase: [number, number] | null = null;
    if (mayStartPhrase) for (const l of langs) phrase ??= matchPhrase(seq, i, lex.sentiment[l]);
    if (phrase) {
      let v = phrase[0];
      if (boostLeft > 0) v *= 1 + boost;
      if (negScope > 0 && !isNegator(tok, rules)) {
        v *= NEGATION_FACTOR;
        negated[i] = true;
      }
      val[i] = v;
      hits++;
      if (isPraise(seq, i, rules)) praiseAt.push(i);
      i += phrase[1] - 1;
      negScope = 0;
      boost = 0;
      continue;
    }
    if (
      contrastAt < i &&
      (mayStartPhrase || rules.some((r) => r.contrast.words.has(tok))) &&
      isContrast(seq, i, rules)
    ) {
      contrastAt = i;
    }
    if (isNegator(tok, rules)) {
      negScope = tok === "n'" || tok === 'ne' ? NEGATION_SCOPE + 1 : NEGATION_SCOPE;
      negations++;
      continue;
    }
    // Intensifier or diminisher, when a valenced word follows ("super lent", "un peu cher").
    let mod: number | undefined;
    for (const r of rules) mod ??= r.intensifiers.words.get(tok) ?? r.diminishers.words.get(tok);
    if (mod !== undefined && i + 1 < n && hasValence(seq[i + 1]!, langs, lex)) {
      boost += mod;
      boostLeft = 2;
      if (negScope > 0) negScope++;
      continue;
    }
    let v: number | undefined;
    for (const l of langs) v ??= lookupWord(lex.sentiment[l].words, tok);
    if (v !== undefined && v !== 0) {
      hits++;
      if (boostLeft > 0) v *= Math.max(0.2, 1 + boost);
      if (p.caps[i] && !allCaps) v *= 1 + CAPS_BOOST;
      if (p.stretched[i]) v *= 1 + STRETCH_BOOST;
      if (negScope > 0) {
        v *= NEGATION_FACTOR;
        negated[i] = true;
      }
      val[i] = v;
      if (isPraise(seq, i, rules)) praiseAt.push(i);
      boost = 0;
      boostLeft = 0;
    } else if (negScope > 0) negated[i] = true;
    if (negScope > 0) negScope--;
    if (boostLeft > 0 && --boostLeft === 0) boost = 0;
  }

  // Contrast: what follows "mais"/"but" weighs more than what precedes it.
  if (contrastAt > 0) {
    for (let i = 0; i < n; i++) val[i]! *= i < contrastAt ? 0.5 : 1.5;
  }

  // Irony: praise next to eye-rolls, a trailing "...", or a negative situation.
  if (praiseAt.length > 0) {
    let negContext = 0;
    for (let i = 0; i < n; i++) if (val[i]! < 0 && !praiseAt.includes(i)) negContext += val[i]!;
    const eyeroll = p.emoji.some((e) => EYEROLL.has(e));
    const claps = p.emoji.filter((e) => e === CLAP).length;
    for (const i of praiseAt) {
      const trailingDots = seq[i + 1] === '...' || (i + 2 < n && seq[i + 2] === '...');
      if (eyeroll || trailingDots || negContext <= -1.5 || (claps >= 1 && negContext < 0)) {
        val[i] = -Math.max(1.5, Math.abs(val[i]!));
        irony++;
      }
    }
    if (irony > 0) for (let i = 0; i < n; i++) if (seq[i] === CLAP) val[i] = -1;
  }

  let sum = 0;
  let pos = 0;
  let neg = 0;
  let emojiPos = 0;
  let emojiNeg = 0;
  for (let i = 0; i < n; i++) {
    const v = val[i]!;
    if (v === 0) continue;
    sum += v;
    if (v > 0) pos += v;
    else neg += v;
    if (kinds[i] === EMOJI) {
      if (v > 0) emojiPos += v;
      else emojiNeg += v;
    }
  }
  // "!!!" and shouting amplify whatever the words say.
  if (sum !== 0) {
    const amp = Math.min(p.exclam, 4) * EXCLAM_STEP + (allCaps ? 0.5 : 0);
    sum += sum > 0 ? amp : -amp;
  }
  const compound = sum / Math.sqrt(sum * sum + ALPHA);
  return { compound, pos, neg, emojiPos, emojiNeg, irony, negations, hits, negated };
}

const startsByLang = new WeakMap<Lexicons, Map<string, Set<string>>>();

/** First words of every multi-word entry the rules look for, per language setting. */
function phraseStartsFor(lex: Lexicons, lang: DetectedLang): Set<string> {
  let byLang = startsByLang.get(lex);
  if (!byLang) startsByLang.set(lex, (byLang = new Map()));
  let set = byLang.get(lang);
  if (!set) {
    set = new Set<string>();
    for (const l of lang === 'other' ? (['fr', 'en'] as const) : [lang]) {
      const r = lex.rules[l];
      for (const x of [lex.sentiment[l], r.ironyPhrases, r.contrast])
        for (const w of x.phraseStarts) set.add(w);
    }
    byLang.set(lang, set);
  }
  return set;
}

function hasValence(w: string, langs: Lang[], lex: Lexicons): boolean {
  for (const l of langs) {
    const s = lex.sentiment[l];
    if (lookupWord(s.words, w) !== undefined || s.phraseStarts.has(w)) return true;
  }
  return false;
}

function isPraise(seq: string[], i: number, rules: RuleWords[]): boolean {
  for (const r of rules) {
    if (r.ironyPraise.words.has(seq[i]!) || matchPhrase(seq, i, r.ironyPraise)) return true;
  }
  return false;
}

function isContrast(seq: string[], i: number, rules: RuleWords[]): boolean {
  for (const r of rules) {
    if (r.contrast.words.has(seq[i]!) || matchPhrase(seq, i, r.contrast)) return true;
  }
  return false;
}
