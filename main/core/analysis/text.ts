// Text preparation shared by every analyzer: one regex pass splits a post into words, hashtags
// (split into their words), emoji, @handles, URLs and punctuation cues. URLs and handles are kept
// apart (never scored as words); words are lowercased and accent-folded so "déçu" and "decu" meet.

/** A post ready for the analyzers. */
export interface Prepared {
  /** The text as received. */
  raw: string;
  /** Words, hashtag parts, emoji and punctuation cues ("!", "?", "..."), in reading order. */
  seq: string[];
  /** Kind of each seq entry: WORD, TAG (part of a hashtag), EMOJI or PUNCT. */
  kinds: number[];
  /** seq index → the word was written in capitals (3+ letters). */
  caps: boolean[];
  /** seq index → the word had a letter repeated 3+ times ("nuuuuls"). */
  stretched: boolean[];
  emoji: string[];
  /** @handles, lowercased, without the leading @. */
  handles: string[];
  /** Hashtags, lowercased and folded, without #. */
  hashtags: string[];
  /** Words as written but lowercased (not folded, not de-stretched): what leet-speak checks read. */
  rawWords: string[];
  urls: number;
  emails: string[];
  exclam: number;
  question: number;
  ellipsis: boolean;
  capsWords: number;
  /** Alphabetic words (hashtag parts excluded). */
  wordCount: number;
}

export const WORD = 0;
export const TAG = 1;
export const EMOJI = 2;
export const PUNCT = 3;

const FOLD_MAP: Record<string, string> = {
  à: 'a',
  â: 'a',
  ä: 'a',
  á: 'a',
  ã: 'a',
  å: 'a',
  ç: 'c',
  é: 'e',
  è: 'e',
  ê: 'e',
  ë: 'e',
  í: 'i',
  ì: 'i',
  î: 'i',
  ï: 'i',
  ñ: 'n',
  ó: 'o',
  ò: 'o',
  ô: 'o',
  ö: 'o',
  õ: 'o',
  ú: 'u',
  ù: 'u',
  û: 'u',
  ü: 'u',
  ý: 'y',
  ÿ: 'y',
  œ: 'oe',
  æ: 'ae',
  '’': "'",
  '‘': "'",
  ʼ: "'",
};
const FOLD_RE = /[àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ’‘ʼ]/g;
// Anything outside printable ASCII (control characters only cost a no-op replace).
const NON_ASCII = /[^\u0020-\u007e]/;

/** Lowercase, accents removed, typographic apostrophes made plain. */
export function fold(s: string): string {
  const lower = s.toLowerCase();
  return NON_ASCII.test(lower) ? lower.replace(FOLD_RE, (c) => FOLD_MAP[c] ?? c) : lower;
}

const STRETCH3 = /(\p{L})\1{2,}/u;
const STRETCH_TO2 = /(\p{L})\1{2,}/gu;
const STRETCH_TO1 = /(\p{L})\1+/gu;

/** "nuuuuuls" → ["nuuls", "nuls"]: the two readings a lexicon may know. */
export function destretch(w: string): [string, string] {
  return [w.replace(STRETCH_TO2, '$1$1'), w.replace(STRETCH_TO1, '$1')];
}

const TOKEN_RE =
  /(https?:\/\/\S+|www\.\S+)|([\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,})|@([\p{L}\p{N}_.-]+(?:@[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)+)?)|#([\p{L}\p{N}_]+)|([\p{L}\p{N}$*]+(?:['’ʼ@-][\p{L}\p{N}$*]+)*['’]?)|(\p{Extended_Pictographic}\uFE0F?(?:[\u{1F3FB}-\u{1F3FF}])?(?:\u200D\p{Extended_Pictographic}\uFE0F?)*|[\u{1F1E6}-\u{1F1FF}]{2})|(!+|\?+|\.{3,}|…)/gu;

const CLITIC = /^(qu|jusqu|lorsqu|puisqu|presqu|[ldjtmsnc])'(.+)$/;
const HAS_LETTER = /\p{L}/u;
const ALL_DIGITS = /^[\p{N}]+$/u;
const TAG_PARTS = /\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+|\p{N}+/gu;
// Variation selector 16, or a skin-tone modifier.
const EMOJI_STRIP = /\uFE0F|[\u{1F3FB}-\u{1F3FF}]/gu;

/** Emoji without variation selectors or skin tones, so one lexicon entry covers them all. */
export function baseEmoji(e: string): string {
  return e.length > 2 ? e.replace(EMOJI_STRIP, '') : e.replace('\uFE0F', '');
}

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

