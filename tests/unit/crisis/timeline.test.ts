import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCrisis, type Crisis } from '../../../main/core/crisis';
import { TimelineLog } from '../../../main/core/crisis/timeline';
import {
  HOUR,
  MIN,
  PLAYBOOKS_DIR,
  insertMentions,
  kinds,
  openIncident,
  setup,
  T0,
  type Env,
} from './helpers';

let env: Env;
let log: TimelineLog;
beforeEach(() => {
  env = setup();
  log = new TimelineLog(env.db, env.opts);
  openIncident(env, { level: 'veille' });
});
afterEach(() => env.cleanup());

describe('quick entries for the scribe', () => {
  it('decision, note, action; backdated entries keep when they were written', () => {
    env.clock.set(T0 + 30 * MIN);
    const d = log.add('inc-1', 'decision', 'On ne répond pas au cas par cas avant 10 h', 'camille');
    expect(d).toMatchObject({
      kind: 'log.decision',
      at: T0 + 30 * MIN,
      actor: 'camille',
      data: { recordedAt: T0 + 30 * MIN },
    });
    const n = log.add('inc-1', 'note', 'Appel du maire de Lyon', 'lea', T0 + 20 * MIN);
    expect(n).toMatchObject({ kind: 'log.note', at: T0 + 20 * MIN, data: { recordedAt: T0 + 30 * MIN } });
    log.add('inc-1', 'action', 'Publications programmées suspendues', 'ines');
    expect(() => log.add('inc-1', 'note', '  ', 'lea')).toThrow(/entry text is required/);
    expect(() => log.add('inc-1', 'rumour' as 'note', 'x', 'lea')).toThrow(/Unknown entry kind/);
    expect(() => log.add('inc-1', 'note', 'x', 'lea', T0 + HOUR)).toThrow(/future/);
    expect(log.list('inc-1').map((e) => e.kind)).toEqual([
      'incident.opened',
      'log.note',
      'log.decision',
      'log.action',
    ]);
  });
});

describe('filters', () => {
  beforeEach(() => {
    insertMentions(env, [{ id: 'x:1' }, { id: 'x:2' }]);
    const c = createCrisis(env.db, {
      now: env.clock.now,
      config: env.config,
      playbookFolders: [PLAYBOOKS_DIR],
    });
    env.clock.set(T0 + 10 * MIN);
    c.levels.change('inc-1', 'alerte', 'Volume ×5', 'camille');
    env.clock.set(T0 + 20 * MIN);
    log.add('inc-1', 'decision', 'Déclaration d’attente avant 10 h', 'camille');
    env.clock.set(T0 + 30 * MIN);
    c.triage.routeMany('inc-1', ['x:1', 'x:2'], 'service_client', 'Remboursements', 'ines');
    env.clock.set(T0 + 40 * MIN);
    c.triage.pin('inc-1', 'x:1', 'lea');
    env.clock.set(T0 + 50 * MIN);
    c.levels.change('inc-1', 'crise', 'Reprise presse', 'camille');
  });

  it('by exact kind and by family', () => {
    expect(log.list('inc-1', { kinds: ['level.changed'] }).map((e) => e.at)).toEqual([
      T0 + 10 * MIN,
      T0 + 50 * MIN,
    ]);
    expect(log.list('inc-1', { kinds: ['mention.*', 'log.decision'] }).map((e) => e.kind)).toEqual([
      'log.decision',
      'mention.routed',
      'mention.pinned',
    ]);
  });

  it('by actor, time window, mention, order and limit', () => {
    expect(log.list('inc-1', { actor: 'ines' }).map((e) => e.kind)).toEqual(['mention.routed']);
    expect(log.list('inc-1', { from: T0 + 15 * MIN, to: T0 + 40 * MIN }).map((e) => e.kind)).toEqual([
      'log.decision',
      'mention.routed',
      'mention.pinned',
    ]);
    expect(log.list('inc-1', { mentionId: 'x:1' }).map((e) => [e.kind, e.mentionId])).toEqual([
      ['mention.routed', null], // part of a selection of two
      ['mention.pinned', 'x:1'],
    ]);
    expect(log.list('inc-1', { mentionId: 'x:2' }).map((e) => e.kind)).toEqual(['mention.routed']);
    expect(log.list('inc-1', { order: 'desc', limit: 2 }).map((e) => [e.kind, e.at])).toEqual([
      ['level.changed', T0 + 50 * MIN],
      ['mention.pinned', T0 + 40 * MIN],
    ]);
    expect(log.actors('inc-1')).toEqual(['camille', 'ines', 'lea']);
    expect(log.kinds('inc-1')).toContainEqual({ kind: 'level.changed', count: 2 });
  });

  it('chart markers with labels in FR and EN', () => {
    const fr = log.markers('inc-1', 'fr');
    expect(fr.map((m) => [m.kind, m.category, m.at])).toEqual([
      ['incident.opened', 'incident', T0],
      ['level.changed', 'level', T0 + 10 * MIN],
      ['log.decision', 'decision', T0 + 20 * MIN],
      ['mention.pinned', 'evidence', T0 + 40 * MIN],
      ['level.changed', 'level', T0 + 50 * MIN],
    ]);
    expect(fr[1]).toMatchObject({
      label: 'Niveau : Alerte',
      detail: 'Veille → Alerte — Volume ×5 — par camille',
    });
    expect(fr[2]).toMatchObject({
      label: 'Décision',
      detail: 'Déclaration d’attente avant 10 h — par camille',
    });
    expect(fr[3]!.detail).toMatch(/^@user_1: Toujours pas de réseau 1 https:\/\/example\.test\/1$/);
    const en = log.markers('inc-1', 'en', { from: T0 + 45 * MIN });
    expect(en).toEqual([
      expect.objectContaining({
        label: 'Level: Crisis',
        detail: 'Alert → Crisis — Reprise presse — by camille',
      }),
    ]);
  });
});

