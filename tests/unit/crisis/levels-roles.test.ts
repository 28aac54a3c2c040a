import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LevelsService } from '../../../main/core/crisis/levels';
import { firstName, RolesRepo } from '../../../main/core/crisis/roles';
import { MIN, events, kinds, lastEvent, openIncident, setup, T0, type Env } from './helpers';

let env: Env;
let levels: LevelsService;
let roles: RolesRepo;
beforeEach(() => {
  env = setup();
  levels = new LevelsService(env.db, env.opts);
  roles = new RolesRepo(env.db, env.opts);
  openIncident(env);
});
afterEach(() => env.cleanup());

const incidentRow = () =>
  env.db.prepare('SELECT level, status, stable_at, closed_at FROM incidents WHERE id = ?').get('inc-1') as {
    level: string;
    status: string;
    stable_at: number | null;
    closed_at: number | null;
  };

describe('levels', () => {
  it('a change records who, why, from and to', () => {
    env.clock.advance(10 * MIN);
    const incident = levels.change('inc-1', 'crise', 'Reprise par France Info', 'camille');
    expect(incident.level).toBe('crise');
    expect(incidentRow().level).toBe('crise');
    expect(lastEvent(env)).toMatchObject({
      at: T0 + 10 * MIN,
      kind: 'level.changed',
      actor: 'camille',
      text: 'Veille → Crise : Reprise par France Info',
      data: { from: 'veille', to: 'crise', reason: 'Reprise par France Info', direction: 'up' },
    });
    levels.change('inc-1', 'alerte', 'Le volume retombe', 'camille');
    expect(lastEvent(env).data).toMatchObject({ from: 'crise', to: 'alerte', direction: 'down' });
    expect(levels.history('inc-1').map((h) => [h.from, h.to, h.how])).toEqual([
      ['veille', 'crise', 'changed'],
      ['crise', 'alerte', 'changed'],
    ]);
  });

  it('refuses a change without a reason, to an unknown level, or to the same level', () => {
    expect(() => levels.change('inc-1', 'crise', '   ', 'camille')).toThrow(
      /reason for changing the level is required/,
    );
    expect(() => levels.change('inc-1', 'urgent', 'why', 'camille')).toThrow(
      /Unknown level "urgent"; expected one of veille, alerte, crise, crise_majeure/,
    );
    expect(() => levels.change('inc-1', 'veille', 'why', 'camille')).toThrow(/already at level veille/);
    expect(() => levels.change('nope', 'crise', 'why', 'camille')).toThrow(/No incident with id nope/);
    expect(kinds(env)).toEqual(['incident.opened']);
  });

  it('accepting a suggestion keeps its reasons; dismissing one keeps why', () => {
    const suggestion = {
      level: 'alerte',
      reasons: ['Volume ×6 en 15 min', 'Toxicité moyenne 0,42'],
      suggestedAt: T0 - MIN,
      score: 0.81,
    };
    levels.accept('inc-1', suggestion, 'camille');
    expect(lastEvent(env)).toMatchObject({
      kind: 'level.accepted',
      data: { from: 'veille', to: 'alerte', reasons: suggestion.reasons, suggestedAt: T0 - MIN, score: 0.81 },
    });
    levels.dismiss(
      'inc-1',
      { level: 'crise', reasons: ['Reprise presse'] },
      'camille',
      'Un seul article, régional',
    );
    expect(lastEvent(env)).toMatchObject({
      kind: 'level.suggestion_dismissed',
      text: 'Un seul article, régional',
      data: { level: 'crise', current: 'alerte', reasons: ['Reprise presse'] },
    });
    expect(incidentRow().level).toBe('alerte');
    expect(levels.history('inc-1')).toEqual([
      expect.objectContaining({ how: 'accepted', reasons: suggestion.reasons }),
    ]);
    expect(() => levels.accept('inc-1', { level: 'crise', reasons: [] }, 'camille')).toThrow(/reasons/);
  });

  it('status: active → stable → active → closed → reopened, with times and events', () => {
    env.clock.advance(2 * 60 * MIN);
    levels.setStatus('inc-1', 'stable', 'camille', 'Volume revenu à la normale');
    expect(incidentRow()).toMatchObject({ status: 'stable', stable_at: env.clock.t });
    env.clock.advance(30 * MIN);
    levels.setStatus('inc-1', 'active', 'camille', 'Nouvelle vague');
    expect(incidentRow()).toMatchObject({ status: 'active', stable_at: null });
    env.clock.advance(30 * MIN);
    levels.setStatus('inc-1', 'closed', 'camille');
    expect(incidentRow()).toMatchObject({ status: 'closed', closed_at: env.clock.t });
    expect(() => levels.change('inc-1', 'crise', 'why', 'camille')).toThrow(/closed: reopen it/);
    expect(() => levels.setStatus('inc-1', 'active', 'camille')).toThrow(/reason for reopening is required/);
    levels.setStatus('inc-1', 'active', 'camille', 'Rebond après un article');
    expect(incidentRow()).toMatchObject({ status: 'active', closed_at: null });
    expect(() => levels.setStatus('inc-1', 'active', 'camille')).toThrow(/cannot go from active to active/);
    expect(kinds(env).slice(1)).toEqual([
      'incident.stable',
      'incident.reactivated',
      'incident.closed',
      'incident.reopened',
    ]);
    expect(events(env)[1]!.data).toEqual({
      from: 'active',
      to: 'stable',
      reason: 'Volume revenu à la normale',
    });
  });

  it('works with a configured scale', () => {
    env.cleanup();
    env = setup({
      levels: [
        { id: 'vert', label: { fr: 'Vert', en: 'Green' }, updateCadenceMinutes: null },
        { id: 'orange', label: { fr: 'Orange', en: 'Orange' }, updateCadenceMinutes: 45 },
        { id: 'rouge', label: { fr: 'Rouge', en: 'Red' }, updateCadenceMinutes: 15 },
      ],
    });
    openIncident(env, { level: 'vert' });
    const custom = new LevelsService(env.db, env.opts);
    expect(custom.levels()).toEqual(['vert', 'orange', 'rouge']);
    custom.change('inc-1', 'rouge', 'Menaces', 'camille');
    expect(lastEvent(env).text).toBe('Vert → Rouge : Menaces');
    expect(() => custom.change('inc-1', 'crise', 'x', 'camille')).toThrow(
      /expected one of vert, orange, rouge/,
    );
  });
});

