// Crisis vocabulary: which terms of a configurable FR/EN lexicon a post uses ("scandale",
// "boycott", "fuite de données", "class action"...). Hashtags count: #BoycottOndaline → boycott.
// The default lexicon is resources/lexicons/crisis.json; a team passes its own to createCrisisMatcher.
import { getLexicons, splitKey, type CrisisTermDef } from './lexicons';
import { EMOJI, PUNCT, type Prepared } from './text';
import { TokenMemo } from './word-memo';

export type { CrisisTermDef };

export interface CrisisMatcher {
  /** Canonical terms found in the post, in lexicon order, each once. */
  match(p: Prepared): string[];
  readonly terms: readonly CrisisTermDef[];
}

interface Form {
  term: number;
  words: string[];
  /** Last word is a prefix (the form ended with *). */
  prefix: boolean;
}

/** Compiles a lexicon into a matcher: forms indexed by their first word (or its prefix). */
export function createCrisisMatcher(terms: readonly CrisisTermDef[] = getLexicons().crisis): CrisisMatcher {
  const exact = new Map<string, Form[]>();
  // One-word prefixes ("arnaqu*") by their first character: a word is checked only against the
  // prefixes it could start with, not against all of them.
  const prefixes = new Map<number, Form[]>();
  terms.forEach((t, ti) => {
    for (const raw of t.forms) {
      const prefix = raw.endsWith('*');
      const words = splitKey(prefix ? raw.slice(0, -1) : raw);
      if (words.length === 0) continue;
      const form: Form = { term: ti, words, prefix };
      if (prefix && words.length === 1) {
        const first = words[0]!.charCodeAt(0);
        prefixes.set(first, [...(prefixes.get(first) ?? []), form]);
      } else {
        const list = exact.get(words[0]!) ?? [];
        list.push(form);
        exact.set(words[0]!, list);
      }
    }
  });
  // What each token can start: forms by their first word, one-word prefixes it matches (per token).
  const starts = new TokenMemo('crisis', (w: string): Starts | null => {
    const forms = exact.get(w) ?? null;
    let prefixed: number[] | null = null;
    for (const f of prefixes.get(w.charCodeAt(0)) ?? [])
      if (w.startsWith(f.words[0]!)) (prefixed ??= []).push(f.term);
    return forms || prefixed ? { forms, prefixed } : null;
  });
  return {
    terms,
    match(p: Prepared): string[] {
      const { seq, kinds } = p;
      let found: boolean[] | null = null;
      for (let i = 0; i < seq.length; i++) {
        if (kinds[i] === EMOJI || kinds[i] === PUNCT) continue;
        const s = starts.get(p.tokens[i]!);
        if (!s) continue;
        if (s.forms) {
          for (const f of s.forms) {
            if (matchesAt(seq, i, f)) (found ??= new Array<boolean>(terms.length).fill(false))[f.term] = true;
          }
        }
        if (s.prefixed) {
          for (const term of s.prefixed)
            (found ??= new Array<boolean>(terms.length).fill(false))[term] = true;
        }
      }
      if (!found) return [];
      const out: string[] = [];
      const seen = new Set<string>();
      found.forEach((hit, i) => {
        const term = terms[i]!.term;
        if (hit && !seen.has(term)) {
          seen.add(term);
          out.push(term);
        }
      });
      return out;
    },
  };
}

interface Starts {
  forms: Form[] | null;
  /** Terms whose one-word prefix the token matches. */
  prefixed: number[] | null;
}

function matchesAt(seq: string[], i: number, f: Form): boolean {
  const n = f.words.length;
  if (i + n > seq.length) return false;
  for (let k = 1; k < n; k++) {
    const w = seq[i + k]!;
    const want = f.words[k]!;
    if (k === n - 1 && f.prefix ? !w.startsWith(want) : w !== want) return false;
  }
  return true;
}

let defaultMatcher: CrisisMatcher | null = null;

/** The matcher over the default lexicon. */
export function defaultCrisisMatcher(): CrisisMatcher {
  return (defaultMatcher ??= createCrisisMatcher());
}
