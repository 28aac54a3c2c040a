// The rule half of sentiment: lexicon valence (words, phrases, emoji) adjusted by negation,
// intensifiers, diminishers, contrast ("mais", "but"), capitals, stretched letters and "!!!",
// and turned around by irony markers. VADER-style: contributions are summed, then squashed to -1..1.
import type { DetectedLang } from './language';
import { getLexicons, type Lang, type Lexicons, type RuleWords, type ValenceLexicon } from './lexicons';
import { EMOJI, PUNCT, type Prepared } from './text';
import { TokenMemo } from './word-memo';

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
  // Walk the phrases' word tree while the words still begin some phrase; the longest match wins.
  let node: PhraseNode | undefined = phraseTree(lex).get(seq[i]!);
  if (!node) return null;
  const max = Math.min(lex.maxPhrase, seq.length - i);
  let best: [number, number] | null = null;
  for (let n = 2; n <= max; n++) {
    const child: PhraseNode | undefined = node.next?.get(seq[i + n - 1]!);
    if (!child) break;
    if (child.value !== undefined) best = [child.value, n];
    node = child;
  }
  return best;
}

/** One word of a phrase tree: the phrase's value if the words so far make one, and what may follow. */
interface PhraseNode {
  value: number | undefined;
  next: Map<string, PhraseNode> | null;
}

const treeCache = new WeakMap<ValenceLexicon, { size: number; root: Map<string, PhraseNode> }>();