/** One pass over the text. `vocab` lets lower-case hashtags be split into known words. */
export function prepare(text: string, vocab?: Vocabulary): Prepared {
  const p: Prepared = {
    raw: text,
    seq: [],
    kinds: [],
    caps: [],
    stretched: [],
    emoji: [],
    handles: [],
    hashtags: [],
    rawWords: [],
    urls: 0,
    emails: [],
    exclam: 0,
    question: 0,
    ellipsis: false,
    capsWords: 0,
    wordCount: 0,
  };
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    if (m[5] !== undefined) addWord(p, m[5], vocab);
    else if (m[6] !== undefined) {
      const e = baseEmoji(m[6]);
      p.emoji.push(e);
      push(p, e, EMOJI, false, false);
    } else if (m[7] !== undefined) {
      const c = m[7][0];
      if (c === '!') {
        p.exclam += m[7].length;
        push(p, '!', PUNCT, false, false);
      } else if (c === '?') {
        p.question += m[7].length;
        push(p, '?', PUNCT, false, false);
      } else {
        p.ellipsis = true;
        push(p, '...', PUNCT, false, false);
      }
    } else if (m[3] !== undefined) p.handles.push(m[3].replace(/\.+$/, '').toLowerCase());
    else if (m[4] !== undefined) {
      const body = m[4];
      p.hashtags.push(fold(body));
      for (const part of splitHashtag(body, vocab)) push(p, part, TAG, false, false);
    } else if (m[1] !== undefined) p.urls++;
    else if (m[2] !== undefined) p.emails.push(m[2].toLowerCase());
  }
  return p;
}

function push(p: Prepared, tok: string, kind: number, caps: boolean, stretched: boolean): void {
  p.seq.push(tok);
  p.kinds.push(kind);
  p.caps.push(caps);
  p.stretched.push(stretched);
}

/** What one scan of a plain-ASCII word tells (bits), so most words skip the Unicode regexes. */
const A_UPPER = 1;
const A_LOWER = 2;
const A_DIGIT = 4;
const A_OTHER = 8;
const A_STRETCHED = 16;

/** The bits of an ASCII word, or -1 when it has any other character (then the general path reads it). */
function scanAscii(tok: string): number {
  let bits = 0;
  let run = 0;
  let prev = -1;
  for (let i = 0; i < tok.length; i++) {
    const c = tok.charCodeAt(i);
    if (c > 0x7e) return -1;
    if (c >= 97 && c <= 122) bits |= A_LOWER;
    else if (c >= 65 && c <= 90) bits |= A_UPPER;
    else if (c >= 48 && c <= 57) bits |= A_DIGIT;
    else bits |= A_OTHER;
    // Stretching is read case-blind, as on the folded word ("NUUULS").
    const letter = c | 0x20;
    if (letter >= 97 && letter <= 122 && letter === prev) {
      if (++run >= 2) bits |= A_STRETCHED;
    } else run = 0;
    prev = letter >= 97 && letter <= 122 ? letter : -1;
  }
  return bits;
}

function addWord(p: Prepared, tok: string, vocab?: Vocabulary): void {
  const ascii = scanAscii(tok);
  if (ascii >= 0) {
    // Numbers are not words, but a lone digit may be a spaced-out letter ("c 0 n n a r d").
    if (ascii === A_DIGIT && tok.length > 1) return;
    const lower = ascii & A_UPPER ? tok.toLowerCase() : tok;
    p.rawWords.push(lower);
    if (!(ascii & (A_UPPER | A_LOWER))) {
      if (tok.length === 1) push(p, tok, WORD, false, false);
      return;
    }
    p.wordCount++;
    const caps = tok.length >= 3 && (ascii & (A_UPPER | A_LOWER)) === A_UPPER;
    if (caps) p.capsWords++;
    addFolded(p, lower, caps, (ascii & A_STRETCHED) !== 0, vocab);
    return;
  }
  if (ALL_DIGITS.test(tok) && tok.length > 1) return;
  const lower = tok.toLowerCase();
  p.rawWords.push(lower);
  if (!HAS_LETTER.test(tok)) {
    if (tok.length === 1) push(p, tok, WORD, false, false);
    return;
  }
  p.wordCount++;
  const caps = tok.length >= 3 && lower !== tok && tok === tok.toUpperCase();
  if (caps) p.capsWords++;
  const w = fold(lower);
  addFolded(p, w, caps, STRETCH3.test(w), vocab);
}

/** A word lowercased and folded: de-stretched, elision and hyphens split, then pushed. */
function addFolded(p: Prepared, folded: string, caps: boolean, stretch: boolean, vocab?: Vocabulary): void {
  let w = folded;
  let stretched = false;
  if (stretch) {
    stretched = true;
    const [two, one] = destretch(w);
    w = vocab && vocab.has(two) ? two : one;
  }
  if (w.includes("'")) {
    const c = CLITIC.exec(w);
    if (c) {
      push(p, c[1] + "'", WORD, false, false);
      push(p, c[2]!, WORD, caps, stretched);
      return;
    }
    if (w.endsWith("'")) w = w.slice(0, -1);
  }
  // Hyphenated words ("remboursez-nous", "peut-être") are read as their parts, unless a lexicon
  // knows the whole ("sous-merde", "rip-off").
  if (w.includes('-') && !(vocab && vocab.has(w))) {
    for (const part of w.split('-')) if (part) push(p, part, WORD, caps, stretched);
    return;
  }
  push(p, w, WORD, caps, stretched);
}
