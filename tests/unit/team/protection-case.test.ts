// The going-private case: its playbook, steps, cooldown and baseline.
import { describe, expect, it } from 'vitest';
import { loadProtectionPlaybook, parseProtectionPlaybook } from '../../../main/core/team/playbook';
import {
  caseView,
  completeFollowUp,
  completeStep,
  computeBaseline,
  cooldownView,
  CPJ_COOLDOWN_MS,
  noteStep,
  observe,
  recordEvidence,
  reopenStep,
  restartCooldown,
  serializeCase,
  setDelegate,
} from '../../../main/core/team/protection-case';
import { code, H, MIN, open, playbook, T, weekAt3 } from './protection-fixtures';

describe('protection playbook', () => {
  it('ships in resources with every step in both languages, physical safety first', () => {
    expect(playbook.steps.map((s) => s.id)).toEqual([
      'physical_safety',
      'delegate_monitoring',
      'go_private',
      'preserve_evidence',
      'report_and_block',
      'secure_accounts',
      'doxxing_check',
      'escalate',
      'wellbeing_followup',
    ]);
    for (const s of playbook.steps) {
      for (const text of [s.title.fr, s.title.en, s.detail.fr, s.detail.en])
        expect(text.length).toBeGreaterThan(10);
    }
    expect(playbook.steps.find((s) => s.id === 'report_and_block')?.requires).toEqual(['preserve_evidence']);
  });

  it('refuses a playbook whose prerequisites are unknown, later or duplicated', () => {
    const bad = structuredClone(playbook);
    bad.steps[0]!.requires = ['report_and_block'];
    expect(code(() => parseProtectionPlaybook(bad))).toBe('playbook_invalid');
    const dup = structuredClone(playbook);
    dup.steps[1]!.id = dup.steps[0]!.id;
    expect(code(() => parseProtectionPlaybook(dup))).toBe('playbook_invalid');
    expect(code(() => loadProtectionPlaybook('/nonexistent'))).toBe('playbook_missing');
  });
});

