import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChecklistRepo, isOverdue, nextUpdateDue } from '../../../main/core/crisis/checklist';
import { crisisConfig } from '../../../main/core/crisis/config';
import { LevelsService } from '../../../main/core/crisis/levels';
import { parsePlaybook } from '../../../main/core/crisis/playbooks/loader';
import {
  HOUR,
  MIN,
  events,
  kinds,
  lastEvent,
  openIncident,
  setup,
  shippedPlaybook,
  T0,
  type Env,
} from './helpers';

const PLAYBOOK = parsePlaybook(
  `format: vigie-playbook/1
id: drill
title: { fr: Exercice, en: Drill }
steps:
  - id: confirm
    phase: detecter
    min_level: veille
    owner: lead
    due: { after: 15m, from: opening }
    title: { fr: Confirmer, en: Confirm }
  - id: holding
    phase: communiquer
    min_level: alerte
    owner: comms
    due: { after: 60m, from: level }
    template: holding-statement
    title: { fr: Déclaration d'attente, en: Holding statement }
  - id: legal
    phase: contenir
    min_level: crise
    owner: liaison
    due: { after: 30m, from: level }
    title: { fr: Relecture juridique, en: Legal review }
  - id: exec
    phase: communiquer
    min_level: crise_majeure
    owner: lead
    due: { after: 20m, from: level }
    title: { fr: Direction, en: Executives }
  - id: retex
    phase: apprendre
    min_level: veille
    owner: lead
    title: { fr: RETEX, en: Post-mortem }
`,
  '/drill.playbook.yaml',
);

let env: Env;
let checklist: ChecklistRepo;
let levels: LevelsService;
beforeEach(() => {
  env = setup();
  checklist = new ChecklistRepo(env.db, env.opts);
  levels = new LevelsService(env.db, env.opts);
});
afterEach(() => env.cleanup());

const byStep = (stepId: string) => checklist.list('inc-1').find((i) => i.stepId === stepId)!;

describe('applying a playbook', () => {
  it('creates one item per step; steps at or below the level unlock with their due times', () => {
    openIncident(env, { level: 'alerte' });
    env.clock.advance(5 * MIN);
    const items = checklist.apply('inc-1', PLAYBOOK, 'camille');
    expect(items.map((i) => [i.stepId, i.unlockedAt !== null])).toEqual([
      ['confirm', true],
      ['holding', true],
      ['legal', false],
      ['exec', false],
      ['retex', true],
    ]);
    expect(byStep('confirm').dueAt).toBe(T0 + 15 * MIN); // from the opening
    expect(byStep('holding').dueAt).toBe(T0 + 60 * MIN); // from when it reached alerte: it opened there
    expect(byStep('legal').dueAt).toBeNull(); // locked
    expect(byStep('retex').dueAt).toBeNull(); // no deadline
    expect(byStep('holding')).toMatchObject({
      owner: 'comms',
      templateId: 'holding-statement',
      status: 'todo',
      title: { fr: "Déclaration d'attente", en: 'Holding statement' },
    });
    expect(kinds(env)).toEqual(['incident.opened', 'playbook.applied', 'checklist.unlocked']);
    expect(events(env)[1]!.data).toMatchObject({ playbookId: 'drill', revision: 1, steps: 5 });
    expect(lastEvent(env).data).toMatchObject({ level: 'alerte', stepIds: ['confirm', 'holding', 'retex'] });
    expect(() => checklist.apply('inc-1', PLAYBOOK, 'camille')).toThrow(/already applied/);
  });

  it('applies a shipped playbook, FR and EN texts copied into the record', () => {
    openIncident(env, { level: 'alerte' });
    const pb = shippedPlaybook('social-media-storm');
    const items = checklist.apply('inc-1', pb, 'camille');
    expect(items).toHaveLength(pb.steps.length);
    expect(items.every((i) => i.title.fr && i.title.en)).toBe(true);
    const view = checklist.view('inc-1', 'fr');
    expect(view.map((p) => p.phase)).toEqual([
      'detecter',
      'qualifier',
      'contenir',
      'communiquer',
      'retablir',
      'apprendre',
    ]);
    expect(view[0]!.label).toBe('Détecter');
    expect(checklist.view('inc-1', 'en')[5]!.label).toBe('Learn');
  });
});

