import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChecklistRepo } from '../../../main/core/crisis/checklist';
import { clockCountdown, ClocksRepo } from '../../../main/core/crisis/clocks';
import { HOUR, MIN, events, lastEvent, openIncident, setup, shippedPlaybook, T0, type Env } from './helpers';

let env: Env;
let checklist: ChecklistRepo;
let clocks: ClocksRepo;
const pb = () => shippedPlaybook('data-breach-gdpr');
const byStep = (stepId: string) => checklist.list('inc-1').find((i) => i.stepId === stepId)!;

beforeEach(() => {
  env = setup();
  checklist = new ChecklistRepo(env.db, env.opts);
  clocks = new ClocksRepo(env.db, env.opts);
  openIncident(env, { level: 'alerte', title: 'Revendication de fuite de données' });
  checklist.apply('inc-1', pb(), 'camille');
});
afterEach(() => env.cleanup());

describe('the GDPR 72-hour clock', () => {
  it('is declared by the playbook and waits for the moment of awareness', () => {
    const [c] = clocks.countdowns('inc-1');
    expect(c).toMatchObject({ clockId: 'gdpr_72h', state: 'not_started', remainingMs: null, notify: true });
    expect(c!.label.fr).toContain('CNIL');
    // Steps due from the clock have no due time yet.
    expect(byStep('notify-cnil')).toMatchObject({ dueFrom: 'clock:gdpr_72h', dueAt: null });
    expect(byStep('scope-breach').dueAt).toBeNull();
  });

  it('counts down from AWARENESS, even when it was before the cell opened, recorded as an event', () => {
    const awareness = T0 - 5 * HOUR; // security knew at 04:00 Paris, the cell opened at 09:00
    env.clock.set(T0 + 30 * MIN);
    clocks.start('inc-1', 'gdpr_72h', awareness, 'camille', 'RSSI informé par le SOC à 4 h');
    const startEvent = events(env).find((e) => e.kind === 'clock.started')!;
    expect(startEvent).toMatchObject({
      at: awareness,
      actor: 'camille',
      text: 'RSSI informé par le SOC à 4 h',
      data: {
        clockId: 'gdpr_72h',
        startedAt: awareness,
        recordedAt: T0 + 30 * MIN,
        durationMs: 72 * HOUR,
        deadlineAt: awareness + 72 * HOUR,
      },
    });
    expect(clocks.get('inc-1', 'gdpr_72h')).toMatchObject({
      startedAt: awareness,
      deadlineAt: awareness + 72 * HOUR,
      recordedAt: T0 + 30 * MIN,
    });

    // The steps anchored on the clock now have due times from awareness, not from the opening.
    expect(byStep('scope-breach').dueAt).toBe(awareness + 24 * HOUR);
    expect(byStep('notify-cnil').dueAt).toBe(awareness + 72 * HOUR);

    // A visible countdown.
    expect(clocks.countdowns('inc-1', T0 + 30 * MIN)[0]).toMatchObject({
      state: 'running',
      remainingMs: 72 * HOUR - 5 * HOUR - 30 * MIN,
      notify: false,
    });
    env.clock.set(awareness + 60 * HOUR);
    expect(clocks.countdowns('inc-1')[0]).toMatchObject({
      state: 'running',
      remainingMs: 12 * HOUR,
      notify: true,
    });
    expect(checklist.overdue('inc-1').map((i) => i.stepId)).toEqual(
      expect.arrayContaining(['scope-breach', 'assess-risk', 'breach-register']),
    );
    expect(checklist.overdue('inc-1').map((i) => i.stepId)).not.toContain('notify-cnil');

    env.clock.set(awareness + 72 * HOUR + 1);
    expect(clocks.countdowns('inc-1')[0]).toMatchObject({ state: 'expired', remainingMs: -1 });
    expect(checklist.overdue('inc-1').map((i) => i.stepId)).toContain('notify-cnil');
  });

  it('ticking the CNIL notification stops the clock with the margin left', () => {
    const awareness = T0 - HOUR;
    clocks.start('inc-1', 'gdpr_72h', awareness, 'camille');
    env.clock.set(awareness + 50 * HOUR);
    checklist.complete(byStep('notify-cnil').id, 'dpo', 'Notification initiale déposée, AR n° 2026-1234');
    expect(clocks.get('inc-1', 'gdpr_72h')).toMatchObject({ metAt: awareness + 50 * HOUR, metBy: 'dpo' });
    expect(lastEvent(env)).toMatchObject({
      kind: 'clock.met',
      actor: 'dpo',
      data: { clockId: 'gdpr_72h', deadlineAt: awareness + 72 * HOUR, marginMs: 22 * HOUR },
    });
    env.clock.set(awareness + 100 * HOUR);
    expect(clocks.countdowns('inc-1')[0]).toMatchObject({ state: 'met', marginMs: 22 * HOUR, notify: false });
  });

  it('the CNIL step cannot be ticked before awareness is dated', () => {
    expect(() => checklist.complete(byStep('notify-cnil').id, 'dpo')).toThrow(
      /has not started: record when it started first/,
    );
    expect(byStep('notify-cnil').status).toBe('todo'); // rolled back with the failed hook
  });

  it('ticking "date awareness" without a time starts the clock now', () => {
    env.clock.set(T0 + 45 * MIN);
    checklist.complete(byStep('date-awareness').id, 'camille');
    expect(clocks.get('inc-1', 'gdpr_72h').startedAt).toBe(T0 + 45 * MIN);
    // Already started: ticking it again after a reopen does not move the clock.
    checklist.reopen(byStep('date-awareness').id, 'camille');
    env.clock.advance(HOUR);
    checklist.complete(byStep('date-awareness').id, 'camille');
    expect(clocks.get('inc-1', 'gdpr_72h').startedAt).toBe(T0 + 45 * MIN);
  });

  it('correcting awareness needs a reason and moves the due times', () => {
    clocks.start('inc-1', 'gdpr_72h', T0, 'camille');
    expect(() => clocks.start('inc-1', 'gdpr_72h', T0, 'camille')).toThrow(/already started/);
    expect(() => clocks.adjust('inc-1', 'gdpr_72h', T0 - 3 * HOUR, 'camille', '')).toThrow(/reason/);
    env.clock.set(T0 + 2 * HOUR);
    clocks.adjust('inc-1', 'gdpr_72h', T0 - 3 * HOUR, 'dpo', 'Le sous-traitant nous avait alertés à 6 h');
    expect(lastEvent(env)).toMatchObject({
      kind: 'clock.adjusted',
      text: 'Le sous-traitant nous avait alertés à 6 h',
      data: { from: T0, to: T0 - 3 * HOUR, deadlineAt: T0 + 69 * HOUR },
    });
    expect(byStep('notify-cnil').dueAt).toBe(T0 + 69 * HOUR);
  });

  it('refuses a start in the future', () => {
    expect(() => clocks.start('inc-1', 'gdpr_72h', T0 + MIN, 'camille')).toThrow(
      /cannot start in the future/,
    );
  });

  it('clockCountdown is pure', () => {
    const clock = clocks.get('inc-1', 'gdpr_72h');
    expect(clockCountdown({ ...clock, startedAt: 0, deadlineAt: 72 * HOUR }, 54 * HOUR)).toMatchObject({
      state: 'running',
      remainingMs: 18 * HOUR,
      notify: true, // the last quarter
    });
    expect(clockCountdown({ ...clock, startedAt: 0, deadlineAt: 72 * HOUR }, 53 * HOUR).notify).toBe(false);
  });
});
