import { describe, expect, it } from 'vitest';
import {
  createTimer,
  DEFAULT_TIMER_CONFIG,
  journalSince,
  parseTimer,
  reduce,
  serializeTimer,
  timerConfig,
  view,
  type TimerEvent,
  type TimerState,
} from '../../../main/core/team/rest-timer';

const MIN = 60_000;
const H = 60 * MIN;
const T0 = Date.UTC(2025, 2, 10, 8, 0, 0);
const t = (minutes: number, seconds = 0) => T0 + minutes * MIN + seconds * 1000;

function run(state: TimerState, ...events: TimerEvent[]): TimerState {
  return events.reduce(reduce, state);
}

function onDuty(config = DEFAULT_TIMER_CONFIG, at = T0): TimerState {
  return reduce(createTimer(config, at), { type: 'start_duty', at });
}

describe('rest timer: breaks come due', () => {
  it('warns before a micro-break, then says it is due, then overdue for the member and the lead', () => {
    const s = onDuty();
    expect(view(s, t(10)).state).toBe('working');
    expect(view(s, t(10)).notifications).toEqual([]);

    const warn = view(s, t(14, 40));
    expect(warn.state).toBe('working');
    expect(warn.nextBreakKind).toBe('micro');
    expect(warn.nextBreakAt).toBe(t(15));
    expect(warn.dueInMs).toBe(20_000);
    expect(warn.notifications.map((n) => [n.kind, n.audience])).toEqual([['break_warning', 'member']]);
    expect(warn.notifications[0]?.message_fr).toContain('Micro-pause dans 20 s');

    const due = view(s, t(15, 30));
    expect(due.state).toBe('micro_due');
    expect(due.dueInMs).toBe(0);
    expect(due.overdueByMs).toBe(30_000);
    expect(due.notifications.map((n) => n.kind)).toEqual(['break_due']);

    const late = view(s, t(17, 1));
    expect(late.state).toBe('overdue');
    expect(late.notifications.map((n) => [n.kind, n.audience])).toEqual([
      ['break_overdue', 'member'],
      ['break_overdue', 'lead'],
    ]);
    expect(late.notifications[1]?.message_en).toContain('overdue by 2 min');
  });

  it('makes the rest break due after its interval and prefers it over a due micro-break', () => {
    const config = timerConfig({ micro: { intervalMs: 50 * MIN } });
    const s = onDuty(config);
    const v = view(s, t(50));
    expect(v.state).toBe('break_due');
    expect(v.nextBreakKind).toBe('rest');
  });

  it('a due rest break inherits the earliest due time: a micro-break owed earlier keeps it overdue', () => {
    const s = onDuty();
    // micro due at 15 (overdue at 17); nothing taken; the rest break is due at 50.
    const v = view(s, t(50));
    expect(v.nextBreakKind).toBe('rest');
    expect(v.state).toBe('overdue');
    expect(v.nextBreakAt).toBe(t(15));
  });

  it('counts a break taken, resets its clock, and a rest break also resets the micro clock', () => {
    let s = onDuty();
    s = run(s, { type: 'start_break', at: t(15) }, { type: 'end_break', at: t(15, 20) });
    let v = view(s, t(15, 20));
    expect(v.breaksTaken).toBe(1);
    expect(v.nextBreakAt).toBe(t(30, 20));
    expect(journalSince(s, 0).map((e) => e.type)).toEqual(['duty_started', 'break_started', 'break_taken']);

    s = run(s, { type: 'start_break', at: t(40), kind: 'rest' }, { type: 'end_break', at: t(50) });
    v = view(s, t(50));
    expect(v.breaksTaken).toBe(2);
    expect(v.nextBreakKind).toBe('micro');
    expect(v.nextBreakAt).toBe(t(65));
    expect(v.sinceRealBreakMs).toBe(0);
  });

  it('shows the current break and says when it is complete', () => {
    const s = run(onDuty(), { type: 'start_break', at: t(15) });
    expect(view(s, t(15, 5))).toMatchObject({
      state: 'on_break',
      currentBreak: { kind: 'micro', endsAt: t(15, 20), remainingMs: 15_000 },
    });
    expect(view(s, t(15, 25)).notifications.map((n) => n.kind)).toEqual(['break_complete']);
  });

  it('a break cut short does not count and the break stays due', () => {
    const s = run(onDuty(), { type: 'start_break', at: t(15) }, { type: 'end_break', at: t(15, 5) });
    const v = view(s, t(15, 5));
    expect(v.breaksTaken).toBe(0);
    expect(v.state).toBe('micro_due');
    expect(s.journal.at(-1)).toMatchObject({ type: 'break_cut_short', durationMs: 5000 });
  });

  it('activity after a complete break ends it by itself; activity during a short one does not', () => {
    let s = run(onDuty(), { type: 'start_break', at: t(15) }, { type: 'activity', at: t(15, 3) });
    expect(s.phase).toBe('on_break');
    s = reduce(s, { type: 'activity', at: t(15, 19) });
    expect(s.phase).toBe('working');
    expect(view(s, t(15, 19)).breaksTaken).toBe(1);
  });
});

