// Near-duplicates on a live stream: copy-paste campaigns and quote chains get one clusterId, so 500
// copies of one message count as one voice with 500 echoes. Character 5-gram shingles of the
// normalized text → MinHash signature (64 bins, one-permutation hashing: one hash per shingle) →
// LSH (16 bands × 4 rows) to find candidates, checked on the signatures' agreement; exact copies
// skip all that through a map of recent texts. The index is bounded by age and size, oldest out first:
// entries live in a ring of flat arrays, numbered in arrival order, and each band's buckets are
// chains through them (band-index.ts), so adding or evicting a post allocates nothing.
import { BandIndex } from './band-index';
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
const MAX_COMPARED = 48;
/** Newest entries looked at per band. */
const PER_BAND = 8;

/** Entry numbers wrap before reaching Int32 range: the index then starts afresh (after 2 billion posts). */
const MAX_ENTRY_NUMBER = 0x7fff0000;

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

const DEFAULT_SEED_HASH = fnv(String(DEFAULT_DUPLICATE_SEED));
const seedHash = (seed: number) => (seed === DEFAULT_DUPLICATE_SEED ? DEFAULT_SEED_HASH : fnv(String(seed)));

/** The normalized text and signature `add` would compute (default options). */
export function duplicateKey(text: string, seed = DEFAULT_DUPLICATE_SEED): DuplicateKey {
  const norm = normalizeForDuplicates(text);
  const hashed = seedHash(seed);
  return { norm, sig: norm.length >= MIN_CHARS ? duplicateSignature(norm, hashed) : null, seed: hashed };
}

/**
 * duplicateKey for a batch, signatures written side by side into `sigs` (SIGNATURE_SIZE values per
 * text, `signed[i]` = 1 where text i has one): no array allocated per text.
 */
export function duplicateKeysInto(
  texts: readonly string[],
  norms: string[],
  sigs: Uint32Array,
  signed: Uint8Array,
  seed = DEFAULT_DUPLICATE_SEED,
): number {
  const hashed = seedHash(seed);
  for (let i = 0; i < texts.length; i++) {
    const norm = normalizeForDuplicates(texts[i]!);
    norms[i] = norm;
    if (norm.length < MIN_CHARS) continue;
    signInto(norm, hashed, sigs, i * HASHES);
    signed[i] = 1;
  }
  return hashed;
}

/**
 * MinHash signature of a normalized text by one-permutation hashing: each shingle is hashed once
 * and kept in one of HASHES bins (its minimum), instead of being hashed HASHES times; empty bins
 * borrow a filled bin's value along a probe sequence fixed per bin (optimal densification), so
 * two texts' signatures still agree at a rate that estimates their Jaccard similarity.
 */
export function duplicateSignature(norm: string, seed: number): Uint32Array {
  const sig = new Uint32Array(HASHES);
  signInto(norm, seed, sig, 0);
  return sig;
}

function signInto(norm: string, seed: number, sig: Uint32Array, at: number): void {
  sig.fill(EMPTY, at, at + HASHES);
  const last = Math.max(0, norm.length - SHINGLE);
  for (let s = 0; s <= last; s++) {
    const h = mix(fnv(norm, seed, s, Math.min(norm.length, s + SHINGLE)));
    const bin = h >>> BIN_SHIFT;
    // The value must not be derived from the bin bits alone: hash again for 32 useful bits.
    const v = mix(h ^ 0x9e3779b9) >>> 1;
    if (v < sig[at + bin]!) sig[at + bin] = v;
  }
  densify(sig, at);
}

