// The trained half of sentiment: a multinomial logistic regression over hashed features (words,
// word pairs, character 3- and 4-grams, emoji, punctuation) plus a few dense features taken from
// the rules. Trained by scripts/analysis/train.mjs; weights ship in resources/models/ as int16,
// base64. The same feature code serves training and inference, so they cannot drift apart.
import type { DetectedLang } from './language';
import type { RuleScore } from './sentiment-rules';
import { EMOJI, PUNCT, type Prepared } from './text';
import { TokenMemo } from './word-memo';

export const CLASSES = ['negative', 'neutral', 'positive'] as const;
export type SentimentLabel = (typeof CLASSES)[number];

/** Dense features occupy the first slots; hashed ones follow. */
export const DENSE = 16;

/** The file format of resources/models/sentiment.json. */
export interface ModelFile {
  format: 'vigie-hashed-logreg';
  version: number;
  /** Hashed feature slots (a power of two). */
  dim: number;
  classes: string[];
  /** Sparse rows: `rows` lists the feature slots that have weights (base64 uint32, ascending); */
  /** weights[r * classes + c] = int16 / scale for the r-th listed slot (base64 int16, little-endian). */
  scale: number;
  rows: string;
  weights: string;
  bias: number[];
  /** score = model · (p(pos) − p(neg)) + (1 − model) · rules; labels from the thresholds. */
  blend: { model: number; negative: number; positive: number };
  /** How the file was made (seed, sizes, dev metrics): for the eval report. */
  training: Record<string, unknown>;
}

export interface LoadedModel {
  dim: number;
  /** Open-addressing table: slot → feature index (-1 empty); weights[slot * 3 + c]. */
  keys: Int32Array;
  tmask: number;
  weights: Float32Array;
  bias: Float32Array;
  blend: ModelFile['blend'];
  training: Record<string, unknown>;
}