describe('every action is a timeline event', () => {
  it('a whole incident, start to finish', () => {
    insertMentions(env, [{ id: 'x:1', authorHandle: 'journaliste' }, { id: 'x:2' }]);
    const c: Crisis = createCrisis(env.db, {
      now: env.clock.now,
      config: { brand: 'Ondaline', timeZone: 'Europe/Paris' },
      playbookFolders: [PLAYBOOKS_DIR],
    });
    const lib = c.library();
    const tick = () => env.clock.advance(MIN);

    tick();
    c.roles.assume('inc-1', 'lead', 'Camille Durand', 'camille');
    tick();
    c.roles.assume('inc-1', 'signatory', 'Léa Moreau', 'camille');
    tick();
    c.checklist.apply('inc-1', lib.playbook('social-media-storm')!, 'camille');
    tick();
    c.levels.accept('inc-1', { level: 'alerte', reasons: ['Volume ×8'] }, 'camille');
    tick();
    const step = c.checklist.list('inc-1').find((i) => i.stepId === 'confirm-signal')!;
    c.checklist.complete(step.id, 'camille', 'Confirmé');
    tick();
    c.checklist.addCustom('inc-1', { phase: 'contenir', title: 'Prévenir le standard' }, 'camille');
    tick();
    const { statement } = c.statements.draftFromTemplate(
      'inc-1',
      lib.template('holding-statement')!,
      { lang: 'fr', values: { situation: 'Des coupures sont signalées.' } },
      'ines',
    );
    tick();
    c.statements.requestApproval(statement.id, ['juridique'], 'all', 'ines');
    tick();
    c.statements.decide(statement.id, 'juridique', 'approved');
    tick();
    c.statements.publish(statement.id, { channel: 'X' }, 'ines');
    tick();
    c.triage.setStatus('inc-1', 'x:2', 'handled', 'ines');
    c.triage.assign('inc-1', 'x:1', 'Hugo', 'ines');
    c.triage.route('inc-1', 'x:1', 'direction', 'Journaliste', 'ines');
    c.triage.pin('inc-1', 'x:1', 'ines');
    c.timeline.add('inc-1', 'decision', 'Interview refusée', 'camille');
    tick();
    c.levels.setStatus('inc-1', 'stable', 'camille');
    c.levels.setStatus('inc-1', 'closed', 'camille');

    expect(kinds(env)).toEqual([
      'incident.opened',
      'role.assumed',
      'role.assumed',
      'playbook.applied',
      'checklist.unlocked',
      'level.accepted',
      'checklist.unlocked',
      'checklist.done',
      'checklist.added',
      'statement.drafted',
      'statement.approval_requested',
      'statement.decision',
      'statement.approved',
      'statement.published',
      'mention.status',
      'mention.assigned',
      'mention.routed',
      'mention.pinned',
      'log.decision',
      'incident.stable',
      'incident.closed',
    ]);
    expect(c.statements.firstStatementDelay('inc-1')).toMatchObject({
      firstAlertAt: T0 + 4 * MIN,
      delayMs: 6 * MIN,
    });
  });
});