describe('roles', () => {
  it('assume and renounce, with times and events; history is kept', () => {
    const a = roles.assume('inc-1', 'lead', 'Camille Durand', 'camille');
    expect(a).toMatchObject({ role: 'lead', member: 'Camille Durand', assumedAt: T0, renouncedAt: null });
    expect(lastEvent(env)).toMatchObject({
      kind: 'role.assumed',
      data: { role: 'lead', member: 'Camille Durand', from: null },
    });
    env.clock.advance(4 * 60 * MIN);
    const r = roles.renounce('inc-1', 'lead', 'Camille Durand', 'camille', 'Fin de vacation');
    expect(r).toMatchObject({ renouncedAt: T0 + 4 * 60 * MIN, renouncedBy: 'camille' });
    expect(lastEvent(env)).toMatchObject({
      kind: 'role.renounced',
      text: 'Fin de vacation',
      data: { role: 'lead', handoverTo: null },
    });
    expect(roles.current('inc-1')).toEqual([]);
    expect(roles.history('inc-1')).toHaveLength(1);
    expect(() => roles.renounce('inc-1', 'lead', 'Camille Durand', 'camille')).toThrow(
      /does not hold the role lead/,
    );
  });

  it('single-holder roles hand over; comms and liaison can have several holders', () => {
    roles.assume('inc-1', 'signatory', 'Camille Durand', 'camille');
    env.clock.advance(MIN);
    roles.assume('inc-1', 'signatory', 'Jean-Pierre Martin', 'camille');
    expect(roles.holders('inc-1', 'signatory').map((h) => h.member)).toEqual(['Jean-Pierre Martin']);
    expect(roles.signatoryFirstName('inc-1')).toBe('Jean-Pierre');
    expect(
      events(env)
        .slice(-2)
        .map((e) => [e.kind, e.data]),
    ).toEqual([
      [
        'role.renounced',
        { role: 'signatory', member: 'Camille Durand', reason: '', handoverTo: 'Jean-Pierre Martin' },
      ],
      [
        'role.assumed',
        { role: 'signatory', member: 'Jean-Pierre Martin', signature: 'Jean-Pierre', from: 'Camille Durand' },
      ],
    ]);
    roles.assume('inc-1', 'comms', 'Inès', 'camille');
    roles.assume('inc-1', 'comms', 'Hugo', 'camille');
    expect(roles.holders('inc-1', 'comms').map((h) => h.member)).toEqual(['Inès', 'Hugo']);
    expect(() => roles.assume('inc-1', 'comms', 'Hugo', 'camille')).toThrow(/already holds/);
    expect(roles.history('inc-1').map((h) => [h.role, h.member, h.renouncedAt === null])).toEqual([
      ['signatory', 'Camille Durand', false],
      ['signatory', 'Jean-Pierre Martin', true],
      ['comms', 'Inès', true],
      ['comms', 'Hugo', true],
    ]);
  });

  it('the signatory may sign with a chosen first name', () => {
    expect(roles.signatoryFirstName('inc-1')).toBeNull();
    roles.assume('inc-1', 'signatory', 'Marie-Hélène de La Tour', 'camille', { signature: 'Marie' });
    expect(roles.signatoryFirstName('inc-1')).toBe('Marie');
    expect(firstName('  Léa   Moreau ')).toBe('Léa');
  });

  it('refuses an unknown role and changes on a closed incident', () => {
    expect(() => roles.assume('inc-1', 'boss' as 'lead', 'X', 'camille')).toThrow(/Unknown role "boss"/);
    levels.setStatus('inc-1', 'closed', 'camille');
    expect(() => roles.assume('inc-1', 'lead', 'X', 'camille')).toThrow(/closed/);
  });
});