describe('rest timer: postpone, skip, strict mode', () => {
  it('postpones a due break a limited number of times, each clamped to the maximum length', () => {
    let s = onDuty();
    s = reduce(s, { type: 'postpone', at: t(15), ms: 10 * MIN });
    let v = view(s, t(15));
    expect(v.nextBreakAt).toBe(t(17)); // clamped to postponeMaxMs = 2 min
    expect(v.postponesLeft).toBe(1);
    expect(v.state).toBe('working');

    s = reduce(s, { type: 'postpone', at: t(17), ms: MIN });
    v = view(s, t(17));
    expect(v.nextBreakAt).toBe(t(18));
    expect(v.postponesLeft).toBe(0);
    expect(v.canPostpone).toBe(false);
    expect(v.canSkip).toBe(false); // not in the warning window of the postponed break yet
    expect(view(s, t(17, 45)).canSkip).toBe(true);

    const refused = reduce(s, { type: 'postpone', at: t(18) });
    expect(refused.lastRejected).toMatchObject({ event: 'postpone', reason: 'no_postpones_left' });
    expect(view(refused, t(18)).nextBreakAt).toBe(t(18));
    expect(view(refused, t(18)).breaksPostponed).toBe(2);
  });

  it('postponing during the warning counts from the due time, before it is refused', () => {
    const s = onDuty();
    expect(reduce(s, { type: 'postpone', at: t(10) }).lastRejected?.reason).toBe('not_due');
    const ok = reduce(s, { type: 'postpone', at: t(14, 45) });
    expect(view(ok, t(14, 45)).nextBreakAt).toBe(t(17));
  });

  it('a new break gets its postpones back once the previous one is taken', () => {
    let s = run(onDuty(), { type: 'postpone', at: t(15) }, { type: 'postpone', at: t(17) });
    s = run(s, { type: 'start_break', at: t(19) }, { type: 'end_break', at: t(19, 20) });
    expect(view(s, t(34, 30)).postponesLeft).toBe(2);
  });

  it('records a skip, counts it against wellbeing and restarts the clock', () => {
    const s = reduce(onDuty(), { type: 'skip', at: t(15, 10) });
    const v = view(s, t(15, 10));
    expect(v.breaksSkipped).toBe(1);
    expect(v.nextBreakAt).toBe(t(30, 10));
    expect(s.journal.at(-1)).toMatchObject({ type: 'break_skipped', kind: 'micro', dueAt: t(15) });
    expect(reduce(onDuty(), { type: 'skip', at: t(5) }).lastRejected?.reason).toBe('not_due');
  });

  it('strict mode from the cell config refuses postpone and skip', () => {
    const s = onDuty(timerConfig({ strict: true }));
    expect(reduce(s, { type: 'postpone', at: t(15) }).lastRejected?.reason).toBe('strict_mode');
    expect(reduce(s, { type: 'skip', at: t(15) }).lastRejected?.reason).toBe('strict_mode');
    const v = view(s, t(15));
    expect(v).toMatchObject({ strict: true, canPostpone: false, canSkip: false, postponesLeft: 0 });
  });

  it('the lead imposes strict mode, then lifts it; both are journaled with the lead name', () => {
    let s = reduce(onDuty(), { type: 'lead_impose', at: t(1), by: 'Claire', strict: true });
    expect(reduce(s, { type: 'skip', at: t(15) }).lastRejected?.reason).toBe('strict_mode');
    s = reduce(s, { type: 'lead_impose', at: t(15), by: 'Claire', strict: false });
    expect(reduce(s, { type: 'skip', at: t(15) }).lastRejected).toBeNull();
    expect(s.journal.filter((e) => e.by === 'Claire').map((e) => e.type)).toEqual([
      'strict_on',
      'strict_off',
    ]);
  });

  it('a break imposed by the lead is due at once and cannot be postponed or skipped', () => {
    let s = reduce(onDuty(), { type: 'lead_impose', at: t(5), by: 'Claire', breakKind: 'rest' });
    const v = view(s, t(5));
    expect(v.state).toBe('break_due');
    expect(v.nextBreakKind).toBe('rest');
    expect(v.canSkip).toBe(false);
    expect(reduce(s, { type: 'skip', at: t(5) }).lastRejected?.reason).toBe('imposed_break');
    expect(reduce(s, { type: 'postpone', at: t(5) }).lastRejected?.reason).toBe('imposed_break');
    s = run(s, { type: 'start_break', at: t(6) }, { type: 'end_break', at: t(16) });
    expect(view(s, t(16)).state).toBe('working');
    expect(view(s, t(16)).nextBreakAt).toBe(t(31));
  });
});

