import { describe, expect, it } from 'vitest';
import { RecentMap } from '../../../main/core/analysis/recent-map';

describe('RecentMap', () => {
  it('keeps the most recently written keys, between half and all of its capacity', () => {
    const m = new RecentMap<number, string>(10);
    for (let i = 0; i < 23; i++) m.set(i, `v${i}`);
    expect(m.size).toBeGreaterThanOrEqual(5);
    expect(m.size).toBeLessThanOrEqual(10);
    expect(m.get(22)).toBe('v22');
    expect(m.get(18)).toBe('v18');
    expect(m.get(0)).toBeUndefined();
    // A rewrite makes an old key recent again, with its new value.
    m.set(18, 'again');
    for (let i = 23; i < 27; i++) m.set(i, `v${i}`);
    expect(m.get(18)).toBe('again');
  });
});
