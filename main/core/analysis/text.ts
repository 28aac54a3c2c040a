// Text preparation shared by every analyzer: one pass splits a post into words, hashtags (split
// into their words), emoji, @handles, URLs and punctuation cues. URLs and handles are kept apart
// (never scored as words); words are lowercased and accent-folded so "déçu" and "decu" meet.
// TOKEN_RE defines the tokens; a character scanner reads the plain ones (most of a post) itself,
// and each distinct word is folded and split once (word-memo.ts).
import { Token, WordMemo } from './word-memo';
import { fold } from './fold';
import { splitHashtag, type Vocabulary } from './hashtags';
import {
  ASCII_EMAIL,
  ASCII_QUIET,
  ASCII_WORD,
  emailAhead,
  isLatinLetter,
  isQuiet,
  plainWordEnd,
} from './text-scan';

export { Token };
// Part of this module's interface since before they had files of their own.
export { fold, splitHashtag, type Vocabulary };

/** A post ready for the analyzers. */
export interface Prepared {
  /** The text as received. */
  raw: string;
  /** Words, hashtag parts, emoji and punctuation cues ("!", "?", "..."), in reading order. */
  seq: string[];
  /** seq index → its Token: the same object wherever the word occurs, for the analyzers' memos. */
  tokens: Token[];
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
// Variation selector 16, or a skin-tone modifier.
const EMOJI_STRIP = /\uFE0F|[\u{1F3FB}-\u{1F3FF}]/gu;

/** Emoji without variation selectors or skin tones, so one lexicon entry covers them all. */
export function baseEmoji(e: string): string {
  return e.length > 2 ? e.replace(EMOJI_STRIP, '') : e.replace('\uFE0F', '');
}

/** One pass over the text. `vocab` lets lower-case hashtags be split into known words. */
export function prepare(text: string, vocab?: Vocabulary): Prepared {
  const p: Prepared = {
    raw: text,
    seq: [],
    tokens: [],
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
  const memo = memosFor(vocab);
  const n = text.length;
  let i = 0;
  // Plain words, "!", "?" and "..." are read here; anything else (URLs, e-mail addresses,
  // handles, hashtags, emoji, other scripts) is left to TOKEN_RE from where the scan stands, so
  // tokens are exactly those TOKEN_RE alone would find, at a fraction of its cost.
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128 ? ASCII_QUIET[c] === 1 : isQuiet(c)) {
      i++;
      continue;
    }
    if (c < 128 ? ASCII_WORD[c] === 1 : isLatinLetter(c)) {
      const end = plainWordEnd(text, i);
      if (end > 0) {
        replayWord(p, memo.words.get(text.slice(i, end)));
        i = end;
        continue;
      }
    } else if (c === 33 /* ! */ || c === 63 /* ? */) {
      let end = i + 1;
      while (end < n && text.charCodeAt(end) === c) end++;
      addPunct(p, c, end - i);
      i = end;
      continue;
    } else if (c === 0x2026 /* … */) {
      addPunct(p, c, 1);
      i++;
      continue;
    } else if (c < 128 && ASCII_EMAIL[c] === 1 && !emailAhead(text, i)) {
      // ".", "+", "-" or "_" that begins no e-mail address: only dots can make a token ("...").
      let end = i + 1;
      if (c === 46) while (end < n && text.charCodeAt(end) === 46) end++;
      if (end - i >= 3) {
        addPunct(p, c, end - i);
        i = end;
      } else i++;
      continue;
    }
    TOKEN_RE.lastIndex = i;
    const m = TOKEN_RE.exec(text);
    if (m === null) break;
    addMatch(p, m, memo);
    i = TOKEN_RE.lastIndex;
  }
  return p;
}

/** One TOKEN_RE match. */
function addMatch(p: Prepared, m: RegExpExecArray, memo: Memos): void {
  if (m[5] !== undefined) replayWord(p, memo.words.get(m[5]));
  else if (m[6] !== undefined) {
    const e = emojiTokens.get(baseEmoji(m[6]));
    p.emoji.push(e.text);
    pushToken(p, e, EMOJI, false, false);
  } else if (m[7] !== undefined) addPunct(p, m[7].charCodeAt(0), m[7].length);
  else if (m[3] !== undefined) p.handles.push(m[3].replace(/\.+$/, '').toLowerCase());
  else if (m[4] !== undefined) {
    const tag = memo.tags.get(m[4]);
    p.hashtags.push(tag.folded);
    for (const part of tag.parts) pushToken(p, part, TAG, false, false);
  } else if (m[1] !== undefined) p.urls++;
  else if (m[2] !== undefined) p.emails.push(m[2].toLowerCase());
}