describe('rest timer: natural breaks from idle time', () => {
  it('an idle period as long as a micro-break counts as one, once, however often it is reported', () => {
    let s = onDuty();
    s = reduce(s, { type: 'idle', at: t(10, 19), durationMs: 19_000 });
    expect(view(s, t(10, 19)).breaksNatural).toBe(1);
    expect(view(s, t(10, 19)).nextBreakAt).toBe(t(25, 19));
    s = run(
      s,
      { type: 'idle', at: t(10, 24), durationMs: 24_000 },
      { type: 'idle', at: t(10, 29), durationMs: 29_000 },
      { type: 'activity', at: t(10, 31) },
    );
    const v = view(s, t(10, 31));
    expect(v.breaksNatural).toBe(1);
    expect(v.nextBreakAt).toBe(t(25, 31));
    expect(s.journal.filter((e) => e.type === 'break_natural')).toHaveLength(1);
  });

  it('an idle report also dates the last input: the activity that ends it adds no false rest break', () => {
    // No activity events at all before the idle reports (the feeder may send only idle times).
    let s = reduce(onDuty(), { type: 'idle', at: t(10, 29), durationMs: 29_000 });
    s = reduce(s, { type: 'activity', at: t(10, 31) });
    expect(s.journal.filter((e) => e.type === 'break_natural')).toEqual([
      expect.objectContaining({ kind: 'micro', startedAt: t(10), durationMs: 31_000 }),
    ]);
    expect(view(s, t(10, 31)).sinceRealBreakMs).toBe(t(10, 31) - T0);
  });

  it('too short an idle period is not a break', () => {
    const s = reduce(onDuty(), { type: 'idle', at: t(10), durationMs: 15_000 });
    expect(view(s, t(10)).breaksNatural).toBe(0);
    expect(view(s, t(10)).nextBreakAt).toBe(t(15));
  });

  it('a long idle period counts as a rest break and resets both clocks', () => {
    const s = reduce(onDuty(), { type: 'idle', at: t(40), durationMs: 10 * MIN });
    const v = view(s, t(40));
    expect(v.breaksNatural).toBe(1);
    expect(v.sinceRealBreakMs).toBe(0);
    expect(v.nextBreakAt).toBe(t(55));
    expect(s.journal.at(-1)).toMatchObject({ type: 'break_natural', kind: 'rest' });
  });

  it('infers idle time from gaps between activity events, minus their granularity', () => {
    let s = onDuty();
    for (let sec = 5; sec <= 240; sec += 5) s = reduce(s, { type: 'activity', at: t(0, sec) });
    expect(view(s, t(4)).breaksNatural).toBe(0);
    // A 20 s gap is 15 s idle at a 5 s granularity: not a micro-break.
    s = reduce(s, { type: 'activity', at: t(4, 20) });
    expect(view(s, t(4, 20)).breaksNatural).toBe(0);
    // A 30 s gap is 25 s idle: a micro-break.
    s = reduce(s, { type: 'activity', at: t(4, 50) });
    expect(view(s, t(4, 50)).breaksNatural).toBe(1);
    expect(view(s, t(4, 50)).nextBreakAt).toBe(t(19, 50));
  });

  it('idle time off duty or during a break is not a natural break', () => {
    const off = reduce(createTimer(DEFAULT_TIMER_CONFIG, T0), { type: 'idle', at: t(5), durationMs: MIN });
    expect(off.counts.natural).toBe(0);
    const onBreak = run(
      onDuty(),
      { type: 'start_break', at: t(15) },
      { type: 'idle', at: t(16), durationMs: MIN },
    );
    expect(onBreak.counts.natural).toBe(0);
  });
});