describe('due and overdue with a fake clock', () => {
  beforeEach(() => {
    openIncident(env, { level: 'alerte' });
    checklist.apply('inc-1', PLAYBOOK, 'camille');
  });

  it('a step is overdue once due_at < now while still to do; done, skipped and locked steps never are', () => {
    env.clock.set(T0 + 15 * MIN);
    expect(checklist.overdue('inc-1')).toEqual([]); // due_at == now is not late yet
    env.clock.set(T0 + 15 * MIN + 1);
    expect(checklist.overdue('inc-1').map((i) => i.stepId)).toEqual(['confirm']);
    env.clock.set(T0 + 2 * HOUR);
    expect(checklist.overdue('inc-1').map((i) => i.stepId)).toEqual(['confirm', 'holding']);
    checklist.complete(byStep('confirm').id, 'camille', 'Signal confirmé : 1 200 messages/h');
    checklist.skip(byStep('holding').id, 'ines', 'Déclaration faite par le siège');
    expect(checklist.overdue('inc-1')).toEqual([]);
    expect(isOverdue({ unlockedAt: null, status: 'todo', dueAt: 0 }, 1)).toBe(false);
    expect(isOverdue({ unlockedAt: 0, status: 'todo', dueAt: null }, 1)).toBe(false);
  });

  it('the view tells how long until each step is due', () => {
    env.clock.set(T0 + 10 * MIN);
    const items = checklist.view('inc-1', 'fr').flatMap((p) => p.items);
    const confirm = items.find((i) => i.stepId === 'confirm')!;
    expect(confirm).toMatchObject({ locked: false, overdue: false, dueInMs: 5 * MIN });
    expect(items.find((i) => i.stepId === 'legal')).toMatchObject({ locked: true, dueInMs: null });
    env.clock.set(T0 + 20 * MIN);
    const late = checklist.view('inc-1', 'fr').find((p) => p.phase === 'detecter')!;
    expect(late).toMatchObject({ overdue: 1, done: 0, total: 1 });
    expect(late.items[0]!.dueInMs).toBe(-5 * MIN);
  });
});

describe('level changes unlock steps', () => {
  it('raising the level unlocks its steps, due from the change; lowering never locks again', () => {
    openIncident(env, { level: 'veille' });
    checklist.apply('inc-1', PLAYBOOK, 'camille');
    expect(
      checklist
        .list('inc-1')
        .filter((i) => i.unlockedAt !== null)
        .map((i) => i.stepId),
    ).toEqual(['confirm', 'retex']);

    env.clock.set(T0 + 40 * MIN);
    levels.change('inc-1', 'crise', 'Reprise presse nationale', 'camille');
    expect(byStep('holding')).toMatchObject({ unlockedAt: T0 + 40 * MIN, dueAt: T0 + 100 * MIN });
    expect(byStep('legal')).toMatchObject({ unlockedAt: T0 + 40 * MIN, dueAt: T0 + 70 * MIN });
    expect(byStep('exec').unlockedAt).toBeNull();
    expect(kinds(env).slice(-2)).toEqual(['level.changed', 'checklist.unlocked']);
    expect(lastEvent(env).data).toMatchObject({ level: 'crise', stepIds: ['holding', 'legal'] });

    env.clock.set(T0 + 60 * MIN);
    levels.change('inc-1', 'alerte', 'Retombée', 'camille');
    expect(byStep('legal').unlockedAt).toBe(T0 + 40 * MIN);
    expect(lastEvent(env).kind).toBe('level.changed'); // nothing to unlock, no event

    env.clock.set(T0 + 90 * MIN);
    levels.accept('inc-1', { level: 'crise_majeure', reasons: ['Volume ×20', 'Menaces'] }, 'camille');
    expect(byStep('exec')).toMatchObject({ unlockedAt: T0 + 90 * MIN, dueAt: T0 + 110 * MIN });
    expect(kinds(env).slice(-2)).toEqual(['level.accepted', 'checklist.unlocked']);
  });

  it('a playbook applied after the level went up counts "from level" from that change, not from the apply', () => {
    openIncident(env, { level: 'veille' });
    env.clock.set(T0 + 10 * MIN);
    levels.change('inc-1', 'alerte', 'Volume ×5', 'camille');
    env.clock.set(T0 + 25 * MIN);
    checklist.apply('inc-1', PLAYBOOK, 'camille');
    expect(byStep('holding')).toMatchObject({ unlockedAt: T0 + 25 * MIN, dueAt: T0 + 70 * MIN });
  });

  it('a step locked by level cannot be ticked', () => {
    openIncident(env, { level: 'alerte' });
    checklist.apply('inc-1', PLAYBOOK, 'camille');
    expect(() => checklist.complete(byStep('legal').id, 'camille')).toThrow(/unlocks at level crise/);
  });
});