/** "!!!", "??", "..." or "…" (`c` is its first character). */
function addPunct(p: Prepared, c: number, length: number): void {
  if (c === 33) {
    p.exclam += length;
    pushToken(p, EXCLAMATION, PUNCT, false, false);
  } else if (c === 63) {
    p.question += length;
    pushToken(p, QUESTION, PUNCT, false, false);
  } else {
    p.ellipsis = true;
    pushToken(p, ELLIPSIS, PUNCT, false, false);
  }
}

const EXCLAMATION = new Token('!');
const QUESTION = new Token('?');
const ELLIPSIS = new Token('...');
const emojiTokens = new WordMemo((e) => new Token(e));

// ---- Per-word memos (see word-memo.ts): a word is folded, split and flagged once.

/** The part of a post one word adds to: what addWord writes. */
type WordSink = Pick<
  Prepared,
  'seq' | 'tokens' | 'kinds' | 'caps' | 'stretched' | 'rawWords' | 'wordCount' | 'capsWords'
>;

/** What addWord wrote for a word, kept small (memos hold thousands) and replayed. */
interface WordPlan {
  /** Its rawWords entry (lowercased as written); null for a number. */
  raw: string | null;
  /** Its tokens, all WORDs (an elision or hyphens make several). */
  tokens: Token[];
  /** Per token: CAPS_MARK and STRETCHED_MARK bits. */
  marks: number[];
  /** Counts in wordCount, in capsWords. */
  word: boolean;
  capsWord: boolean;
}

const CAPS_MARK = 1;
const STRETCHED_MARK = 2;

/** Where a new word's plan is written before it is copied out. */
const scratch: WordSink = {
  seq: [],
  tokens: [],
  kinds: [],
  caps: [],
  stretched: [],
  rawWords: [],
  wordCount: 0,
  capsWords: 0,
};

function planWord(tok: string, vocab: Vocabulary | undefined): WordPlan {
  const s = scratch;
  for (const list of [s.seq, s.tokens, s.kinds, s.caps, s.stretched, s.rawWords]) list.length = 0;
  s.wordCount = 0;
  s.capsWords = 0;
  addWord(s, tok, vocab);
  // addWord writes WORD tokens only, and at most one raw word, word and word in capitals.
  return {
    raw: s.rawWords.length > 0 ? s.rawWords[0]! : null,
    tokens: s.tokens.slice(),
    marks: s.caps.map((caps, k) => (caps ? CAPS_MARK : 0) | (s.stretched[k] ? STRETCHED_MARK : 0)),
    word: s.wordCount > 0,
    capsWord: s.capsWords > 0,
  };
}

interface TagPlan {
  folded: string;
  parts: Token[];
}

interface Memos {
  words: WordMemo<WordPlan>;
  tags: WordMemo<TagPlan>;
}

function createMemos(vocab: Vocabulary | undefined): Memos {
  return {
    words: new WordMemo((tok) => planWord(tok, vocab)),
    tags: new WordMemo((body) => ({
      folded: fold(body),
      parts: splitHashtag(body, vocab).map((part) => new Token(part)),
    })),
  };
}

// Memos per vocabulary (a vocabulary is not expected to change once in use).
const memosByVocab = new WeakMap<Vocabulary, Memos>();
const memosWithoutVocab = createMemos(undefined);

function memosFor(vocab: Vocabulary | undefined): Memos {
  if (!vocab) return memosWithoutVocab;
  let m = memosByVocab.get(vocab);
  if (!m) memosByVocab.set(vocab, (m = createMemos(vocab)));
  return m;
}

function replayWord(p: Prepared, plan: WordPlan): void {
  if (plan.raw !== null) p.rawWords.push(plan.raw);
  for (let k = 0; k < plan.tokens.length; k++) {
    const mark = plan.marks[k]!;
    pushToken(p, plan.tokens[k]!, WORD, (mark & CAPS_MARK) !== 0, (mark & STRETCHED_MARK) !== 0);
  }
  if (plan.word) p.wordCount++;
  if (plan.capsWord) p.capsWords++;
}

function pushToken(p: WordSink, tok: Token, kind: number, caps: boolean, stretched: boolean): void {
  p.seq.push(tok.text);
  p.tokens.push(tok);
  p.kinds.push(kind);
  p.caps.push(caps);
  p.stretched.push(stretched);
}

/** A new token, while a word's plan is made. */
function push(p: WordSink, text: string, kind: number, caps: boolean, stretched: boolean): void {
  pushToken(p, new Token(text), kind, caps, stretched);
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

function addWord(p: WordSink, tok: string, vocab?: Vocabulary): void {
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
function addFolded(p: WordSink, folded: string, caps: boolean, stretch: boolean, vocab?: Vocabulary): void {
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