/** Sparse feature vector with reusable buffers. */
export class Features {
  idx: Int32Array;
  val: Float32Array;
  n = 0;
  constructor(capacity = 1024) {
    this.idx = new Int32Array(capacity);
    this.val = new Float32Array(capacity);
  }
  reset(): void {
    this.n = 0;
  }
  add(i: number, v: number): void {
    if (this.n === this.idx.length) this.grow(1);
    this.idx[this.n] = i;
    this.val[this.n++] = v;
  }
  /** Adds features that share one value (a token's character n-grams). */
  addAll(idx: readonly number[], v: number): void {
    const n = this.n;
    const m = idx.length;
    if (n + m > this.idx.length) this.grow(m);
    // A plain loop: a handful of values, too few for set() and fill() to pay off.
    for (let k = 0; k < m; k++) {
      this.idx[n + k] = idx[k]!;
      this.val[n + k] = v;
    }
    this.n = n + m;
  }
  private grow(more: number): void {
    let size = this.idx.length * 2;
    while (size < this.n + more) size *= 2;
    const idx = new Int32Array(size);
    idx.set(this.idx);
    const val = new Float32Array(size);
    val.set(this.val);
    this.idx = idx;
    this.val = val;
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over s[start, end), continuing from `h`. */
export function fnv(s: string, h = FNV_OFFSET, start = 0, end = s.length): number {
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** fnv('<' + tok + '>', SEED_CHAR, start, end) without building the padded string. */
function fnvPadded(tok: string, start: number, end: number): number {
  const last = tok.length + 1;
  let h = SEED_CHAR;
  for (let i = start; i < end; i++) {
    h ^= i === 0 ? 60 /* < */ : i === last ? 62 /* > */ : tok.charCodeAt(i - 1);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

const SEED_WORD = fnv('w');
const SEED_NEG = fnv('n');
const SEED_BIGRAM = fnv('b');
const SEED_CHAR = fnv('c');
const SEED_LANG = fnv('l');

/** The features a token brings whatever its neighbours, as feature indices (see extractFeatures). */
interface TokenHashes {
  word: number;
  /** The word inside a negation's scope. */
  neg: number;
  /** FNV state after "tok " under the bigram seed: the next token's characters continue it. */
  bigram: number;
  /** Character 3- and 4-grams of "<tok>" (none for tokens under 3 characters). */
  grams: number[];
}

const hashMemos = new Map<number, TokenMemo<TokenHashes>>();

/** Token hashes for a feature space of `dim` slots, computed once per distinct token. */
function tokenHashes(dim: number): TokenMemo<TokenHashes> {
  let memo = hashMemos.get(dim);
  if (!memo) {
    const mask = dim - 1;
    memo = new TokenMemo('model/hashes', (tok) => {
      const grams: number[] = [];
      if (tok.length >= 3) {
        // Hashed in place (no padded copy of the word).
        const len = tok.length + 2;
        for (let g = 3; g <= 4; g++) {
          for (let s = 0; s + g <= len; s++) grams.push(DENSE + (fnvPadded(tok, s, s + g) & mask));
        }
      }
      return {
        word: DENSE + (fnv(tok, SEED_WORD) & mask),
        neg: DENSE + (fnv(tok, SEED_NEG) & mask),
        bigram: fnv(' ', fnv(tok, SEED_BIGRAM)),
        grams: grams.slice(), // at its exact size: memos hold thousands
      };
    });
    hashMemos.set(dim, memo);
  }
  return memo;
}

/**
 * Fills `out` with the features of a post. Hashed indices are in [DENSE, DENSE + dim); values are
 * scaled so a post's hashed part has unit-ish norm whatever its length.
 */
export function extractFeatures(
  p: Prepared,
  lang: DetectedLang,
  rules: RuleScore,
  dim: number,
  out: Features,
): void {
  out.reset();
  const mask = dim - 1;
  // Dense: what the rules found.
  out.add(0, rules.compound);
  out.add(1, Math.min(rules.pos, 8) / 4);
  out.add(2, Math.max(rules.neg, -8) / 4);
  out.add(3, Math.min(rules.emojiPos, 6) / 3);
  out.add(4, Math.max(rules.emojiNeg, -6) / 3);
  out.add(5, Math.min(rules.irony, 2));
  out.add(6, Math.min(p.exclam, 4) / 4);
  out.add(7, p.question > 0 ? 1 : 0);
  out.add(8, p.wordCount > 0 ? p.capsWords / p.wordCount : 0);
  out.add(9, Math.min(rules.negations, 3) / 3);
  out.add(10, rules.hits === 0 ? 1 : 0);
  // Slot 11 is unused: post length taught the model the generator's habits (long = angry).
  out.add(12, p.urls > 0 ? 1 : 0);
  out.add(13, rules.compound > 0.3 ? 1 : 0);
  out.add(14, rules.compound < -0.3 ? 1 : 0);
  out.add(15, p.ellipsis ? 1 : 0);

  const start = out.n;
  const { seq, kinds } = p;
  const n = seq.length;
  const hashes = tokenHashes(dim);
  out.add(DENSE + (fnv(lang, SEED_LANG) & mask), 1);
  for (let i = 0; i < n; i++) {
    const t = hashes.get(p.tokens[i]!);
    out.add(rules.negated[i] ? t.neg : t.word, 1);
    if (i + 1 < n) out.add(DENSE + (fnv(seq[i + 1]!, t.bigram) & mask), 1);
    const kind = kinds[i];
    if (kind === EMOJI || kind === PUNCT) continue;
    out.addAll(t.grams, 0.5);
  }
  // Normalize the hashed part (dense features keep their scale).
  let norm = 0;
  for (let k = start; k < out.n; k++) norm += out.val[k]! * out.val[k]!;
  if (norm > 0) {
    const f = 1 / Math.sqrt(norm);
    for (let k = start; k < out.n; k++) out.val[k] = out.val[k]! * f * 2;
  }
}

/** Class probabilities [neg, neu, pos] for the features. */
export function predict(model: LoadedModel, f: Features, probs = new Float64Array(3)): Float64Array {
  const w = model.weights;
  const keys = model.keys;
  const tmask = model.tmask;
  let s0 = model.bias[0]!;
  let s1 = model.bias[1]!;
  let s2 = model.bias[2]!;
  for (let k = 0; k < f.n; k++) {
    const key = f.idx[k]!;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & tmask;
    let found = keys[slot]!;
    while (found !== key && found !== -1) {
      slot = (slot + 1) & tmask;
      found = keys[slot]!;
    }
    if (found === -1) continue;
    const base = slot * 3;
    const v = f.val[k]!;
    s0 += w[base]! * v;
    s1 += w[base + 1]! * v;
    s2 += w[base + 2]! * v;
  }
  const m = Math.max(s0, s1, s2);
  const e0 = Math.exp(s0 - m);
  const e1 = Math.exp(s1 - m);
  const e2 = Math.exp(s2 - m);
  const z = e0 + e1 + e2;
  probs[0] = e0 / z;
  probs[1] = e1 / z;
  probs[2] = e2 / z;
  return probs;
}

/** Decodes a model file; throws on a malformed one. */
export function loadModel(file: ModelFile): LoadedModel {
  if (file.format !== 'vigie-hashed-logreg') throw new Error(`Unknown model format: ${String(file.format)}`);
  const { dim } = file;
  if (!Number.isInteger(dim) || dim <= 0 || (dim & (dim - 1)) !== 0)
    throw new Error('Model dim must be a power of two');
  if (file.classes.join() !== CLASSES.join())
    throw new Error('Model classes must be negative, neutral, positive');
  if (!Array.isArray(file.bias) || file.bias.length !== 3) throw new Error('Model bias must have 3 values');
  const rowBytes = Buffer.from(file.rows, 'base64');
  const wBytes = Buffer.from(file.weights, 'base64');
  const n = rowBytes.length / 4;
  if (!Number.isInteger(n) || wBytes.length !== n * 3 * 2)
    throw new Error(`Model weights: ${wBytes.length / 2} values for ${n} rows`);
  let size = 2;
  while (size < n * 2) size *= 2;
  const keys = new Int32Array(size).fill(-1);
  const weights = new Float32Array(size * 3);
  const tmask = size - 1;
  for (let r = 0; r < n; r++) {
    const key = rowBytes.readUInt32LE(r * 4);
    if (key >= DENSE + dim) throw new Error(`Model row ${key} outside the feature space`);
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & tmask;
    while (keys[slot] !== -1) slot = (slot + 1) & tmask;
    keys[slot] = key;
    for (let c = 0; c < 3; c++) weights[slot * 3 + c] = wBytes.readInt16LE((r * 3 + c) * 2) / file.scale;
  }
  return {
    dim,
    keys,
    tmask,
    weights,
    bias: Float32Array.from(file.bias),
    blend: file.blend,
    training: file.training,
  };
}

/** Encodes dense float weights ((DENSE + dim) × 3) as the file's sparse int16 rows + scale. */
export function encodeWeights(weights: Float32Array | Float64Array): {
  scale: number;
  rows: string;
  weights: string;
} {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? 32767 / max : 1;
  const rows: number[] = [];
  const values: number[] = [];
  for (let r = 0; r * 3 < weights.length; r++) {
    const q = [0, 1, 2].map((c) => Math.round(weights[r * 3 + c]! * scale));
    if (q[0] === 0 && q[1] === 0 && q[2] === 0) continue;
    rows.push(r);
    values.push(...q);
  }
  const rowBuf = Buffer.alloc(rows.length * 4);
  rows.forEach((r, i) => rowBuf.writeUInt32LE(r, i * 4));
  const wBuf = Buffer.alloc(values.length * 2);
  values.forEach((v, i) => wBuf.writeInt16LE(v, i * 2));
  return { scale, rows: rowBuf.toString('base64'), weights: wBuf.toString('base64') };
}
