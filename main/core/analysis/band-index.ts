// One LSH band of the near-duplicate index: band key → the newest entry with that key, in flat typed
// arrays (open addressing, linear probing, backward-shift deletion). Each entry links to the previous
// (older) entry with the same key, so a bucket is read newest first and never needs trimming. Kept
// apart from Maps of arrays on purpose: those cost a hash-table miss and an allocation per band per
// post, and the clusterer runs on the single SQLite writer thread for every mention stored.

/** Band keys are 30-bit non-negative integers; -1 marks an empty slot. */
const EMPTY = -1;

const home = (key: number, mask: number): number => (Math.imul(key, 0x9e3779b1) >>> 0) & mask;

export class BandIndex {
  private keys: Int32Array;
  private heads: Int32Array;
  private mask: number;
  private used = 0;

  constructor(initialSlots = 1024) {
    let size = 16;
    while (size < initialSlots) size *= 2;
    this.keys = new Int32Array(size).fill(EMPTY);
    this.heads = new Int32Array(size);
    this.mask = size - 1;
  }

  /** The newest entry filed under `key`, or -1. */
  newest(key: number): number {
    const { keys, mask } = this;
    for (let slot = home(key, mask); ; slot = (slot + 1) & mask) {
      const k = keys[slot]!;
      if (k === key) return this.heads[slot]!;
      if (k === EMPTY) return -1;
    }
  }

  /** Files `entry` as the newest under `key`; returns the entry it now links to (-1 if none). */
  push(key: number, entry: number): number {
    if ((this.used + 1) * 2 > this.keys.length) this.grow();
    const { keys, mask } = this;
    for (let slot = home(key, mask); ; slot = (slot + 1) & mask) {
      const k = keys[slot]!;
      if (k === key) {
        const previous = this.heads[slot]!;
        this.heads[slot] = entry;
        return previous;
      }
      if (k === EMPTY) {
        keys[slot] = key;
        this.heads[slot] = entry;
        this.used++;
        return -1;
      }
    }
  }

  /** Forgets `key` if `entry` is still its newest (the bucket dies with its last entry). */
  removeIfNewest(key: number, entry: number): void {
    const { keys, mask } = this;
    let slot = home(key, mask);
    for (; ; slot = (slot + 1) & mask) {
      const k = keys[slot]!;
      if (k === EMPTY) return;
      if (k === key) break;
    }
    if (this.heads[slot] !== entry) return;
    // Backward shift: later keys of the probe run move up so lookups never stop at a hole too early.
    let hole = slot;
    for (let j = (slot + 1) & mask; keys[j] !== EMPTY; j = (j + 1) & mask) {
      const h = home(keys[j]!, mask);
      const between = hole <= j ? hole < h && h <= j : hole < h || h <= j;
      if (between) continue;
      keys[hole] = keys[j]!;
      this.heads[hole] = this.heads[j]!;
      hole = j;
    }
    keys[hole] = EMPTY;
    this.used--;
  }

  get size(): number {
    return this.used;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldHeads = this.heads;
    const size = oldKeys.length * 2;
    this.keys = new Int32Array(size).fill(EMPTY);
    this.heads = new Int32Array(size);
    this.mask = size - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i]!;
      if (k === EMPTY) continue;
      let slot = home(k, this.mask);
      while (this.keys[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.keys[slot] = k;
      this.heads[slot] = oldHeads[i]!;
    }
  }
}