describe('rest timer: duty and daily limits', () => {
  const noBreaks = timerConfig({ micro: { enabled: false }, rest: { enabled: false } });

  it('reaches the continuous duty limit, tells the lead, and journals it once', () => {
    let s = onDuty(noBreaks);
    expect(view(s, t(119)).state).toBe('working');
    expect(view(s, t(119)).dutyLeftMs).toBe(MIN);
    s = run(s, { type: 'tick', at: t(120) }, { type: 'tick', at: t(121) });
    const v = view(s, t(121));
    expect(v.state).toBe('duty_limit');
    expect(v.notifications.map((n) => [n.kind, n.audience])).toEqual([
      ['duty_limit', 'member'],
      ['duty_limit', 'lead'],
    ]);
    expect(s.journal.filter((e) => e.type === 'duty_limit_reached')).toHaveLength(1);
    expect(s.status).toBe('duty_limit');
  });

  it('breaks count as duty; a short time off duty continues the stint, a long one starts a new one', () => {
    let s = onDuty(noBreaks);
    s = run(s, { type: 'end_duty', at: t(60) }, { type: 'start_duty', at: t(70) });
    expect(view(s, t(70)).onDutyMs).toBe(60 * MIN);
    expect(view(s, t(130)).state).toBe('duty_limit');
    s = run(s, { type: 'end_duty', at: t(130) });
    expect(view(s, t(150)).onDutyMs).toBe(120 * MIN);
    expect(view(s, t(160)).onDutyMs).toBe(0);
    s = reduce(s, { type: 'start_duty', at: t(160) });
    expect(view(s, t(160))).toMatchObject({ state: 'working', onDutyMs: 0, dutyTodayMs: 120 * MIN });
  });

  it('counts the daily limit across midnight and resets it after a full daily rest', () => {
    const config = timerConfig({
      micro: { enabled: false },
      rest: { enabled: false },
      maxContinuousDutyMs: 12 * H,
    });
    const evening = Date.UTC(2025, 2, 10, 20, 0);
    const at = (h: number) => evening + h * H;
    let s = reduce(createTimer(config, evening - H), { type: 'start_duty', at: at(0) });
    expect(view(s, at(4)).dutyTodayMs).toBe(4 * H); // midnight passed: still one duty day
    s = run(s, { type: 'end_duty', at: at(6) }, { type: 'start_duty', at: at(7) });
    expect(view(s, at(7)).dutyTodayMs).toBe(6 * H);
    expect(view(s, at(8.5)).state).toBe('working');
    const limit = view(s, at(9));
    expect(limit.state).toBe('daily_limit');
    expect(limit.dailyLeftMs).toBe(0);
    expect(limit.notifications.map((n) => n.kind)).toEqual(['daily_limit', 'daily_limit']);
    s = run(s, { type: 'tick', at: at(9) }, { type: 'end_duty', at: at(9) });
    expect(s.journal.filter((e) => e.type === 'daily_limit_reached')).toHaveLength(1);

    // 10 h later the day is not over yet (11 h daily rest)…
    expect(view(s, at(19)).dutyTodayMs).toBe(8 * H);
    // …11 h later it is, and a new duty day starts from zero.
    expect(view(s, at(20)).dutyTodayMs).toBe(0);
    s = reduce(s, { type: 'start_duty', at: at(20) });
    expect(view(s, at(21))).toMatchObject({ state: 'working', dutyTodayMs: H, breaksTaken: 0 });
  });

  it('time off duty long enough resets the break clocks', () => {
    let s = run(onDuty(), { type: 'end_duty', at: t(14) }, { type: 'start_duty', at: t(14, 30) });
    expect(view(s, t(14, 30)).nextBreakAt).toBe(t(29, 30));
    s = run(s, { type: 'end_duty', at: t(40) }, { type: 'start_duty', at: t(52) });
    expect(view(s, t(52)).sinceRealBreakMs).toBe(0);
  });

  it('ending duty during a break closes the break first', () => {
    const s = run(onDuty(), { type: 'start_break', at: t(15) }, { type: 'end_duty', at: t(16) });
    expect(s.journal.map((e) => e.type)).toEqual([
      'duty_started',
      'break_started',
      'break_taken',
      'duty_ended',
    ]);
    expect(view(s, t(16)).state).toBe('off_duty');
  });
});

