import { describe, expect, it } from 'vitest';
import {
  bandOf,
  DEFAULT_LOAD_CONFIG,
  exposureUnits,
  handoffNote,
  handoffNotes,
  loadScore,
  rawTlx,
  tlxPromptDue,
  type Exposure,
  type LoadInput,
  type TlxReport,
} from '../../../main/core/team/load-score';

const MIN = 60_000;
const H = 60 * MIN;
const NOW = Date.UTC(2025, 2, 10, 14, 0, 0);

const base: LoadInput = {
  now: NOW,
  role: null,
  onDutyMs: 0,
  sinceRealBreakMs: 0,
  exposures: [],
  tlx: null,
};
const part = (r: ReturnType<typeof loadScore>, key: string) => r.parts.find((p) => p.key === key);
const tlx = (v: number, at = NOW): TlxReport => ({
  at,
  mental: v,
  physical: v,
  temporal: v,
  performance: v,
  effort: v,
  frustration: v,
});
const expo = (over: Partial<Exposure> = {}): Exposure => ({
  at: NOW,
  toxicity: 1,
  target: 'other',
  action: 'opened',
  ...over,
});

describe('load score: each part of the formula', () => {
  it('a fresh member scores 0, band ok, no rotation, with every part listed', () => {
    const r = loadScore(base);
    expect(r).toMatchObject({ score: 0, band: 'ok', suggestRotation: false });
    expect(r.parts.map((p) => p.key)).toEqual(['duty', 'since_break', 'exposure', 'tlx', 'role']);
    for (const p of r.parts) {
      expect(p.explanation_fr.length).toBeGreaterThan(0);
      expect(p.explanation_en.length).toBeGreaterThan(0);
    }
  });

  it('duty and time since the last real break are linear up to their reference, then full', () => {
    const r = loadScore({ ...base, onDutyMs: H, sinceRealBreakMs: 45 * MIN });
    // No TLX: the weights 0.20/0.20/0.35 are shared over 0.75.
    expect(part(r, 'duty')).toMatchObject({ value: 60, weight: 0.267, contribution: 13.3 });
    expect(part(r, 'since_break')).toMatchObject({ value: 45, contribution: 13.3 });
    expect(r.score).toBe(26.7);
    const full = loadScore({ ...base, onDutyMs: 5 * H, sinceRealBreakMs: 5 * H });
    expect(full.score).toBe(53.3);
    expect(part(full, 'duty')?.explanation_en).toContain('On duty for 5 h (');
  });

  it('without a known last break, time on duty stands for it', () => {
    const r = loadScore({ ...base, onDutyMs: 45 * MIN, sinceRealBreakMs: null });
    expect(part(r, 'since_break')?.value).toBe(45);
  });

  it('exposure weighs toxicity, whom the abuse targets, the action and its age', () => {
    const one = (e: Partial<Exposure>) => exposureUnits([expo(e)], NOW).units;
    expect(one({ target: 'self', action: 'handled' })).toBeCloseTo(4.95);
    expect(one({ target: 'self' })).toBeCloseTo(3.3);
    expect(one({ target: 'colleague' })).toBeCloseTo(1.65);
    expect(one({ target: 'other' })).toBeCloseTo(1.1);
    expect(one({ toxicity: 0 })).toBeCloseTo(0.1); // volume alone
    expect(one({ toxicity: null })).toBeCloseTo(0.4); // unknown → 0.3
    expect(one({ at: NOW - H })).toBeCloseTo(0.55); // half-life 1 h
    expect(one({ at: NOW - 5 * H })).toBe(0); // out of the 4 h window
    expect(one({ at: NOW + MIN })).toBe(0); // the future does not count

    const r = loadScore({ ...base, exposures: [expo({ target: 'self', action: 'handled' })] });
    const e = part(r, 'exposure');
    expect(e?.value).toBe(4.95);
    // 100 × 0.35 × (4.95 / 12) / 0.75
    expect(e?.contribution).toBe(19.3);
    expect(r.score).toBe(19.3);
    expect(e?.explanation_fr).toContain('1 mention ouverte ou traitée');
  });

  it('exposure saturates at its reference', () => {
    const many = Array.from({ length: 20 }, () => expo({ target: 'self', action: 'handled' }));
    const r = loadScore({ ...base, exposures: many });
    expect(part(r, 'exposure')?.contribution).toBe(46.7); // 100 × 0.35 / 0.75
  });

  it('a recent raw NASA-TLX takes its weight; an old one is left out and its weight shared', () => {
    const r = loadScore({ ...base, onDutyMs: 2 * H, sinceRealBreakMs: 0, tlx: tlx(60, NOW - H) });
    expect(part(r, 'tlx')).toMatchObject({ value: 60, weight: 0.25, contribution: 15 });
    expect(part(r, 'duty')).toMatchObject({ weight: 0.2, contribution: 20 });
    expect(r.score).toBe(35);
    expect(r.band).toBe('watch');

    const old = loadScore({ ...base, onDutyMs: 2 * H, sinceRealBreakMs: 0, tlx: tlx(60, NOW - 4 * H) });
    expect(part(old, 'tlx')).toMatchObject({ value: null, weight: 0, contribution: 0 });
    expect(part(old, 'tlx')?.explanation_en).toContain('its weight is shared');
    expect(old.score).toBe(26.7);
  });

  it('raw TLX is the mean of the six sliders, each 0..100', () => {
    expect(
      rawTlx({ mental: 90, physical: 10, temporal: 80, performance: 40, effort: 70, frustration: 50 }),
    ).toBe(340 / 6);
    expect(() => rawTlx({ ...tlx(50), mental: 101 })).toThrow();
    expect(() => rawTlx({ ...tlx(50), effort: -1 })).toThrow();
  });

  it('the role multiplies the base score, lead and comms weigh more', () => {
    const load = { ...base, onDutyMs: 2 * H, sinceRealBreakMs: 2 * H };
    expect(loadScore({ ...load, role: 'analyst' }).score).toBe(53.3);
    const comms = loadScore({ ...load, role: 'comms' });
    expect(comms.score).toBe(64);
    expect(part(comms, 'role')).toMatchObject({ value: 1.2, contribution: 10.7 });
    expect(loadScore({ ...load, role: 'lead' }).score).toBe(66.7);
  });

  it('caps at 100 and says so in a part, contributions still adding up to the score', () => {
    const r = loadScore({
      ...base,
      role: 'lead',
      onDutyMs: 3 * H,
      sinceRealBreakMs: 3 * H,
      exposures: Array.from({ length: 10 }, () => expo({ target: 'self' })),
      tlx: tlx(100),
    });
    expect(r.score).toBe(100);
    expect(part(r, 'cap')).toMatchObject({ value: 125, contribution: -25 });
    const sum = r.parts.reduce((s, p) => s + p.contribution, 0);
    expect(sum).toBeCloseTo(100, 0);
  });

  it('contributions add up to the score in an ordinary case too', () => {
    const r = loadScore({
      ...base,
      role: 'comms',
      onDutyMs: 75 * MIN,
      sinceRealBreakMs: 50 * MIN,
      exposures: [expo({ target: 'colleague', toxicity: 0.7, at: NOW - 30 * MIN }), expo({ toxicity: 0.2 })],
      tlx: tlx(45, NOW - 30 * MIN),
    });
    const sum = r.parts.reduce((s, p) => s + p.contribution, 0);
    expect(Math.abs(sum - r.score)).toBeLessThan(0.2);
  });
});

