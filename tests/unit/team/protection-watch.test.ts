// The going-private case: the watch of the person's mentions, the all clear, matching, persistence.
import { describe, expect, it } from 'vitest';
import {
  caseView,
  closeCase,
  completeStep,
  countPerMinute,
  decideAllClear,
  eventsSince,
  observe,
  parseCase,
  personMatcher,
  protectionCaseRow,
  reopenCase,
  serializeCase,
  watchCountsFrom,
} from '../../../main/core/team/protection-case';
import { MIN, H, T, person, weekAt3, open, perMinute, code } from './protection-fixtures';

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