describe('protection case: steps', () => {
  it('opens with the playbook steps in order, follow-up dates and timeline events', () => {
    const c = open({ delegate: { memberId: 'm-2', name: 'Malik' } });
    expect(c.status).toBe('open');
    expect(c.steps[0]).toMatchObject({
      id: 'physical_safety',
      owner: 'security',
      doneAt: null,
      doneBy: null,
      note: null,
    });
    expect(c.followUps.map((f) => (f.dueAt - T) / H)).toEqual([24, 168, 720]);
    // Naming the delegate is the "hand monitoring to a named colleague" step: Vigie ticks it.
    expect(c.events.map((e) => e.kind)).toEqual(['case_opened', 'baseline_set', 'delegate_set', 'step_done']);
    expect(c.events[0]?.text_fr).toContain('Hélène Durand');
    expect(c.events[2]?.text_en).toBe('Malik monitors the mentions instead of the person.');
    expect(c.steps.find((s) => s.id === 'delegate_monitoring')).toMatchObject({ doneAt: T, note: 'Malik' });
    expect(caseView(c, T).nextStep?.id).toBe('physical_safety');
  });

  it('ticks the steps the cell did in Vigie: delegate named later, evidence frozen', () => {
    let c = setDelegate(open(), { memberId: 'm-3', name: 'Karim' }, { at: T + MIN, by: 'Lou' });
    expect(c.steps.find((s) => s.id === 'delegate_monitoring')).toMatchObject({
      doneBy: 'Lou',
      note: 'Karim',
    });
    c = recordEvidence(c, { added: 12, total: 12 }, { at: T + 2 * MIN, by: 'Lou' });
    expect(c.events.slice(-2).map((e) => [e.kind, e.text_fr])).toEqual([
      ['evidence_frozen', '12 mentions gelées avec empreinte SHA-256 (12 au dossier).'],
      ['step_done', 'Étape faite : Conserver les preuves AVANT de bloquer.'],
    ]);
    // Frozen again: logged, the step stays done once.
    c = recordEvidence(c, { added: 1, total: 13 }, { at: T + 3 * MIN, by: 'Lou' });
    expect(c.events.at(-1)?.text_en).toBe('1 mention frozen with SHA-256 (13 in the dossier).');
    expect(c.events.filter((e) => e.kind === 'step_done')).toHaveLength(2);
    // Removing the delegate does not undo the step; naming another does not tick it twice.
    c = setDelegate(c, { memberId: 'm-4', name: 'Inès' }, { at: T + 4 * MIN, by: 'Lou' });
    expect(c.events.filter((e) => e.kind === 'step_done')).toHaveLength(2);
  });

  it('records who did a step, when, with a note', () => {
    const c = completeStep(open(), 'physical_safety', {
      at: T + MIN,
      by: 'Sam',
      note: 'Adresse non diffusée',
    });
    expect(c.steps[0]).toMatchObject({
      doneAt: T + MIN,
      doneBy: 'Sam',
      note: 'Adresse non diffusée',
      forced: false,
    });
    expect(c.events.at(-1)).toMatchObject({ kind: 'step_done', actor: 'Sam', at: T + MIN });
    expect(c.events.at(-1)?.text_fr).toBe(
      'Étape faite : Vérifier d’abord la sécurité physique. Note : Adresse non diffusée',
    );
    expect(caseView(c, T).nextStep?.id).toBe('delegate_monitoring');
    expect(code(() => completeStep(c, 'physical_safety', { at: T, by: 'Sam' }))).toBe('step_done');
    expect(code(() => completeStep(c, 'nope', { at: T, by: 'Sam' }))).toBe('unknown_step');
  });

  it('refuses blocking before the evidence is preserved, unless forced — and then says so', () => {
    const c = open();
    expect(code(() => completeStep(c, 'report_and_block', { at: T, by: 'Lou' }))).toBe('step_blocked');
    const forced = completeStep(c, 'report_and_block', { at: T, by: 'Lou', force: true });
    expect(forced.steps.find((s) => s.id === 'report_and_block')?.forced).toBe(true);
    expect(forced.events.at(-1)?.text_en).toContain('DONE BEFORE: Preserve evidence BEFORE blocking');
    const inOrder = completeStep(
      completeStep(c, 'preserve_evidence', { at: T, by: 'Lou' }),
      'report_and_block',
      {
        at: T + MIN,
        by: 'Lou',
      },
    );
    expect(inOrder.steps.find((s) => s.id === 'report_and_block')?.forced).toBe(false);
  });

  it('reopens a step, keeps notes, completes follow-ups, changes the delegate', () => {
    let c = completeStep(open(), 'go_private', { at: T, by: 'Hélène' });
    c = reopenStep(c, 'go_private', { at: T + MIN, by: 'Claire', note: 'compte Instagram oublié' });
    expect(c.steps.find((s) => s.id === 'go_private')).toMatchObject({ doneAt: null, note: null });
    c = noteStep(c, 'go_private', { at: T + 2 * MIN, by: 'Claire', note: 'Instagram aussi' });
    expect(c.steps.find((s) => s.id === 'go_private')?.note).toBe('Instagram aussi');
    c = completeFollowUp(c, 0, { at: T + 25 * H, by: 'Claire', note: 'dort mal' });
    expect(c.followUps[0]).toMatchObject({ doneAt: T + 25 * H, doneBy: 'Claire' });
    expect(code(() => completeFollowUp(c, 0, { at: T, by: 'x' }))).toBe('followup_done');
    expect(caseView(c, T + 8 * 24 * H).followUpsDue).toEqual([{ index: 1, dueAt: T + 168 * H }]);
    c = setDelegate(c, { memberId: null, name: 'Nora (rédaction)' }, { at: T, by: 'Claire' });
    expect(c.delegate).toEqual({ memberId: null, name: 'Nora (rédaction)' });
    expect(c.events.map((e) => e.seq)).toEqual(c.events.map((_, i) => i + 1));
  });

  it('never mutates the case it is given', () => {
    const c = open();
    const before = serializeCase(c);
    completeStep(c, 'physical_safety', { at: T, by: 'Sam' });
    observe(c, [], T + 10 * H);
    expect(serializeCase(c)).toBe(before);
  });
});