describe('load score: the worked example of LOAD-SCORE.md', () => {
  it('gives 57.7 (high) for the comms member, 60.1 if they were the lead', () => {
    const example: LoadInput = {
      now: NOW,
      role: 'comms',
      onDutyMs: 75 * MIN,
      sinceRealBreakMs: 50 * MIN,
      exposures: [
        expo({ at: NOW - 30 * MIN, toxicity: 0.9, target: 'self' }),
        expo({ at: NOW - 30 * MIN, toxicity: 0.7, target: 'colleague', action: 'handled' }),
        expo({ at: NOW - 5 * MIN, toxicity: 0.2 }),
      ],
      tlx: {
        at: NOW - 30 * MIN,
        mental: 70,
        physical: 20,
        temporal: 75,
        performance: 40,
        effort: 65,
        frustration: 60,
      },
    };
    const r = loadScore(example);
    expect(r).toMatchObject({ score: 57.7, band: 'high', suggestRotation: false });
    expect(r.parts.map((p) => [p.key, p.value, p.contribution])).toEqual([
      ['duty', 75, 12.5],
      ['since_break', 50, 11.1],
      ['exposure', 3.68, 10.7],
      ['tlx', 55, 13.8],
      ['role', 1.2, 9.6],
    ]);
    expect(part(r, 'exposure')?.explanation_fr).toContain('3,7 unités sur 12');
    expect(part(r, 'role')?.explanation_fr).toBe('Rôle communication : score de base × 1,2.');
    const lead = loadScore({ ...example, role: 'lead' });
    expect(lead.score).toBe(60.1);
    // The multiplier as configured in both languages (1.25, not 1.3 in French).
    expect(part(lead, 'role')?.explanation_fr).toBe('Rôle pilote : score de base × 1,25.');
    expect(part(lead, 'role')?.explanation_en).toBe('Role lead: base score × 1.25.');
  });
});

