// Near-duplicates on a live stream: copy-paste campaigns and quote chains get one clusterId, so 500
// copies of one message count as one voice with 500 echoes. Character 5-gram shingles of the
// normalized text → MinHash signature (64 hashes) → LSH (16 bands × 4 rows) to find candidates,
// checked on the signatures' agreement. The index is bounded by age and size, oldest out first.
import { fnv } from './model';
import { fold } from './text';

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

const HASHES = 64;
const BANDS = 16;
const ROWS = HASHES / BANDS;
const SHINGLE = 5;

interface Entry {
  clusterId: string;
  sig: Uint32Array;
  at: number;
  keys: number[];
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

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

export class NearDuplicateClusterer {
  private readonly threshold: number;
  private readonly maxAgeMs: number;
  private readonly maxEntries: number;
  private readonly minChars: number;
  private readonly a = new Uint32Array(HASHES);
  private readonly b = new Uint32Array(HASHES);
  private readonly buckets: Map<number, number[]>[] = [];
  private readonly entries = new Map<number, Entry>();
  private readonly exact = new Map<string, { clusterId: string; at: number }>();
  private readonly clusters = new Map<string, ClusterInfo>();
  private nextEntry = 0;
  private oldest = 0;

  constructor(opts: ClustererOptions = {}) {
    this.threshold = opts.threshold ?? 0.5;
    this.maxAgeMs = opts.maxAgeMs ?? 3 * 24 * 3600_000;
    this.maxEntries = opts.maxEntries ?? 100_000;
    this.minChars = opts.minChars ?? 24;
    const r = rng(opts.seed ?? 0x5eed);
    for (let i = 0; i < HASHES; i++) {
      this.a[i] = r() | 1;
      this.b[i] = r();
    }
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

  /** MinHash signature of a normalized text. */
  signature(norm: string): Uint32Array {
    const sig = new Uint32Array(HASHES).fill(0xffffffff);
    const a = this.a;
    const b = this.b;
    const last = Math.max(0, norm.length - SHINGLE);
    for (let s = 0; s <= last; s++) {
      const x = fnv(norm, undefined, s, Math.min(norm.length, s + SHINGLE));
      for (let k = 0; k < HASHES; k++) {
        const h = (Math.imul(a[k]!, x) + b[k]!) >>> 0;
        if (h < sig[k]!) sig[k] = h;
      }
    }
    return sig;
  }

  /** Assigns a cluster to a post. `at` is its time (ms), for the age bound; ids are the caller's. */
  add(id: string, text: string, at: number): ClusterAssignment {
    this.evict(at);
    const norm = normalizeForDuplicates(text);
    if (norm.length < this.minChars) {
      const hit = this.exact.get(norm);
      if (hit && norm.length > 0) {
        hit.at = at;
        return this.join(hit.clusterId, 1);
      }
      if (norm.length > 0) this.exact.set(norm, { clusterId: id, at });
      return this.start(id);
    }
    const sig = this.signature(norm);
    const keys = bandKeys(sig);
    let best: Entry | null = null;
    let bestSim = 0;
    const checked = new Set<number>();
    const clustersSeen = new Set<string>();
    for (let band = 0; band < BANDS; band++) {
      const list = this.buckets[band]!.get(keys[band]!);
      if (!list) continue;
      // Newest first; a cluster already checked is not checked again through another member.
      for (let j = list.length - 1, tried = 0; j >= 0 && tried < 32; j--) {
        const eid = list[j]!;
        if (checked.has(eid)) continue;
        checked.add(eid);
        const e = this.entries.get(eid);
        if (!e || clustersSeen.has(e.clusterId)) continue;
        tried++;
        const sim = agreement(sig, e.sig);
        if (sim >= this.threshold) clustersSeen.add(e.clusterId);
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
    this.entries.set(eid, { clusterId, sig, at, keys });
    for (let band = 0; band < BANDS; band++) {
      const bucket = this.buckets[band]!;
      const list = bucket.get(keys[band]!);
      if (list) list.push(eid);
      else bucket.set(keys[band]!, [eid]);
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
    keys[band] = h >>> 0;
  }
  return keys;
}

/** Share of equal MinHash positions: an estimate of the Jaccard similarity. */
function agreement(x: Uint32Array, y: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (x[k] === y[k]) same++;
  return same / HASHES;
}
