import { describe, expect, it } from 'vitest';
import { VigieError } from '../../../main/core/errors';
import { loadProtectionPlaybook, parseProtectionPlaybook } from '../../../main/core/team/playbook';
import {
  caseView,
  closeCase,
  completeFollowUp,
  completeStep,
  computeBaseline,
  cooldownView,
  countPerMinute,
  CPJ_COOLDOWN_MS,
  decideAllClear,
  eventsSince,
  noteStep,
  observe,
  openCase,
  parseCase,
  personMatcher,
  protectionCaseRow,
  recordEvidence,
  reopenCase,
  reopenStep,
  restartCooldown,
  serializeCase,
  setDelegate,
  watchCountsFrom,
  type MinuteCount,
  type OpenCaseInput,
  type ProtectionCase,
} from '../../../main/core/team/protection-case';
import { RESOURCES } from '../../helpers/tmp';

const MIN = 60_000;
const H = 60 * MIN;
const T = Date.UTC(2025, 2, 10, 12, 0, 0);
const playbook = loadProtectionPlaybook(RESOURCES);

const person = {
  name: 'Hélène Durand',
  kind: 'journalist' as const,
  handles: [
    { platform: 'x', handle: '@hdurand' },
    { platform: 'bluesky', handle: 'hdurand.bsky.social' },
  ],
};

/** 3 mentions in every hour of the week before T: baseline 3/h. */
const weekAt3: MinuteCount[] = Array.from({ length: 168 }, (_, h) => ({
  minute: T - (h + 1) * H + 5 * MIN,
  count: 3,
}));

function open(over: Partial<OpenCaseInput> = {}): ProtectionCase {
  return openCase({
    id: 'case-1',
    incidentId: 'inc-1',
    person,
    openedAt: T,
    openedBy: 'Claire',
    playbook,
    baselineCounts: weekAt3,
    ...over,
  });
}

function perMinute(from: number, to: number, count = 1): MinuteCount[] {
  const out: MinuteCount[] = [];
  for (let m = from; m < to; m += MIN) out.push({ minute: m, count });
  return out;
}

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof VigieError) return err.code;
    throw err;
  }
  return undefined;
}

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
    expect(v.label_fr).toBe('Encore 23 h 00 min sur 1 j');
    expect(v.label_en).toBe('23 h 00 min left of 1 d');
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