export class NearDuplicateClusterer {
  private readonly threshold: number;
  private readonly maxAgeMs: number;
  private readonly maxEntries: number;
  private readonly minChars: number;
  private readonly seed: number;
  private bands: BandIndex[] = [];
  /** Ring of entries: entry number e lives at slot e & (capacity - 1) while oldest <= e < nextEntry. */
  private capacity = 0;
  private sigs = new Uint32Array(0);
  private bandKeys = new Int32Array(0);
  /** For entry e and band b: the older entry in the same bucket (-1 if none). */
  private older = new Int32Array(0);
  private ats = new Float64Array(0);
  /** The search that last looked at each entry. */
  private checked = new Int32Array(0);
  private clusterOf: (string | undefined)[] = [];
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
    this.reset();
  }

  /** Signatures currently indexed. */
  get indexed(): number {
    return this.nextEntry - this.oldest;
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
    let best = -1;
    let bestSim = 0;
    // Stamps instead of per-post Sets: this runs for every mention ingested. They stay in Int32 range.
    const stamp = (this.stamp = this.stamp >= 0x7ffffffe ? 1 : this.stamp + 1);
    const clustersSeen: string[] = [];
    // At most MAX_COMPARED signatures compared, and none once a near-identical copy is found.
    let compared = 0;
    for (let band = 0; band < BANDS && bestSim < 0.9 && compared < MAX_COMPARED; band++) {
      // Newest first; a cluster already checked is not checked again through another member.
      // Every entry looked at counts, so a hot bucket (a campaign's thousands of copies) stays cheap.
      let e = this.bands[band]!.newest(keys[band]!);
      for (let tried = 0; e >= this.oldest && tried < PER_BAND; tried++) {
        const slot = e & (this.capacity - 1);
        const next = this.older[slot * BANDS + band]!;
        if (this.checked[slot] !== stamp) {
          this.checked[slot] = stamp;
          const clusterId = this.clusterOf[slot]!;
          if (!clustersSeen.includes(clusterId)) {
            compared++;
            const sim = agreement(sig, this.sigs, slot * HASHES);
            if (sim >= this.threshold) clustersSeen.push(clusterId);
            if (sim > bestSim) {
              bestSim = sim;
              best = e;
            }
          }
        }
        e = next;
      }
    }
    if (best >= 0 && bestSim >= this.threshold) {
      const slot = best & (this.capacity - 1);
      const clusterId = this.clusterOf[slot]!;
      // A near-identical copy adds nothing to the index: only its count moves.
      if (bestSim < 0.9) this.insert(clusterId, sig, keys, at);
      else this.ats[slot] = Math.max(this.ats[slot]!, at);
      return this.join(clusterId, bestSim);
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
    if (this.nextEntry >= MAX_ENTRY_NUMBER) this.reset();
    if (this.nextEntry - this.oldest >= this.capacity) this.growRing();
    const e = this.nextEntry++;
    const slot = e & (this.capacity - 1);
    this.sigs.set(sig, slot * HASHES);
    this.ats[slot] = at;
    this.checked[slot] = 0;
    this.clusterOf[slot] = clusterId;
    for (let band = 0; band < BANDS; band++) {
      this.bandKeys[slot * BANDS + band] = keys[band]!;
      this.older[slot * BANDS + band] = this.bands[band]!.push(keys[band]!, e);
    }
    const c = this.clusters.get(clusterId);
    if (c) c.live++;
    else this.clusters.set(clusterId, { size: 0, live: 1 });
  }

  /** Drops entries past the age bound or the size bound, oldest first. */
  private evict(now: number): void {
    const minAt = now - this.maxAgeMs;
    while (this.oldest < this.nextEntry) {
      const slot = this.oldest & (this.capacity - 1);
      if (this.ats[slot]! >= minAt && this.nextEntry - this.oldest <= this.maxEntries) break;
      this.remove(this.oldest, slot);
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

  private remove(e: number, slot: number): void {
    for (let band = 0; band < BANDS; band++) {
      this.bands[band]!.removeIfNewest(this.bandKeys[slot * BANDS + band]!, e);
    }
    const clusterId = this.clusterOf[slot]!;
    this.clusterOf[slot] = undefined;
    const c = this.clusters.get(clusterId);
    if (c && --c.live <= 0) this.clusters.delete(clusterId);
  }

  /** Doubles the ring (entries keep their numbers; only their slots move). */
  private growRing(): void {
    const capacity = Math.max(1024, this.capacity * 2);
    const sigs = new Uint32Array(capacity * HASHES);
    const bandKeysArr = new Int32Array(capacity * BANDS);
    const older = new Int32Array(capacity * BANDS);
    const ats = new Float64Array(capacity);
    const checked = new Int32Array(capacity);
    const clusterOf = new Array<string | undefined>(capacity);
    for (let e = this.oldest; e < this.nextEntry; e++) {
      const from = e & (this.capacity - 1);
      const to = e & (capacity - 1);
      sigs.set(this.sigs.subarray(from * HASHES, (from + 1) * HASHES), to * HASHES);
      bandKeysArr.set(this.bandKeys.subarray(from * BANDS, (from + 1) * BANDS), to * BANDS);
      older.set(this.older.subarray(from * BANDS, (from + 1) * BANDS), to * BANDS);
      ats[to] = this.ats[from]!;
      checked[to] = this.checked[from]!;
      clusterOf[to] = this.clusterOf[from];
    }
    this.capacity = capacity;
    this.sigs = sigs;
    this.bandKeys = bandKeysArr;
    this.older = older;
    this.ats = ats;
    this.checked = checked;
    this.clusterOf = clusterOf;
  }

  /** An empty index (at construction, and in the unlikely event entry numbers run out). */
  private reset(): void {
    this.bands = Array.from({ length: BANDS }, () => new BandIndex());
    this.clusters.clear();
    this.capacity = 0;
    this.nextEntry = 0;
    this.oldest = 0;
    this.growRing();
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

/** What a value borrowed from each bin is tagged with, so it only matches the same borrowing. */
const BORROW_TAGS = Uint32Array.from({ length: HASHES }, (_, bin) => mix(bin + 0x51ed));
/** The bins as filled before densifying (one buffer: signatures are made one at a time). */
const FILLED = new Uint32Array(HASHES);

/** Fills empty bins from the first filled bin of their probe order (Shrivastava 2017). */
function densify(sig: Uint32Array, at: number): void {
  let empty = 0;
  for (let k = 0; k < HASHES; k++) if (sig[at + k] === EMPTY) empty++;
  if (empty === 0 || empty === HASHES) return;
  FILLED.set(sig.subarray(at, at + HASHES));
  for (let k = 0; k < HASHES; k++) {
    if (FILLED[k] !== EMPTY) continue;
    const order = PROBES[k]!;
    for (let j = 0; j < HASHES; j++) {
      const from = order[j]!;
      const v = FILLED[from]!;
      if (v !== EMPTY) {
        sig[at + k] = (v ^ BORROW_TAGS[from]!) >>> 1;
        break;
      }
    }
  }
}

/** Share of equal MinHash positions (y's signature starts at `at`): an estimate of the Jaccard similarity. */
function agreement(x: Uint32Array, y: Uint32Array, at: number): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (x[k] === y[at + k]) same++;
  return same / HASHES;
}
