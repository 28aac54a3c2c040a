// Near-duplicates on a live stream: copy-paste campaigns and quote chains get one clusterId, so 500
// copies of one message count as one voice with 500 echoes. Character 5-gram shingles of the
// normalized text → MinHash signature (64 bins, one-permutation hashing: one hash per shingle) →
// LSH (16 bands × 4 rows) to find candidates, checked on the signatures' agreement; exact copies
// skip all that through a map of recent texts. The index is bounded by age and size, oldest out first.
import { fnv } from './model';
import { fold } from './text';
import { RecentMap } from './recent-map';

export interface ClustererOptions {
  /** Estimated Jaccard similarity to join a cluster (0..1). Default 0.5. */
  threshold?: number;
  /** Entries older than this (by their `at`) leave the index. Default 3 days. */
  maxAgeMs?: number;
  /** At most this many signatures are kept. Default 100,000. */
  maxEntries?: number;
  /** Texts shorter than this (normalized) only cluster with exact copies. Default 24. */
  minChars?: number;
  seed?: number;
}

export interface ClusterAssignment {
  clusterId: string;
  /** Members seen so far in the cluster, this one included. */
  size: number;
  /** True when this post started a new cluster. */
  isNew: boolean;
  /** Estimated similarity to the closest earlier member (1 for the first). */
  similarity: number;
}

const HASHES = 64; // = SIGNATURE_SIZE
const BANDS = 16;
const ROWS = HASHES / BANDS;
const SHINGLE = 5;
/** The top 6 bits of a shingle's hash choose its bin (HASHES = 64). */
const BIN_SHIFT = 26;
/** No shingle fell in the bin (values are 31-bit, so this is never a real minimum). */
const EMPTY = 0xffffffff;
/** Exact copies (normalized) remembered for the fast path, newest kept. */
const EXACT_CAP = 100_000;
/** Entries kept per LSH bucket (the search looks at the newest PER_BAND). */
const BUCKET_CAP = 64;
const MAX_COMPARED = 48;
/** Newest entries looked at per band. */
const PER_BAND = 8;

interface Entry {
  clusterId: string;
  sig: Uint32Array;
  at: number;
  keys: number[];
  /** The search that last looked at this entry. */
  checked: number;
}

interface ClusterInfo {
  size: number;
  live: number;
}

const URL_RE = /https?:\/\/\S+|www\.\S+/g;
const HANDLE_RE = /@[\p{L}\p{N}_.-]+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/** The text a signature is made of: lowercase, no accents, links and handles, single spaces. */
export function normalizeForDuplicates(text: string): string {
  return fold(text.replace(URL_RE, ' ').replace(HANDLE_RE, ' ')).replace(NON_WORD, ' ').trim();
}

/** What the clusterer reads of a text, computable on another thread: see duplicateKey. */
export interface DuplicateKey {
  norm: string;
  /** Null for texts too short for a signature (they only cluster with exact copies). */
  sig: Uint32Array | null;
  seed: number;
}

export const DEFAULT_DUPLICATE_SEED = 0x5eed;
/** Values in a signature. */
export const SIGNATURE_SIZE = 64;
const MIN_CHARS = 24;

/** The normalized text and signature `add` would compute (default options). */
export function duplicateKey(text: string, seed = DEFAULT_DUPLICATE_SEED): DuplicateKey {
  const norm = normalizeForDuplicates(text);
  const hashed = fnv(String(seed));
  return { norm, sig: norm.length >= MIN_CHARS ? duplicateSignature(norm, hashed) : null, seed: hashed };
}

/**
 * MinHash signature of a normalized text by one-permutation hashing: each shingle is hashed once
 * and kept in one of HASHES bins (its minimum), instead of being hashed HASHES times; empty bins
 * borrow a filled bin's value along a probe sequence fixed per bin (optimal densification), so
 * two texts' signatures still agree at a rate that estimates their Jaccard similarity.
 */
export function duplicateSignature(norm: string, seed: number): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(EMPTY);
  const last = Math.max(0, norm.length - SHINGLE);
  for (let s = 0; s <= last; s++) {
    const h = mix(fnv(norm, seed, s, Math.min(norm.length, s + SHINGLE)));
    const bin = h >>> BIN_SHIFT;
    // The value must not be derived from the bin bits alone: hash again for 32 useful bits.
    const v = mix(h ^ 0x9e3779b9) >>> 1;
    if (v < sig[bin]!) sig[bin] = v;
  }
  densify(sig);
  return sig;
}