describe('statuses, comments, custom steps: each a timeline event', () => {
  beforeEach(() => {
    openIncident(env, { level: 'alerte' });
    checklist.apply('inc-1', PLAYBOOK, 'camille');
  });

  it('done, skipped (with a reason), reopened, commented, rescheduled', () => {
    const confirm = byStep('confirm');
    env.clock.set(T0 + 20 * MIN);
    const done = checklist.complete(confirm.id, 'camille', 'OK');
    expect(done).toMatchObject({
      status: 'done',
      doneAt: T0 + 20 * MIN,
      doneBy: 'camille',
      note: 'camille: OK',
    });
    expect(lastEvent(env)).toMatchObject({
      kind: 'checklist.done',
      actor: 'camille',
      text: 'OK',
      data: { itemId: confirm.id, stepId: 'confirm', playbookId: 'drill', dueAt: T0 + 15 * MIN, late: true },
    });
    expect(() => checklist.complete(confirm.id, 'camille')).toThrow(/already done/);

    const reopened = checklist.reopen(confirm.id, 'camille', 'Faux positif');
    expect(reopened).toMatchObject({ status: 'todo', doneAt: null, doneBy: null });
    expect(lastEvent(env)).toMatchObject({ kind: 'checklist.reopened', data: { previous: 'done' } });

    const holding = byStep('holding');
    expect(() => checklist.skip(holding.id, 'ines', '')).toThrow(/reason for skipping a step is required/);
    checklist.skip(holding.id, 'ines', 'Communiqué national du siège');
    expect(byStep('holding')).toMatchObject({ status: 'skipped', doneBy: 'ines' });
    expect(lastEvent(env)).toMatchObject({ kind: 'checklist.skipped', text: 'Communiqué national du siège' });

    checklist.comment(confirm.id, 'hugo', 'Vérifié avec le NOC');
    expect(byStep('confirm').note).toBe('camille: OK\nhugo: Vérifié avec le NOC');
    expect(lastEvent(env)).toMatchObject({ kind: 'checklist.commented', actor: 'hugo' });

    checklist.reschedule(confirm.id, T0 + 2 * HOUR, 'camille', 'Attente du NOC');
    expect(byStep('confirm')).toMatchObject({ dueAt: T0 + 2 * HOUR, dueFrom: null });
    expect(lastEvent(env)).toMatchObject({
      kind: 'checklist.rescheduled',
      data: { from: T0 + 15 * MIN, to: T0 + 2 * HOUR },
    });
  });

  it('custom steps are added unlocked, in a known phase, with a fixed due time', () => {
    env.clock.set(T0 + 30 * MIN);
    const item = checklist.addCustom(
      'inc-1',
      { phase: 'contenir', title: 'Appeler le maire de Lyon', owner: 'liaison', dueAt: T0 + 90 * MIN },
      'camille',
    );
    expect(item).toMatchObject({
      playbookId: null,
      stepId: 'custom-5',
      phase: 'contenir',
      title: { fr: 'Appeler le maire de Lyon', en: 'Appeler le maire de Lyon' },
      minLevel: 'alerte',
      unlockedAt: T0 + 30 * MIN,
      dueAt: T0 + 90 * MIN,
      createdBy: 'camille',
    });
    expect(lastEvent(env)).toMatchObject({
      kind: 'checklist.added',
      text: 'Appeler le maire de Lyon',
      data: { itemId: item.id, phase: 'contenir' },
    });
    env.clock.set(T0 + 91 * MIN);
    expect(checklist.overdue('inc-1').map((i) => i.stepId)).toContain('custom-5');
    expect(() => checklist.addCustom('inc-1', { phase: 'partout', title: 'x' }, 'camille')).toThrow(
      /Unknown phase "partout"/,
    );
    expect(() => checklist.addCustom('inc-1', { phase: 'contenir', title: ' ' }, 'camille')).toThrow(
      /title is required/,
    );
  });
});

describe('update cadence', () => {
  const cfg = crisisConfig();
  const incident = (level: string, status = 'active') => ({ level, status, openedAt: T0 });

  it('counts from the last public statement, per level', () => {
    const last = T0 + 30 * MIN;
    expect(nextUpdateDue(incident('crise'), last, T0 + 60 * MIN, cfg)).toEqual({
      level: 'crise',
      cadenceMinutes: 60,
      since: last,
      dueAt: last + 60 * MIN,
      remainingMs: 30 * MIN,
      overdue: false,
      notify: false,
    });
    expect(nextUpdateDue(incident('crise_majeure'), last, T0 + 45 * MIN, cfg)).toMatchObject({
      cadenceMinutes: 20,
      dueAt: last + 20 * MIN,
      remainingMs: 5 * MIN,
      notify: true, // within the 5-minute warning
      overdue: false,
    });
    expect(nextUpdateDue(incident('crise_majeure'), last, T0 + 51 * MIN, cfg)).toMatchObject({
      remainingMs: -MIN,
      overdue: true,
      notify: true,
    });
    expect(nextUpdateDue(incident('alerte'), last, T0 + 60 * MIN, cfg).cadenceMinutes).toBe(120);
  });

  it('counts from the opening before any statement; none at veille or once closed', () => {
    expect(nextUpdateDue(incident('crise'), null, T0 + 10 * MIN, cfg)).toMatchObject({
      since: T0,
      dueAt: T0 + HOUR,
    });
    expect(nextUpdateDue(incident('veille'), null, T0, cfg)).toMatchObject({
      cadenceMinutes: null,
      dueAt: null,
      notify: false,
    });
    expect(nextUpdateDue(incident('crise', 'closed'), null, T0, cfg)).toMatchObject({
      cadenceMinutes: null,
      notify: false,
    });
  });

  it('follows the configured cadence and warning', () => {
    const custom = crisisConfig({
      cadenceWarnMinutes: 10,
      levels: [{ id: 'rouge', label: { fr: 'Rouge', en: 'Red' }, updateCadenceMinutes: 15 }],
    });
    expect(nextUpdateDue(incident('rouge'), T0, T0 + 6 * MIN, custom)).toMatchObject({
      dueAt: T0 + 15 * MIN,
      notify: true,
    });
  });
});