describe('rest timer: a pure, serializable reducer', () => {
  it('never mutates its input and survives a JSON round trip', () => {
    const s0 = onDuty();
    const before = serializeTimer(s0);
    const s1 = run(s0, { type: 'postpone', at: t(15) }, { type: 'idle', at: t(16), durationMs: 30_000 });
    expect(serializeTimer(s0)).toBe(before);
    const back = parseTimer(serializeTimer(s1));
    expect(back).toEqual(s1);
    expect(view(back, t(20))).toEqual(view(s1, t(20)));
  });

  it('refuses a corrupted persisted state', () => {
    expect(() => parseTimer('{"v":1}')).toThrow();
    expect(() => parseTimer({ ...onDuty(), phase: 'napping' })).toThrow();
  });

  it('never goes back in time: a late event is applied at the last time seen', () => {
    let s = reduce(onDuty(), { type: 'tick', at: t(30) });
    s = reduce(s, { type: 'start_break', at: t(10) });
    expect(s.currentBreak?.startedAt).toBe(t(30));
  });

  it('refuses events that make no sense and says why, keeping the state otherwise', () => {
    const off = createTimer(DEFAULT_TIMER_CONFIG, T0);
    expect(reduce(off, { type: 'start_break', at: t(1) }).lastRejected?.reason).toBe('not_on_duty');
    expect(reduce(off, { type: 'end_duty', at: t(1) }).lastRejected?.reason).toBe('not_on_duty');
    const on = onDuty();
    const again = reduce(on, { type: 'start_duty', at: t(1) });
    expect(again.lastRejected?.reason).toBe('already_on_duty');
    expect({ ...again, lastRejected: null }).toEqual(on);
    expect(reduce(on, { type: 'end_break', at: t(1) }).lastRejected?.reason).toBe('not_on_break');
    expect(reduce(on, { type: 'idle', at: t(1), durationMs: NaN }).lastRejected?.reason).toBe(
      'invalid_event',
    );
    const bad = reduce(on, { type: 'tick', at: Infinity });
    expect(bad.lastRejected).toMatchObject({ reason: 'invalid_event', at: T0 });
    expect(parseTimer(serializeTimer(bad)).lastAt).toBe(T0);
    // The next accepted event clears it.
    expect(reduce(again, { type: 'tick', at: t(2) }).lastRejected).toBeNull();
  });

  it('validates the configuration', () => {
    expect(() => timerConfig({ creditRatio: 2 })).toThrow();
    expect(() => createTimer({ ...DEFAULT_TIMER_CONFIG, dailyLimitMs: -1 }, T0)).toThrow();
  });

  it('keeps a bounded journal with monotonic sequence numbers', () => {
    const config = timerConfig({
      micro: { intervalMs: MIN },
      rest: { enabled: false },
      maxContinuousDutyMs: 12 * H,
      dailyLimitMs: 12 * H,
    });
    let s = onDuty(config);
    for (let i = 1; i <= 400; i++) {
      s = run(s, { type: 'start_break', at: t(i) }, { type: 'end_break', at: t(i, 20) });
    }
    expect(s.journal.length).toBe(500);
    expect(s.journal.at(-1)?.seq).toBe(801);
    expect(journalSince(s, 799).map((e) => e.seq)).toEqual([800, 801]);
  });
});