export class NearDuplicateClusterer {
  private readonly threshold: number;
  private readonly maxAgeMs: number;
  private readonly maxEntries: number;
  private readonly minChars: number;
  private readonly seed: number;
  private readonly buckets: Map<number, number[]>[] = [];
  private readonly entries = new Map<number, Entry>();
  private readonly exact = new Map<string, { clusterId: string; at: number }>();
  /** Long texts already seen, for the exact-copy fast path. */
  private readonly copies = new RecentMap<string, { clusterId: string; at: number }>(EXACT_CAP);
  private readonly clusters = new Map<string, ClusterInfo>();
  private nextEntry = 0;
  private stamp = 0;
  private oldest = 0;

  constructor(opts: ClustererOptions = {}) {
    this.threshold = opts.threshold ?? 0.5;
    this.maxAgeMs = opts.maxAgeMs ?? 3 * 24 * 3600_000;
    this.maxEntries = opts.maxEntries ?? 100_000;
    this.minChars = opts.minChars ?? MIN_CHARS;
    this.seed = fnv(String(opts.seed ?? DEFAULT_DUPLICATE_SEED));
    for (let i = 0; i < BANDS; i++) this.buckets.push(new Map());
  }

  /** Signatures currently indexed. */
  get indexed(): number {
    return this.entries.size;
  }

  /** Members seen in a cluster (0 if unknown or evicted). */
  clusterSize(clusterId: string): number {
    return this.clusters.get(clusterId)?.size ?? 0;
  }

  /** MinHash signature of a normalized text (see duplicateSignature). */
  signature(norm: string): Uint32Array {
    return duplicateSignature(norm, this.seed);
  }

  /** Assigns a cluster to a post. `at` is its time (ms), for the age bound; ids are the caller's. */
  add(id: string, text: string, at: number, key?: DuplicateKey): ClusterAssignment {
    this.evict(at);
    // A key computed ahead (analysis worker) with the same seed saves normalizing and hashing here.
    const ahead = key && key.seed === this.seed ? key : null;
    const norm = ahead ? ahead.norm : normalizeForDuplicates(text);
    if (norm.length < this.minChars) {
      const hit = this.exact.get(norm);
      if (hit && norm.length > 0) {
        hit.at = at;
        return this.join(hit.clusterId, 1);
      }
      if (norm.length > 0) this.exact.set(norm, { clusterId: id, at });
      return this.start(id);
    }
    // Copy-paste campaigns: an exact copy (once normalized) of a recent post needs no signature.
    const copy = this.copies.get(norm);
    if (copy && copy.at >= at - this.maxAgeMs && this.clusters.has(copy.clusterId)) {
      copy.at = Math.max(copy.at, at);
      return this.join(copy.clusterId, 1);
    }
    const assigned = this.addBySignature(id, norm, at, ahead?.sig ?? null);
    this.rememberCopy(norm, assigned.clusterId, at);
    return assigned;
  }

  private rememberCopy(norm: string, clusterId: string, at: number): void {
    this.copies.set(norm, { clusterId, at });
  }

  private addBySignature(id: string, norm: string, at: number, given: Uint32Array | null): ClusterAssignment {
    const sig = given ?? this.signature(norm);
    const keys = bandKeys(sig);
    let best: Entry | null = null;
    let bestSim = 0;
    // Stamps instead of per-post Sets: this runs for every mention ingested.
    const stamp = ++this.stamp;
    const clustersSeen: string[] = [];
    // At most MAX_COMPARED signatures compared, and none once a near-identical copy is found.
    let compared = 0;
    for (let band = 0; band < BANDS && bestSim < 0.9 && compared < MAX_COMPARED; band++) {
      const list = this.buckets[band]!.get(keys[band]!);
      if (!list) continue;
      // Newest first; a cluster already checked is not checked again through another member.
      // Every entry looked at counts, so a hot bucket (a campaign's thousands of copies) stays cheap.
      for (let j = list.length - 1, tried = 0; j >= 0 && tried < PER_BAND; j--) {
        const eid = list[j]!;
        tried++;
        const e = this.entries.get(eid);
        if (!e || e.checked === stamp) continue;
        e.checked = stamp;
        if (clustersSeen.includes(e.clusterId)) continue;
        compared++;
        const sim = agreement(sig, e.sig);
        if (sim >= this.threshold) clustersSeen.push(e.clusterId);
        if (sim > bestSim) {
          bestSim = sim;
          best = e;
        }
      }
    }
    if (best && bestSim >= this.threshold) {
      // A near-identical copy adds nothing to the index: only its count moves.
      if (bestSim < 0.9) this.insert(best.clusterId, sig, keys, at);
      else best.at = Math.max(best.at, at);
      return this.join(best.clusterId, bestSim);
    }
    this.insert(id, sig, keys, at);
    return this.start(id);
  }

