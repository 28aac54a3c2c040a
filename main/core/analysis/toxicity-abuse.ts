// Abuse words and phrases found in a post, obfuscation undone (leet-speak, spaced and starred
// letters), harmless expressions left alone; and the other language's strong words.
import type { DetectedLang } from './language';
import type { AbuseCategory, AbuseLexicon, Lang, Lexicons } from './lexicons';
import { matchPhrase } from './sentiment-rules';
import { EMOJI, PUNCT, type Prepared } from './text';
import { escapeRe } from './toxicity-targets';
import { TokenMemo } from './word-memo';

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
};
const LEET_RE = /[0134578@$!|]/g;
const NEEDS_LEET = /[0134578@$!|]/;

/** c0nn4rd → connard; leaves plain words alone. */
export function deleet(w: string): string {
  return NEEDS_LEET.test(w) ? w.replace(LEET_RE, (c) => LEET[c] ?? c) : w;
}

const RANK_CATEGORY: Record<number, AbuseCategory> = {
  4: 'strong',
  3: 'insult',
  2: 'animal',
  1: 'profanity',
};

export interface Hit {
  cat: AbuseCategory | 'phrase';
  word: string;
  at: number;
}

function lookupAbuse(abuse: AbuseLexicon[], w: string): AbuseCategory | undefined {
  for (const a of abuse) {
    const c = a.words.get(w);
    if (c) return c;
  }
  if (w.includes('*') && w.length >= 3) {
    // Starred words: each * stands for one letter ("f***", "enc*les").
    const re = new RegExp(`^${w.split('*').map(escapeRe).join('[a-z]')}$`);
    for (const a of abuse)
      for (const cand of a.byLength.get(w.length) ?? []) if (re.test(cand)) return a.words.get(cand);
  }
  return undefined;
}

/** The abuse lexicons read for one post language, in order, and what they say of each word. */
export interface AbuseSetting {
  abuse: AbuseLexicon[];
  words: TokenMemo<AbuseWord>;
}

/** One token as the abuse check sees it (computed once per distinct token). */
interface AbuseWord {
  /** De-leeted. */
  plain: string;
  /** `plain` begins a phrase. */
  start: boolean;
  /** `plain` (or `plain` without apostrophes) is an abuse word. */
  cat: AbuseCategory | undefined;
}

const settingsByLex = new WeakMap<Lexicons, Map<DetectedLang, AbuseSetting>>();

/**
 * The abuse lexicons for a post's language: its own first, then the other one's (people swear
 * across languages) without the words that are ordinary in the post's language ("retard" is a
 * delay in French); both for "other". Built once per language.
 */
export function abuseSetting(lex: Lexicons, lang: DetectedLang): AbuseSetting {
  let byLang = settingsByLex.get(lex);
  if (!byLang) settingsByLex.set(lex, (byLang = new Map()));
  let s = byLang.get(lang);
  if (!s) {
    const abuse: AbuseLexicon[] =
      lang === 'other'
        ? [lex.abuse.fr, lex.abuse.en]
        : [lex.abuse[lang], crossLanguage(lex, lang === 'fr' ? 'en' : 'fr', lang)];
    // First words of every phrase (abusive or harmless).
    const starts = new Set<string>();
    for (const l of abuse)
      for (const x of [l.phrases, l.benignPhrases]) for (const w of x.phraseStarts) starts.add(w);
    const words = new TokenMemo<AbuseWord>(`abuse/${lang}`, (tok) => {
      const plain = deleet(tok);
      const cat =
        lookupAbuse(abuse, plain) ??
        (plain.includes("'") ? lookupAbuse(abuse, plain.replace(/'/g, '')) : undefined);
      return { plain, start: starts.has(plain), cat };
    });
    byLang.set(lang, (s = { abuse, words }));
  }
  return s;
}

/** Abuse words and phrases in the post, obfuscation undone. */
export function findAbuse(p: Prepared, setting: AbuseSetting): Hit[] {
  const hits: Hit[] = [];
  const { seq, kinds } = p;
  const { abuse } = setting;
  const n = seq.length;
  // De-leeted sequence (emoji and punctuation kept as separators).
  const words = new Array<string>(n);
  const info = new Array<AbuseWord | null>(n);
  for (let i = 0; i < n; i++) {
    if (kinds[i] === EMOJI || kinds[i] === PUNCT) {
      words[i] = '\u0000';
      info[i] = null;
    } else {
      const a = setting.words.get(p.tokens[i]!);
      words[i] = a.plain;
      info[i] = a;
    }
  }
  for (let i = 0; i < n; i++) {
    const a = info[i];
    if (!a) continue;
    const w = a.plain;
    // Harmless expressions that contain abusive words ("ta gueule de bois").
    let benign: [number, number] | null = null;
    let phrase: [number, number] | null = null;
    if (a.start) {
      for (const l of abuse) benign ??= matchPhrase(words, i, l.benignPhrases);
      if (benign) {
        i += benign[1] - 1;
        continue;
      }
      for (const l of abuse) phrase ??= matchPhrase(words, i, l.phrases);
    }
    if (phrase) {
      // Abusive expressions are ranked like strong words; multi-word swearing stays swearing.
      const cat = RANK_CATEGORY[phrase[0]] ?? 'phrase';
      hits.push({
        cat: cat === 'strong' ? 'phrase' : cat,
        word: words.slice(i, i + phrase[1]).join(' '),
        at: i,
      });
      i += phrase[1] - 1;
      continue;
    }
    // Spaced letters: "c o n n a r d".
    if (w.length === 1) {
      let j = i;
      let joined = '';
      while (j < n && words[j]!.length === 1 && words[j] !== '\u0000') joined += words[j++];
      if (j - i >= 3) {
        const cat = lookupAbuse(abuse, joined);
        if (cat) {
          hits.push({ cat, word: joined, at: i });
          i = j - 1;
          continue;
        }
      }
    }
    if (a.cat) hits.push({ cat: a.cat, word: w, at: i });
  }
  return hits;
}

// Abuse words of one language that are ordinary words of the other.
const FALSE_FRIENDS = new Set([
  'retard',
  'retards',
  'retarded',
  'bite',
  'pet',
  'con',
  'cons',
  'tape',
  'gland',
  'manche',
  'douche',
  'pine',
]);
const crossCache = new Map<string, AbuseLexicon>();

/** The other language's strong words and phrases, without its false friends. */
export function crossLanguage(lex: Lexicons, from: Lang, into: DetectedLang): AbuseLexicon {
  const key = `${from}>${into}`;
  let c = crossCache.get(key);
  if (!c) {
    const src = lex.abuse[from];
    const words = new Map<string, AbuseCategory>();
    for (const [w, cat] of src.words) if (cat === 'strong' && !FALSE_FRIENDS.has(w)) words.set(w, cat);
    const byLength = new Map<number, string[]>();
    for (const w of words.keys()) byLength.set(w.length, [...(byLength.get(w.length) ?? []), w]);
    c = { words, phrases: src.phrases, benignPhrases: src.benignPhrases, byLength };
    crossCache.set(key, c);
  }
  return c;
}
