import { describe, expect, it } from 'vitest';
import { DEFAULT_LEVEL_THRESHOLDS, suggestLevel, type LevelInput } from '../../../main/core/analysis/level';

const calm: LevelInput = {
  perMinute: 0.3,
  baselinePerMinute: 0.3,
  negShare: 0.2,
  toxic: 0,
  targeted: 0,
  reach: 2000,
  crisisShare: 0.02,
};

describe('suggestLevel', () => {
  it('stays in veille on a calm stream, with no reasons', () => {
    const s = suggestLevel(calm);
    expect(s.level).toBe('veille');
    expect(s.reasons).toEqual([]);
  });

  it('climbs with the thresholds and says why', () => {
    const alerte = suggestLevel({ ...calm, perMinute: 1.5, negShare: 0.55, crisisShare: 0.25 });
    expect(alerte.level).toBe('alerte');
    expect(alerte.reasons.map((r) => r.code).sort()).toEqual([
      'crisisShare_over',
      'negShare_over',
      'volumeRatio_over',
    ]);
    expect(alerte.reasonTexts('fr')[0]).toMatch(/Volume ×5/);
    expect(alerte.reasonTexts('en')[0]).toMatch(/Volume ×5 the usual/);

    const crise = suggestLevel({
      ...calm,
      perMinute: 3,
      negShare: 0.75,
      toxic: 6,
      targeted: 1,
      crisisShare: 0.3,
      reach: 150_000,
    });
    expect(crise.level).toBe('crise');

    const majeure = suggestLevel({
      ...calm,
      perMinute: 8,
      negShare: 0.8,
      toxic: 25,
      targeted: 6,
      reach: 2_000_000,
      crisisShare: 0.45,
      crisisTerms: { 'class action': 2, 'fuite de données': 3 },
      alerts: 2,
    });
    expect(majeure.level).toBe('crise_majeure');
    expect(majeure.score).toBeGreaterThanOrEqual(10);
    expect(majeure.reasons.find((r) => r.code === 'targeted_over')).toMatchObject({
      value: 6,
      threshold: 5,
      points: 2,
    });
  });

  it('follows configured thresholds', () => {
    const strict = { ...DEFAULT_LEVEL_THRESHOLDS, levels: [{ id: 'alerte', minPoints: 1 }] };
    expect(suggestLevel({ ...calm, targeted: 1 }, strict).level).toBe('alerte');
    expect(suggestLevel({ ...calm, targeted: 1 }).level).toBe('veille');
  });

  it('does not trust volume ratios on a near-empty stream', () => {
    expect(suggestLevel({ ...calm, perMinute: 0.2, baselinePerMinute: 0.01 }).reasons).toEqual([]);
  });
});
