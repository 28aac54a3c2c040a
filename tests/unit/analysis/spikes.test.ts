import { describe, expect, it } from 'vitest';
import {
  detectSpikes,
  MINUTE,
  poissonTail,
  rollupByMinute,
  type MinuteRollup,
} from '../../../main/core/analysis/spikes';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function poisson(r: () => number, lambda: number): number {
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= r();
  } while (p > l);
  return k - 1;
}

interface Shape {
  rate: number;
  neg: number;
  toxic: number;
  crisis: number;
}

/** A minute stream: Poisson arrivals, heavy-tailed reach (a few big accounts), given shares. */
function stream(minutes: number, shape: (minute: number) => Shape, seed = 1, start = 0): MinuteRollup[] {
  const r = rng(seed);
  const out: MinuteRollup[] = [];
  for (let m = 0; m < minutes; m++) {
    const s = shape(m);
    const count = poisson(r, s.rate);
    const row: MinuteRollup = { at: start + m * MINUTE, count, neg: 0, toxic: 0, reach: 0, crisis: 0 };
    for (let i = 0; i < count; i++) {
      if (r() < s.neg) row.neg++;
      if (r() < s.toxic) row.toxic++;
      if (r() < s.crisis) row.crisis!++;
      row.reach += r() < 0.01 ? 300_000 : Math.round(50 / Math.max(0.02, r()));
    }
    out.push(row);
  }
  return out;
}

const CALM: Shape = { rate: 3947 / 2160, neg: 0.25, toxic: 0.01, crisis: 0.03 };

describe('spike detection', () => {
  it('stays silent on a calm stream the size of the demo', () => {
    for (const seed of [1, 2, 3]) {
      expect(detectSpikes(stream(2160, () => CALM, seed))).toEqual([]);
    }
  });

  it('stays silent on a quiet stream with a few angry posts', () => {
    const quiet = stream(2160, () => ({ rate: 0.05, neg: 0.5, toxic: 0.05, crisis: 0.1 }), 4);
    expect(detectSpikes(quiet)).toEqual([]);
  });

  it('alerts within 2 minutes of an onset and says what rose', () => {
    const onset = 240;
    const rows = stream(360, (m) => (m < onset ? CALM : { rate: 25, neg: 0.8, toxic: 0.05, crisis: 0.4 }), 5);
    const alerts = detectSpikes(rows);
    expect(alerts.length).toBeGreaterThan(0);
    const first = alerts[0]!;
    expect(first.at).toBeGreaterThanOrEqual(onset * MINUTE);
    expect(first.at).toBeLessThanOrEqual((onset + 2) * MINUTE);
    const metrics = first.reasons.map((r) => r.metric);
    expect(metrics).toEqual(expect.arrayContaining(['count', 'neg']));
    const count = first.reasons.find((r) => r.metric === 'count')!;
    // The window still holds calm minutes at the first alert: the average has already doubled.
    expect(count.value).toBeGreaterThan(count.baseline * 2);
    expect(count.ratio).toBeGreaterThan(2);
    // Each language writes its own numbers: 4.4 /min in English, 4,4 /min in French.
    expect(count.text.en).toMatch(
      /^Mention volume: \d+(\.\d+)?\u00a0\/min vs \d+(\.\d+)?\u00a0\/min usually \(×\d/,
    );
    expect(count.text.fr).toMatch(
      /^Volume de mentions\u00a0: \d+(,\d+)?\u00a0\/min contre \d+(,\d+)?\u00a0\/min/,
    );
  });

  it('raises a handful of alerts for one long storm, not one per minute', () => {
    const rows = stream(
      600,
      (m) => (m < 120 ? CALM : { rate: 20 + m / 20, neg: 0.7, toxic: 0.05, crisis: 0.3 }),
      6,
    );
    const alerts = detectSpikes(rows);
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.length).toBeLessThanOrEqual(8);
    expect(new Set(alerts.map((a) => a.at)).size).toBe(alerts.length);
  });

  it('alerts on abuse rising even when volume does not', () => {
    const rows = stream(300, (m) => (m < 200 ? CALM : { ...CALM, toxic: 0.6 }), 7);
    const alerts = detectSpikes(rows);
    expect(alerts[0]?.metric).toBe('toxic');
    expect(alerts[0]!.at).toBeLessThanOrEqual(204 * MINUTE);
  });

  it('fills gaps in a sparse series', () => {
    const rows = stream(600, () => CALM, 8).filter((r) => r.count > 0);
    expect(detectSpikes(rows)).toEqual([]);
  });

  it('computes Poisson tails without cancellation', () => {
    expect(poissonTail(0, 3)).toBe(1);
    expect(poissonTail(1, 1)).toBeCloseTo(1 - Math.exp(-1), 10);
    expect(poissonTail(30, 2)).toBeGreaterThan(0);
    expect(poissonTail(30, 2)).toBeLessThan(1e-15);
  });

  it('rolls analyzed mentions up per minute', () => {
    const rows = rollupByMinute([
      { at: 61_000, negative: true, toxic: false, reach: 10, crisis: true },
      { at: 119_999, negative: false, toxic: true, reach: 5, crisis: false },
      { at: 0, negative: false, toxic: false, reach: 1, crisis: false },
    ]);
    expect(rows).toEqual([
      { at: 0, count: 1, neg: 0, toxic: 0, reach: 1, crisis: 0 },
      { at: 60_000, count: 2, neg: 1, toxic: 1, reach: 15, crisis: 1 },
    ]);
  });
});