describe('protection case: cooldown', () => {
  it('counts down 24 h by default', () => {
    const c = open();
    const v = cooldownView(c, T + H);
    expect(v).toMatchObject({ until: T + 24 * H, remainingMs: 23 * H, elapsed: false });
    expect(v.progress).toBeCloseTo(1 / 24);
    expect(v.label_fr).toBe('Encore 23 h sur 1 j');
    expect(v.label_en).toBe('23 h left of 1 d');
    const done = cooldownView(c, T + 25 * H);
    expect(done).toMatchObject({
      remainingMs: 0,
      elapsed: true,
      progress: 1,
      label_en: 'Cooldown of 1 d over',
    });
  });

  it('takes another length (CPJ: 48 h) and can be restarted, each time in the timeline', () => {
    const c = open({ cooldownMs: CPJ_COOLDOWN_MS });
    expect(cooldownView(c, T).until).toBe(T + 48 * H);
    const again = restartCooldown(c, { at: T + 10 * H, by: 'Claire', durationMs: 24 * H });
    expect(cooldownView(again, T + 10 * H)).toMatchObject({ startedAt: T + 10 * H, until: T + 34 * H });
    expect(again.events.at(-1)?.kind).toBe('cooldown_restarted');
    expect(code(() => open({ cooldownMs: 0 }))).toBe('invalid_cooldown');
  });

  it('notes once in the timeline, at the exact time, that the cooldown is over', () => {
    let c = observe(open(), [], T + 23 * H);
    expect(c.events.some((e) => e.kind === 'cooldown_elapsed')).toBe(false);
    c = observe(c, [], T + 25 * H);
    c = observe(c, [], T + 26 * H);
    const elapsed = c.events.filter((e) => e.kind === 'cooldown_elapsed');
    expect(elapsed).toHaveLength(1);
    expect(elapsed[0]?.at).toBe(T + 24 * H);
  });
});

describe('protection case: baseline', () => {
  it('is the median hourly count over the 7 days before the case', () => {
    const b = computeBaseline(weekAt3, T);
    expect(b).toMatchObject({ perHour: 3, medianPerHour: 3, hours: 168, nonZeroHours: 168, windowEnd: T });
    expect(b.windowStart).toBe(T - 168 * H);
  });

  it('counts hours without mentions as 0 and never goes under the floor', () => {
    const sparse = Array.from({ length: 10 }, (_, h) => ({ minute: T - (h + 1) * H, count: 50 }));
    expect(computeBaseline(sparse, T)).toMatchObject({
      perHour: 2,
      medianPerHour: 0,
      floorPerHour: 2,
      nonZeroHours: 10,
    });
  });

  it('ignores what happens after the case opened or before the window, and averages an even middle', () => {
    const cfg = {
      baselineWindowMs: 4 * H,
      baselineFloorPerHour: 0,
      rateWindowMs: H,
      quietMs: H,
      requireCooldownElapsed: false,
    };
    const counts = [
      { minute: T - 4 * H, count: 1 },
      { minute: T - 3 * H + 59 * MIN, count: 2 },
      { minute: T - 2 * H, count: 3 },
      { minute: T - MIN, count: 10 },
      { minute: T, count: 500 },
      { minute: T - 5 * H, count: 500 },
    ];
    expect(computeBaseline(counts, T, cfg)).toMatchObject({ medianPerHour: 2.5, perHour: 2.5, hours: 4 });
  });

  it('is logged with its parts when the case opens', () => {
    expect(open().events[1]?.text_en).toBe('Normal rate: 3 mentions/h (median 3/h over 168 h, floor 2/h).');
  });
});
