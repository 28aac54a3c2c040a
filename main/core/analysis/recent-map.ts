// A bounded map that keeps the most recently written keys, in O(1) per operation. Two generations:
// writes go to the young one; when it is full it becomes the old one and the previous old one is
// dropped whole. (An LRU on one Map that deletes its first key looks O(1) but is not in V8: deleted
// entries stay as holes the iterator must skip, and at 100k entries ingest slowed down tenfold.)
export class RecentMap<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  /** Keeps between `capacity / 2` and `capacity` of the most recently written keys. */
  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    return this.young.get(key) ?? this.old.get(key);
  }

  set(key: K, value: V): void {
    this.young.set(key, value);
    if (this.young.size >= this.capacity / 2) {
      this.old = this.young;
      this.young = new Map();
    }
  }

  get size(): number {
    return this.young.size + this.old.size;
  }
}