/** The lexicon's phrases as a tree of words (rebuilt if phrases were added since). */
function phraseTree(lex: ValenceLexicon): Map<string, PhraseNode> {
  const cached = treeCache.get(lex);
  if (cached && cached.size === lex.phrases.size) return cached.root;
  const root = new Map<string, PhraseNode>();
  for (const [phrase, value] of lex.phrases) {
    let level = root;
    let node: PhraseNode | undefined;
    for (const w of phrase.split(' ')) {
      if (node) level = node.next ??= new Map();
      node = level.get(w);
      if (!node) level.set(w, (node = { value: undefined, next: null }));
    }
    if (node) node.value = value;
  }
  treeCache.set(lex, { size: lex.phrases.size, root });
  return root;
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

// What a word is to the rules (bits of WordRule.flags).
/** Begins an irony phrase ("merci pour rien"). */
const IRONY_START = 1;
/** Begins a phrase of the sentiment lexicon. */
const PHRASE_START = 2;
const CONTRAST_WORD = 4;
/** Begins a contrast phrase. */
const CONTRAST_START = 8;
const NEGATOR = 16;
/** Praise that irony may turn around ("bravo"). */
const PRAISE_WORD = 32;
const PRAISE_START = 64;
/** Has a valence or begins a sentiment phrase: an intensifier before it counts. */
const VALENCED = 128;

/** One word as the rules see it, for one language setting. */
interface WordRule {
  flags: number;
  /** Its lexicon valence (plural and feminine forms too), if any. */
  value: number | undefined;
  /** Its weight as an intensifier or diminisher, if it is one. */
  mod: number | undefined;
}

/** The lexicons one language setting reads (both for "other"), and its word memo. */
interface RuleSetting {
  rules: RuleWords[];
  sentiment: ValenceLexicon[];
  words: TokenMemo<WordRule>;
}

const settingsByLex = new WeakMap<Lexicons, Map<DetectedLang, RuleSetting>>();

function settingFor(lex: Lexicons, lang: DetectedLang): RuleSetting {
  let byLang = settingsByLex.get(lex);
  if (!byLang) settingsByLex.set(lex, (byLang = new Map()));
  let s = byLang.get(lang);
  if (!s) {
    const langs: Lang[] = lang === 'other' ? ['fr', 'en'] : [lang];
    const rules = langs.map((l) => lex.rules[l]);
    const sentiment = langs.map((l) => lex.sentiment[l]);
    s = { rules, sentiment, words: new TokenMemo(`rules/${lang}`, (w) => wordRule(w, rules, sentiment)) };
    byLang.set(lang, s);
  }
  return s;
}

/** Every lexicon lookup the rules make for a word, made once (lexicons in order: first answer wins). */
function wordRule(w: string, rules: RuleWords[], sentiment: ValenceLexicon[]): WordRule {
  let flags = 0;
  let value: number | undefined;
  let mod: number | undefined;
  for (const s of sentiment) {
    value ??= lookupWord(s.words, w);
    if (s.phraseStarts.has(w)) flags |= PHRASE_START;
  }
  for (const r of rules) {
    mod ??= r.intensifiers.words.get(w) ?? r.diminishers.words.get(w);
    if (r.ironyPhrases.phraseStarts.has(w)) flags |= IRONY_START;
    if (r.contrast.words.has(w)) flags |= CONTRAST_WORD;
    if (r.contrast.phraseStarts.has(w)) flags |= CONTRAST_START;
    if (r.ironyPraise.words.has(w)) flags |= PRAISE_WORD;
    if (r.ironyPraise.phraseStarts.has(w)) flags |= PRAISE_START;
  }
  if (isNegator(w, rules)) flags |= NEGATOR;
  if (value !== undefined || flags & PHRASE_START) flags |= VALENCED;
  return { flags, value, mod };
}

/** Valence per token, reused from post to post (the rules run on one post at a time). */
let valScratch = new Float64Array(64);

/** Rule-based sentiment of a prepared post. `lang` other reads both lexicons. */
export function ruleSentiment(p: Prepared, lang: DetectedLang, lex: Lexicons = getLexicons()): RuleScore {
  const setting = settingFor(lex, lang);
  const { rules, sentiment, words } = setting;
  const { seq, tokens, kinds } = p;
  const n = seq.length;
  if (valScratch.length < n) valScratch = new Float64Array(n * 2);
  const val = valScratch.fill(0, 0, n);
  const negated = new Array<boolean>(n).fill(false);
  let praiseAt: number[] | null = null;
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
    const word = words.get(tokens[i]!);
    const flags = word.flags;
    // Irony set phrases ("merci pour rien", "thanks for nothing").
    let ironic: [number, number] | null = null;
    if (flags & IRONY_START) for (const r of rules) ironic ??= matchPhrase(seq, i, r.ironyPhrases);
    if (ironic) {
      val[i] = -2.5;
      irony++;
      hits++;
      i += ironic[1] - 1;
      continue;
    }
    // Phrases of the sentiment lexicon ("pas terrible", "not bad", "ras le bol").
    let phrase: [number, number] | null = null;
    if (flags & PHRASE_START) for (const s of sentiment) phrase ??= matchPhrase(seq, i, s);
    if (phrase) {
      let v = phrase[0];
      if (boostLeft > 0) v *= 1 + boost;
      if (negScope > 0 && !(flags & NEGATOR)) {
        v *= NEGATION_FACTOR;
        negated[i] = true;
      }
      val[i] = v;
      hits++;
      if (isPraise(seq, i, flags, rules)) (praiseAt ??= []).push(i);
      i += phrase[1] - 1;
      negScope = 0;
      boost = 0;
      continue;
    }
    if (contrastAt < i && isContrast(seq, i, flags, rules)) contrastAt = i;
    if (flags & NEGATOR) {
      negScope = tok === "n'" || tok === 'ne' ? NEGATION_SCOPE + 1 : NEGATION_SCOPE;
      negations++;
      continue;
    }
    // Intensifier or diminisher, when a valenced word follows ("super lent", "un peu cher").
    const mod = word.mod;
    if (mod !== undefined && i + 1 < n && words.get(tokens[i + 1]!).flags & VALENCED) {
      boost += mod;
      boostLeft = 2;
      if (negScope > 0) negScope++;
      continue;
    }
    let v = word.value;
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
      if (isPraise(seq, i, flags, rules)) (praiseAt ??= []).push(i);
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
  if (praiseAt !== null) {
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

function isPraise(seq: string[], i: number, flags: number, rules: RuleWords[]): boolean {
  if (flags & PRAISE_WORD) return true;
  if (flags & PRAISE_START) for (const r of rules) if (matchPhrase(seq, i, r.ironyPraise)) return true;
  return false;
}

function isContrast(seq: string[], i: number, flags: number, rules: RuleWords[]): boolean {
  if (flags & CONTRAST_WORD) return true;
  if (flags & CONTRAST_START) for (const r of rules) if (matchPhrase(seq, i, r.contrast)) return true;
  return false;
}