  private start(id: string): ClusterAssignment {
    let c = this.clusters.get(id);
    if (!c) {
      c = { size: 0, live: 0 };
      this.clusters.set(id, c);
    }
    c.size++;
    return { clusterId: id, size: c.size, isNew: c.size === 1, similarity: 1 };
  }

  private join(clusterId: string, similarity: number): ClusterAssignment {
    let c = this.clusters.get(clusterId);
    if (!c) {
      c = { size: 0, live: 0 };
      this.clusters.set(clusterId, c);
    }
    c.size++;
    return { clusterId, size: c.size, isNew: false, similarity };
  }

  private insert(clusterId: string, sig: Uint32Array, keys: number[], at: number): void {
    const eid = this.nextEntry++;
    this.entries.set(eid, { clusterId, sig, at, keys, checked: 0 });
    for (let band = 0; band < BANDS; band++) {
      const bucket = this.buckets[band]!;
      const list = bucket.get(keys[band]!);
      if (!list) bucket.set(keys[band]!, [eid]);
      else {
        list.push(eid);
        // Only the newest entries of a bucket are ever looked at: older ones leave this band.
        if (list.length > BUCKET_CAP) list.shift();
      }
    }
    const c = this.clusters.get(clusterId);
    if (c) c.live++;
    else this.clusters.set(clusterId, { size: 0, live: 1 });
  }

  /** Drops entries past the age bound or the size bound, oldest first. */
  private evict(now: number): void {
    const minAt = now - this.maxAgeMs;
    while (this.oldest < this.nextEntry) {
      const e = this.entries.get(this.oldest);
      if (e && e.at >= minAt && this.entries.size <= this.maxEntries) break;
      if (e) this.remove(this.oldest, e);
      this.oldest++;
    }
    if (this.exact.size > this.maxEntries) {
      for (const [k, v] of this.exact) {
        if (this.exact.size <= this.maxEntries * 0.9) break;
        this.exact.delete(k);
        const c = this.clusters.get(v.clusterId);
        if (c && c.live <= 0) this.clusters.delete(v.clusterId);
      }
    }
  }

  private remove(eid: number, e: Entry): void {
    this.entries.delete(eid);
    for (let band = 0; band < BANDS; band++) {
      const bucket = this.buckets[band]!;
      const list = bucket.get(e.keys[band]!);
      if (!list) continue;
      const i = list.indexOf(eid);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) bucket.delete(e.keys[band]!);
    }
    const c = this.clusters.get(e.clusterId);
    if (c && --c.live <= 0) this.clusters.delete(e.clusterId);
  }
}

function bandKeys(sig: Uint32Array): number[] {
  const keys = new Array<number>(BANDS);
  for (let band = 0; band < BANDS; band++) {
    let h = Math.imul(band + 1, 0x9e3779b1);
    for (let r = 0; r < ROWS; r++) {
      h ^= sig[band * ROWS + r]!;
      h = Math.imul(h, 0x01000193);
    }
    // 30 bits: small integers, which Map hashes without boxing them.
    keys[band] = h >>> 2;
  }
  return keys;
}

/** murmur3's finalizer: spreads every input bit over the 32 output bits. */
function mix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** For each bin, the order in which bins are probed when it is empty (the same for every text). */
const PROBES: Uint8Array[] = Array.from({ length: HASHES }, (_, bin) => {
  const order = new Uint8Array(HASHES);
  for (let k = 0; k < HASHES; k++) order[k] = k;
  let x = mix(bin + 1);
  for (let k = HASHES - 1; k > 0; k--) {
    x = mix(x + k);
    const j = x % (k + 1);
    const t = order[k]!;
    order[k] = order[j]!;
    order[j] = t;
  }
  return order;
});

/** Fills empty bins from the first filled bin of their probe order (Shrivastava 2017). */
function densify(sig: Uint32Array): void {
  let empty = 0;
  for (let k = 0; k < HASHES; k++) if (sig[k] === EMPTY) empty++;
  if (empty === 0 || empty === HASHES) return;
  const filled = sig.slice();
  for (let k = 0; k < HASHES; k++) {
    if (filled[k] !== EMPTY) continue;
    const order = PROBES[k]!;
    for (let j = 0; j < HASHES; j++) {
      const v = filled[order[j]!]!;
      if (v !== EMPTY) {
        // Tagged with the source bin, so a borrowed value only matches the same borrowing.
        sig[k] = (v ^ mix(order[j]! + 0x51ed)) >>> 1;
        break;
      }
    }
  }
}

/** Share of equal MinHash positions: an estimate of the Jaccard similarity. */
function agreement(x: Uint32Array, y: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (x[k] === y[k]) same++;
  return same / HASHES;
}
