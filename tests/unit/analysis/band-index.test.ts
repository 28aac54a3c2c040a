import { describe, expect, it } from 'vitest';
import { BandIndex } from '../../../main/core/analysis/band-index';

// The flat hash table behind each LSH band, checked against a Map doing the same work.

describe('BandIndex', () => {
  it('files entries newest first and links each to the previous one under its key', () => {
    const index = new BandIndex(16);
    expect(index.newest(7)).toBe(-1);
    expect(index.push(7, 0)).toBe(-1);
    expect(index.push(9, 1)).toBe(-1);
    expect(index.push(7, 2)).toBe(0);
    expect(index.newest(7)).toBe(2);
    expect(index.newest(9)).toBe(1);
  });

  it('agrees with a Map through pushes, removals and growth (colliding keys included)', () => {
    const index = new BandIndex(16);
    const model = new Map<number, number>();
    let seed = 12345;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    // Few distinct keys so probe runs collide, wrap around the table and get shifted back.
    for (let entry = 0; entry < 20_000; entry++) {
      const key = Math.floor(rnd() * 3000);
      expect(index.push(key, entry)).toBe(model.get(key) ?? -1);
      model.set(key, entry);
      if (rnd() < 0.6) {
        const victim = Math.floor(rnd() * 3000);
        const newest = model.get(victim);
        // Removing with an entry that is not the newest changes nothing.
        index.removeIfNewest(victim, (newest ?? 0) - 1);
        if (newest !== undefined && rnd() < 0.8) {
          index.removeIfNewest(victim, newest);
          model.delete(victim);
        }
      }
    }
    expect(index.size).toBe(model.size);
    for (let key = 0; key < 3000; key++) expect(index.newest(key)).toBe(model.get(key) ?? -1);
  });
});