describe('load score: bands and rotation', () => {
  it('maps scores to bands at the configured thresholds', () => {
    expect([0, 34.9, 35, 54.9, 55, 74.9, 75, 100].map((s) => bandOf(s))).toEqual([
      'ok',
      'ok',
      'watch',
      'watch',
      'high',
      'high',
      'critical',
      'critical',
    ]);
    expect(bandOf(50, { ...DEFAULT_LOAD_CONFIG, bands: { watch: 10, high: 20, critical: 50 } })).toBe(
      'critical',
    );
  });

  it('suggests rotation from the threshold up, not below', () => {
    const load = { ...base, onDutyMs: 2 * H, sinceRealBreakMs: 2 * H };
    expect(loadScore({ ...load, role: 'comms' })).toMatchObject({ score: 64, suggestRotation: false });
    expect(loadScore({ ...load, role: 'lead' })).toMatchObject({
      score: 66.7,
      suggestRotation: true,
      rotationReasons: ['score'],
    });
    const config = { ...DEFAULT_LOAD_CONFIG, rotateAt: 64 };
    expect(loadScore({ ...load, role: 'comms' }, config).suggestRotation).toBe(true);
  });

  it('suggests rotation for a member personally targeted, whatever the score', () => {
    const targeted = Array.from({ length: 5 }, () => expo({ target: 'self', toxicity: 0.6 }));
    const r = loadScore({ ...base, exposures: targeted });
    expect(r.score).toBeLessThan(65);
    expect(r).toMatchObject({ suggestRotation: true, rotationReasons: ['targeted'] });
    const four = loadScore({ ...base, exposures: targeted.slice(1) });
    expect(four.suggestRotation).toBe(false);
    const colleague = loadScore({
      ...base,
      exposures: targeted.map((e) => ({ ...e, target: 'colleague' as const })),
    });
    expect(colleague.suggestRotation).toBe(false);
  });
});

describe('NASA-TLX prompt rate limit', () => {
  const input = { now: NOW, onDuty: true, onDutyMs: H, lastPromptedAt: null, lastReportAt: null };

  it('prompts on duty once the first half hour is over', () => {
    expect(tlxPromptDue(input)).toEqual({ prompt: true, nextAt: NOW });
    expect(tlxPromptDue({ ...input, onDutyMs: 10 * MIN })).toEqual({ prompt: false, nextAt: NOW + 20 * MIN });
    expect(tlxPromptDue({ ...input, onDuty: false })).toEqual({ prompt: false, nextAt: null });
  });

  it('never prompts more than once every 2 hours, answered or dismissed', () => {
    expect(tlxPromptDue({ ...input, lastPromptedAt: NOW - H })).toEqual({ prompt: false, nextAt: NOW + H });
    expect(tlxPromptDue({ ...input, lastReportAt: NOW - 119 * MIN }).prompt).toBe(false);
    expect(tlxPromptDue({ ...input, lastReportAt: NOW - 2 * H }).prompt).toBe(true);
    expect(tlxPromptDue({ ...input, lastPromptedAt: NOW - 30 * MIN, lastReportAt: NOW - 3 * H }).prompt).toBe(
      false,
    );
    expect(
      tlxPromptDue({ ...input, lastPromptedAt: NOW - H }, { minIntervalMs: H, firstAfterMs: 0 }).prompt,
    ).toBe(true);
  });
});

describe('handoff note', () => {
  const input = {
    at: Date.UTC(2025, 2, 10, 18, 0),
    timeZone: 'Europe/Paris',
    from: 'Claire',
    to: 'Malik',
    incident: 'Panne Ondaline',
    openItems: [
      { title: 'Réponse au tweet du député', owner: 'Inès', since: Date.UTC(2025, 2, 10, 16, 30) },
      { title: 'Ligne\nsur deux lignes', note: 'à relire' },
    ],
    pendingApprovals: [
      { title: 'Communiqué n° 2', waitingFor: 'direction', since: Date.UTC(2025, 2, 10, 17, 0) },
    ],
    watchedAccounts: [
      { platform: 'x', handle: '@rage_ondaline', reason: 'relance la rumeur toutes les heures' },
    ],
    colleagues: [{ name: 'Inès', reason: 'visée personnellement depuis 15 h', band: 'high' as const }],
    notes: 'Le standard ferme à 20 h.',
  };

  it('lists what is open, what is pending and whom to watch, in French', () => {
    const fr = handoffNote(input, 'fr');
    expect(fr).toContain('# Note de relève');
    expect(fr).toContain('De: Claire');
    expect(fr).toContain('À: Malik');
    expect(fr).toContain('Heure: 2025-03-10 19:00:00 UTC+1');
    expect(fr).toContain('- Réponse au tweet du député (responsable Inès, depuis 2025-03-10 17:30:00 UTC+1)');
    expect(fr).toContain('- Ligne sur deux lignes — à relire');
    expect(fr).toContain('## En attente de validation\n- Communiqué n° 2 (attend direction');
    expect(fr).toContain('- @rage_ondaline [x] — relance la rumeur');
    expect(fr).toContain(
      '## Collègues à surveiller\n- Inès — visée personnellement depuis 15 h (charge élevée)',
    );
    expect(fr).toContain('## Notes\nLe standard ferme à 20 h.');
  });

  it('writes the same note in English and says when a section is empty', () => {
    const { en } = handoffNotes({ ...input, to: null, pendingApprovals: [], colleagues: [] });
    expect(en).toContain('# Handoff note');
    expect(en).toContain('To: to be named');
    expect(en).toContain('## Pending approval\nNothing.');
    expect(en).toContain('## Colleagues to watch\nNothing.');
    expect(en).toContain('## What is open');
  });
});
