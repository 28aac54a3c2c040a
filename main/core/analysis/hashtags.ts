// Hashtags read as words: "#BoycottOndaline", "#boycott_ondaline" and, with a vocabulary,
// "#boycottondaline" all give boycott + ondaline.
import { fold } from './fold';

const TAG_PARTS = /\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+|\p{N}+/gu;

/** Words a lower-case hashtag may be split into ("#boycottdanone" → boycott danone). */
export interface Vocabulary {
  has(word: string): boolean;
}

/** Splits a hashtag body: camelCase, underscores and digits first, known words for lower-case tags. */
export function splitHashtag(body: string, vocab?: Vocabulary): string[] {
  const parts: string[] = [];
  for (const chunk of body.split('_')) {
    if (!chunk) continue;
    const m = chunk.match(TAG_PARTS);
    if (m) for (const p of m) parts.push(fold(p));
  }
  if (parts.length === 1 && vocab) {
    const only = parts[0]!;
    if (only.length >= 6 && only.length <= 30 && !vocab.has(only)) {
      const split = wordBreak(only, vocab) ?? knownPrefix(only, vocab);
      if (split) return split;
    }
  }
  return parts;
}

/** Fewest known words (3+ letters, or short function words) that spell `s`; null when none. */
function wordBreak(s: string, vocab: Vocabulary): string[] | null {
  const n = s.length;
  const best: (string[] | null)[] = new Array<string[] | null>(n + 1).fill(null);
  best[0] = [];
  for (let i = 1; i <= n; i++) {
    for (let j = Math.max(0, i - 20); j < i; j++) {
      const prev = best[j];
      if (!prev) continue;
      const w = s.slice(j, i);
      if ((w.length >= 3 || SHORT_WORDS.has(w)) && vocab.has(w)) {
        const cand = [...prev, w];
        const cur = best[i];
        if (!cur || cand.length < cur.length) best[i] = cand;
      }
    }
  }
  const r = best[n];
  return r && r.length > 1 ? r : null;
}
/** "boycottdanone" → ["boycott", "danone"]: the longest known prefix (4+ letters), then the rest. */
function knownPrefix(s: string, vocab: Vocabulary): string[] | null {
  for (let i = s.length - 3; i >= 4; i--) {
    const head = s.slice(0, i);
    if (vocab.has(head)) return [head, ...(wordBreak(s.slice(i), vocab) ?? [s.slice(i)])];
  }
  return null;
}
const SHORT_WORDS = new Set([
  'de',
  'la',
  'le',
  'un',
  'en',
  'on',
  'no',
  'of',
  'to',
  'my',
  'is',
  'it',
  'me',
  'we',
  'up',
]);