describe('protection case: watch and all clear', () => {
  // An attack at 60 mentions/h from T-2h to T+4h, then 1 mention/h at half past.
  const attack = perMinute(T - 2 * H, T + 4 * H);
  const calm = (from: number, to: number) =>
    Array.from({ length: Math.ceil((to - from) / H) }, (_, i) => ({
      minute: from + i * H + 30 * MIN,
      count: 1,
    }));
  const quick = { cooldownMs: H };

  it('suggests the all clear once the rate has stayed under the baseline for 6 h', () => {
    const counts = [...attack, ...calm(T + 4 * H, T + 20 * H)];
    let c = observe(open(quick), counts, T + 6 * H);
    // The 1-hour rate drops to 3/h when only 2 attack minutes and 1 calm mention remain in it.
    const quietSince = T + 4 * H + 58 * MIN;
    expect(caseView(c, T + 6 * H)).toMatchObject({
      status: 'open',
      quietForMs: T + 6 * H - quietSince,
      allClearEarliestAt: quietSince + 6 * H,
      baselinePerHour: 3,
    });
    c = observe(c, counts, quietSince + 6 * H - MIN);
    expect(c.status).toBe('open');
    c = observe(c, counts, quietSince + 6 * H);
    expect(c.status).toBe('all_clear_suggested');
    const suggested = c.events.filter((e) => e.kind === 'all_clear_suggested');
    expect(suggested).toHaveLength(1);
    expect(suggested[0]).toMatchObject({ at: quietSince + 6 * H, actor: null });
    expect(suggested[0]?.text_fr).toContain('À décider par un humain');
    expect(c.events.filter((e) => e.kind === 'watch_quiet')[0]?.at).toBe(quietSince + 30 * MIN);
  });

  it('a relapse resets the quiet period, and the suggestion comes 6 h after the new one', () => {
    const burst = { minute: T + 8 * H, count: 10 };
    const counts = [...attack, ...calm(T + 4 * H, T + 20 * H), burst];
    let c = observe(open(quick), counts, T + 12 * H);
    expect(c.status).toBe('open'); // the first quiet run would have ended at T+10h58
    const relapse = c.events.filter((e) => e.kind === 'watch_relapse');
    expect(relapse).toHaveLength(1);
    expect(relapse[0]?.at).toBe(T + 8 * H + MIN);
    expect(relapse[0]?.text_en).toContain('Relapse: 11 mentions/h, above the normal rate (3/h)');
    const newQuiet = T + 9 * H + MIN;
    expect(caseView(c, T + 12 * H).allClearEarliestAt).toBe(newQuiet + 6 * H);
    c = observe(c, counts, newQuiet + 6 * H);
    expect(c.status).toBe('all_clear_suggested');
    expect(c.watch.relapses).toBe(1);
  });

  it('a relapse after the suggestion withdraws it', () => {
    const counts = [...attack, ...calm(T + 4 * H, T + 20 * H)];
    let c = observe(open(quick), counts, T + 11 * H);
    expect(c.status).toBe('all_clear_suggested');
    c = observe(c, [...counts, { minute: T + 11 * H + 5 * MIN, count: 40 }], T + 12 * H);
    expect(c.status).toBe('open');
    expect(c.events.slice(-2).map((e) => e.kind)).toEqual(['watch_relapse', 'all_clear_withdrawn']);
    expect(c.events.at(-1)?.at).toBe(T + 11 * H + 6 * MIN);
  });

  it('waits for the end of the cooldown by default', () => {
    let c = observe(open(), [], T + 23 * H);
    expect(c.status).toBe('open');
    c = observe(c, [], T + 25 * H);
    expect(c.status).toBe('all_clear_suggested');
    expect(c.events.find((e) => e.kind === 'all_clear_suggested')?.at).toBe(T + 24 * H);
    const noWait = observe(open({ watch: { requireCooldownElapsed: false } }), [], T + 7 * H);
    expect(noWait.events.find((e) => e.kind === 'all_clear_suggested')?.at).toBe(T + MIN + 6 * H);
  });

  it('gives the same result fed minute by minute or all at once', () => {
    const counts = [...attack, ...calm(T + 4 * H, T + 20 * H), { minute: T + 8 * H, count: 10 }];
    const once = observe(open(quick), counts, T + 16 * H);
    let step = open(quick);
    for (let now = T; now <= T + 16 * H; now += 7 * MIN) {
      const from = watchCountsFrom(step);
      step = observe(
        step,
        counts.filter((x) => x.minute >= from && x.minute < now),
        now,
      );
    }
    step = observe(step, counts, T + 16 * H);
    expect(step.events).toEqual(once.events);
    expect(step.status).toBe(once.status);
  });

  it('the human decides: a rejection waits another full quiet period, an acceptance closes', () => {
    const c = observe(open(), [], T + 25 * H);
    expect(c.status).toBe('all_clear_suggested');
    const rejected = decideAllClear(c, 'reject', {
      at: T + 26 * H,
      by: 'Claire',
      note: 'Elle préfère attendre',
    });
    expect(rejected.status).toBe('open');
    expect(rejected.events.at(-1)).toMatchObject({ kind: 'all_clear_rejected', actor: 'Claire' });
    expect(observe(rejected, [], T + 32 * H - MIN).status).toBe('open');
    expect(observe(rejected, [], T + 32 * H).status).toBe('all_clear_suggested');

    const accepted = decideAllClear(c, 'accept', { at: T + 26 * H, by: 'Claire' });
    expect(accepted).toMatchObject({ status: 'closed', closedAt: T + 26 * H });
    expect(accepted.events.slice(-2).map((e) => e.kind)).toEqual(['all_clear_accepted', 'case_closed']);
    expect(observe(accepted, perMinute(T + 26 * H, T + 27 * H, 50), T + 28 * H)).toEqual(accepted);
    expect(code(() => decideAllClear(rejected, 'accept', { at: T, by: 'x' }))).toBe('no_all_clear');
  });

  it('a human can close and reopen a case at any time', () => {
    const closed = closeCase(open(), { at: T + H, by: 'Claire', note: 'fausse alerte' });
    expect(closed.status).toBe('closed');
    expect(closed.events.at(-1)?.text_fr).toBe('Mise à l’abri close. Note : fausse alerte');
    expect(code(() => closeCase(closed, { at: T, by: 'x' }))).toBe('case_closed');
    const reopened = reopenCase(closed, { at: T + 2 * H, by: 'Claire' });
    expect(reopened).toMatchObject({ status: 'open', closedAt: null });
  });

  it('lists events newer than what the store has already written', () => {
    const c = completeStep(open(), 'physical_safety', { at: T, by: 'Sam' });
    expect(eventsSince(c, 2).map((e) => e.kind)).toEqual(['step_done']);
  });
});

describe('protection case: matching, persistence', () => {
  const match = personMatcher({ ...person, keywords: ['HD du 20h'] });

  it('matches handles, the name without accents or case, and keywords, as whole words', () => {
    expect(match({ text: 'Regardez @HDurand ce soir' })).toBe(true);
    expect(match({ text: 'hdurand.bsky.social a encore menti' })).toBe(true);
    expect(match({ text: 'helene   DURAND démission' })).toBe(true);
    expect(match({ text: 'la hd du 20h est nulle' })).toBe(true);
    expect(match({ text: '@hdurand2 rien à voir' })).toBe(false);
    expect(match({ text: 'écrivez à contact@hdurand.fr' })).toBe(false);
    expect(match({ text: 'Hélène Durandal' })).toBe(false);
    expect(match({ text: '@hdurand merci à tous', authorHandle: '@HDurand' })).toBe(false);
  });

  it('counts matching mentions per minute', () => {
    const mentions = [
      { createdAt: T + 5_000, text: '@hdurand 1' },
      { createdAt: T + 59_000, text: '@hdurand 2' },
      { createdAt: T + 61_000, text: 'Hélène Durand 3' },
      { createdAt: T + 62_000, text: 'autre chose' },
    ];
    expect(countPerMinute(mentions, match)).toEqual([
      { minute: T, count: 2 },
      { minute: T + MIN, count: 1 },
    ]);
  });

  it('round-trips through JSON and gives the row for the store', () => {
    const c = observe(completeStep(open(), 'physical_safety', { at: T, by: 'Sam' }), weekAt3, T + 2 * H);
    expect(parseCase(serializeCase(c))).toEqual(c);
    expect(() => parseCase({ ...c, status: 'maybe' })).toThrow();
    const row = protectionCaseRow(c);
    expect(row).toMatchObject({
      id: 'case-1',
      incident_id: 'inc-1',
      person_name: 'Hélène Durand',
      status: 'open',
      started_at: T,
      cooldown_until: T + 24 * H,
      closed_at: null,
    });
    expect(JSON.parse(row.handles)).toEqual(person.handles);
    expect(JSON.parse(row.state)).toEqual(c);
  });
});
