// Abuse words and phrases found in a post, obfuscation undone (leet-speak, spaced and starred
// letters), harmless expressions left alone; and the other language's strong words.
import type { DetectedLang } from './language';
import type { AbuseCategory, AbuseLexicon, Lang, Lexicons } from './lexicons';
import { matchPhrase } from './sentiment-rules';
import { EMOJI, PUNCT, type Prepared } from './text';
import { escapeRe } from './toxicity-targets';

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

const startsCache = new WeakMap<AbuseLexicon, WeakMap<AbuseLexicon, Set<string>>>();

/** First words of every phrase (abusive or harmless) of the lexicons in play. */
function phraseStarts(abuse: AbuseLexicon[]): Set<string> {
  const [a, b = a] = abuse as [AbuseLexicon, AbuseLexicon?];
  let inner = startsCache.get(a);
  if (!inner) startsCache.set(a, (inner = new WeakMap()));
  let set = inner.get(b);
  if (!set) {
    set = new Set<string>();
    for (const l of abuse)
      for (const x of [l.phrases, l.benignPhrases]) for (const w of x.phraseStarts) set.add(w);
    inner.set(b, set);
  }
  return set;
}

/** Abuse words and phrases in the post, obfuscation undone. */
export function findAbuse(p: Prepared, abuse: AbuseLexicon[]): Hit[] {
  const hits: Hit[] = [];
  const { seq, kinds } = p;
  // De-leeted sequence (emoji and punctuation kept as separators).
  const words = seq.map((w, i) => (kinds[i] === EMOJI || kinds[i] === PUNCT ? '\u0000' : deleet(w)));
  const starts = phraseStarts(abuse);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '\u0000') continue;
    // Harmless expressions that contain abusive words ("ta gueule de bois").
    let benign: [number, number] | null = null;
    let phrase: [number, number] | null = null;
    if (starts.has(w)) {
      for (const a of abuse) benign ??= matchPhrase(words, i, a.benignPhrases);
      if (benign) {
        i += benign[1] - 1;
        continue;
      }
      for (const a of abuse) phrase ??= matchPhrase(words, i, a.phrases);
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
      while (j < words.length && words[j]!.length === 1 && words[j] !== '\u0000') joined += words[j++];
      if (j - i >= 3) {
        const cat = lookupAbuse(abuse, joined);
        if (cat) {
          hits.push({ cat, word: joined, at: i });
          i = j - 1;
          continue;
        }
      }
    }
    const cat =
      lookupAbuse(abuse, w) ?? (w.includes("'") ? lookupAbuse(abuse, w.replace(/'/g, '')) : undefined);
    if (cat) hits.push({ cat, word: w, at: i });
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
