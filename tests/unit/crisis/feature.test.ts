// The crisis feature behind the contract: the core service on a real store file, every call parsed
// by the contract's schemas exactly as the web server and the IPC layer do.
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallName, CallRequest, CallResponse } from '../../../shared/contract';
import { Service } from '../../../main/core/service';
import { openStore } from '../../../main/core/store/open';
import { SENTIMENT_NEUTRAL_BAND } from '../../../shared/thresholds';
import { makeMentions } from '../../helpers/mentions';
import { RESOURCES, tempDir } from '../../helpers/tmp';
import { FakeClock, HOUR, MIN, T0 } from './helpers';

let tmp: ReturnType<typeof tempDir>;
let db: Database.Database;
let service: Service;
let clock: FakeClock;
let emitted: { event: string; payload: unknown }[];

function start(seedDemo: boolean): void {
  service = new Service(
    db,
    {
      dbPath: tmp.file('v.db'),
      resourcesDir: RESOURCES,
      mode: 'cli',
      version: 'test',
      seedDemo,
      now: clock.now,
    },
    (event, payload) => emitted.push({ event, payload }),
  );
}

async function call<N extends CallName>(name: N, params: CallRequest<N>): Promise<CallResponse<N>> {
  return (await service.dispatch(name, params)) as CallResponse<N>;
}

beforeEach(() => {
  tmp = tempDir('vigie-crisis-feature-');
  db = openStore(tmp.file('v.db'));
  clock = new FakeClock(T0);
  emitted = [];
});
afterEach(() => {
  service?.dispose();
  db.close();
  tmp.cleanup();
});

const kindsOf = (incidentId: string) =>
  (
    db.prepare('SELECT kind FROM timeline_events WHERE incident_id = ? ORDER BY id').all(incidentId) as {
      kind: string;
    }[]
  ).map((r) => r.kind);

describe('the demo incident', () => {
  it('gets the service-outage playbook once, on the replay clock, and keeps it after a restart', async () => {
    start(true);
    const state = await call('crisis.state', { incidentId: 'demo' });
    expect(state.appliedPlaybooks).toEqual(['service-outage-ceo']);
    expect(state.incident.level).toBe('veille');
    const items = state.checklist.flatMap((p) => p.items);
    expect(items.length).toBeGreaterThan(10);
    // Stamped on the replay's simulated time: the demo opened 36 h before the machine's clock.
    expect(state.clock).toBe(state.incident.openedAt);
    const unlocked = items.filter((i) => !i.locked);
    expect(unlocked.length).toBeGreaterThan(0);
    expect(unlocked.every((i) => i.minLevel === 'veille')).toBe(true);
    service.dispose();
    start(true);
    expect(kindsOf('demo').filter((k) => k === 'playbook.applied')).toHaveLength(1);
  });

  it('closing the demo incident stops its replay', async () => {
    start(true);
    expect(service.demo.status()?.running).toBe(true);
    await call('incidents.setStatus', { incidentId: 'demo', status: 'closed', reason: 'fin de la démo' });
    expect(service.demo.status()?.running).toBe(false);
    expect((await call('crisis.state', { incidentId: 'demo' })).incident.status).toBe('closed');
  });
});

describe('incidents', () => {
  beforeEach(() => start(false));

  it('opens by hand with a perimeter, takes focus, changes level with who and why', async () => {
    const incident = await call('incidents.open', {
      title: 'Fuite de données clients',
      level: 'alerte',
      terms: ['fuite', ' données ', 'fuite'],
      playbookId: 'data-breach-gdpr',
      actor: 'Camille Durand',
    });
    expect(incident).toMatchObject({ title: 'Fuite de données clients', level: 'alerte', status: 'active' });
    expect((await call('incidents.list', {})).focusId).toBe(incident.id);
    let state = await call('crisis.state', { incidentId: incident.id });
    expect(state.perimeter).toEqual({ terms: ['fuite', 'données'], sourceIds: [], fromAlertId: null });
    expect(state.clocks.map((c) => c.clockId)).toContain('gdpr_72h');
    const locked = state.checklist.flatMap((p) => p.items).filter((i) => i.locked);
    expect(locked.length).toBeGreaterThan(0);

    clock.advance(10 * MIN);
    await call('incidents.setLevel', { incidentId: incident.id, level: 'crise', reason: 'Presse nationale' });
    state = await call('crisis.state', { incidentId: incident.id });
    expect(state.incident.level).toBe('crise');
    const stillLocked = state.checklist.flatMap((p) => p.items).filter((i) => i.locked);
    expect(stillLocked.length).toBeLessThan(locked.length);
    const log = await call('log.list', { incidentId: incident.id, kinds: ['level.*'] });
    expect(log.items[0]).toMatchObject({ kind: 'level.changed', at: T0 + 10 * MIN });
    expect(log.items[0]!.text).toContain('Presse nationale');
    // No explicit actor: the local member, or the OS user before the team is set up.
    expect(log.items[0]!.actor).toBe(state.localActor);
    expect(
      (await call('log.list', { incidentId: incident.id, kinds: ['incident.opened'] })).items[0]!.actor,
    ).toBe('Camille Durand');
    await expect(
      call('incidents.setLevel', { incidentId: incident.id, level: 'crise', reason: 'x' }),
    ).rejects.toThrow(/already at level/);
  });

  it('goes active → stable → closed with times, and refuses to open from something that is not an alert', async () => {
    const { id } = await call('incidents.open', { title: 'Tempête' });
    clock.advance(HOUR);
    expect(await call('incidents.setStatus', { incidentId: id, status: 'stable' })).toMatchObject({
      status: 'stable',
      stableAt: T0 + HOUR,
    });
    clock.advance(HOUR);
    expect(await call('incidents.setStatus', { incidentId: id, status: 'closed' })).toMatchObject({
      status: 'closed',
      closedAt: T0 + 2 * HOUR,
    });
    expect(kindsOf(id)).toEqual(['incident.opened', 'incident.stable', 'incident.closed']);
    const eventId = (
      db.prepare('SELECT id FROM timeline_events WHERE incident_id = ?').get(id) as { id: number }
    ).id;
    await expect(call('incidents.open', { title: 'x', fromAlertId: eventId })).rejects.toThrow(/No alert/);
  });

  it('opens from an alert written by the analysis, remembering which', async () => {
    const { id } = await call('incidents.open', { title: 'Veille générale' });
    db.prepare(
      `INSERT INTO timeline_events(incident_id, at, kind, actor, text, data) VALUES (?, 1, 'alert', NULL, 'Pic de volume', '{}')`,
    ).run(id);
    const alertId = (
      db.prepare(`SELECT id FROM timeline_events WHERE kind = 'alert'`).get() as { id: number }
    ).id;
    const opened = await call('incidents.open', {
      title: 'Pic de volume',
      fromAlertId: alertId,
      level: 'alerte',
    });
    expect((await call('crisis.state', { incidentId: opened.id })).perimeter.fromAlertId).toBe(alertId);
  });
});

describe('checklist, statements and the log', () => {
  beforeEach(() => start(false));

  it('ticks steps, drafts from a template with the signatory first name, approves and publishes', async () => {
    const { id } = await call('incidents.open', {
      title: 'Panne',
      level: 'crise',
      playbookId: 'service-outage-ceo',
    });
    let state = await call('crisis.state', { incidentId: id });
    const step = state.checklist.flatMap((p) => p.items).find((i) => !i.locked)!;
    await call('checklist.complete', { itemId: step.id, comment: 'fait avec la technique' });
    const custom = await call('checklist.add', {
      incidentId: id,
      phase: 'contenir',
      title: 'Prévenir le standard',
    });
    const skipped = await call('checklist.skip', { itemId: custom.id, reason: 'doublon' });
    expect(skipped.status).toBe('skipped');
    await expect(call('checklist.skip', { itemId: step.id, reason: '' })).rejects.toThrow();

    await call('roles.assume', { incidentId: id, role: 'signatory', member: 'Claire Martin' });
    state = await call('crisis.state', { incidentId: id });
    expect(state.templateValues.fr.signatory_first_name).toBe('Claire');
    const drafted = await call('statements.draft', {
      incidentId: id,
      lang: 'fr',
      templateId: 'holding-statement',
      values: { situation: 'Depuis ce matin, le réseau est coupé.', brand: 'Ondaline' },
    });
    expect(drafted.body).toContain('Claire, pour Ondaline');
    expect(drafted.status).toBe('draft');
    await call('statements.requestApproval', {
      statementId: drafted.id,
      approvers: ['Direction', 'Juridique'],
      rule: 'all',
    });
    clock.advance(7 * MIN);
    await call('statements.decide', { statementId: drafted.id, approver: 'Direction', decision: 'approved' });
    clock.advance(5 * MIN);
    const approved = await call('statements.decide', {
      statementId: drafted.id,
      approver: 'Juridique',
      decision: 'approved',
    });
    expect(approved).toMatchObject({ status: 'approved', approvalMs: 12 * MIN });
    clock.advance(MIN);
    const published = await call('statements.publish', { statementId: drafted.id, channel: 'X' });
    expect(published.publishedAt).toBe(T0 + 13 * MIN);
    state = await call('crisis.state', { incidentId: id });
    expect(state.firstStatement).toMatchObject({ delayMs: 13 * MIN, firstStatementAt: T0 + 13 * MIN });
    expect(state.cadence).toMatchObject({ cadenceMinutes: 60, since: T0 + 13 * MIN, dueAt: T0 + 73 * MIN });

    const decision = await call('log.add', { incidentId: id, kind: 'decision', text: 'Le PDG parle à 18 h' });
    expect(decision).toMatchObject({ kind: 'log.decision', text: 'Le PDG parle à 18 h' });
    const log = await call('log.list', { incidentId: id });
    expect(log.items.map((e) => e.kind)).toEqual(
      expect.arrayContaining([
        'checklist.done',
        'checklist.added',
        'checklist.skipped',
        'statement.approved',
        'statement.published',
        'log.decision',
      ]),
    );
    // Newest first.
    expect(log.items[0]!.kind).toBe('log.decision');
    expect(emitted.some((e) => e.event === 'crisis.changed')).toBe(true);
  });
});

describe('triage', () => {
  beforeEach(() => start(false));

  it('filters like the rollups count, searches with marked matches, pages by keyset', async () => {
    const batch = makeMentions(300);
    service.ctx.ingestor.ingest(batch, null);
    const rollup = db
      .prepare('SELECT SUM(neg) AS neg, SUM(neu) AS neu, SUM(pos) AS pos FROM rollup_minute')
      .get() as {
      neg: number;
      neu: number;
      pos: number;
    };
    const count = async (sentiment: 'negative' | 'neutral' | 'positive') =>
      (await call('mentions.query', { limit: 500, filter: { sentiment } })).items.length;
    expect(await count('negative')).toBe(rollup.neg);
    expect(await count('neutral')).toBe(rollup.neu);
    expect(await count('positive')).toBe(rollup.pos);
    expect(SENTIMENT_NEUTRAL_BAND).toBe(0.05);

    const found = await call('mentions.query', { limit: 5, filter: { search: 'panne', platforms: ['x'] } });
    expect(found.items.length).toBe(5);
    for (const m of found.items) {
      expect(m.platform).toBe('x');
      expect(m.highlight).toContain('\u0002Panne\u0003');
      expect(m.highlight!.split('\u0002').join('').split('\u0003').join('')).toBe(m.text);
    }

    // Keyset pages cover the filtered set exactly once, newest first.
    const seen: string[] = [];
    let before: { createdAt: number; id: string } | undefined;
    for (;;) {
      const page = await call('mentions.query', { limit: 40, before, filter: { minToxicity: 0.5 } });
      seen.push(...page.items.map((m) => m.id));
      const last = page.items[page.items.length - 1];
      if (page.items.length < 40 || !last) break;
      before = { createdAt: last.createdAt, id: last.id };
    }
    // A search pages too, each match once.
    const matched: string[] = [];
    let after: { createdAt: number; id: string } | undefined;
    for (;;) {
      const page = await call('mentions.query', { limit: 7, before: after, filter: { search: 'panne' } });
      matched.push(...page.items.map((m) => m.id));
      const last = page.items[page.items.length - 1];
      if (page.items.length < 7 || !last) break;
      after = { createdAt: last.createdAt, id: last.id };
    }
    expect(new Set(matched).size).toBe(matched.length);
    expect(matched.length).toBe(batch.filter((m) => /panne/i.test(m.text)).length);
    const toxic = batch.filter((m) => (m.toxicity ?? 0) >= 0.5);
    expect(new Set(seen).size).toBe(toxic.length);
    expect(seen.length).toBe(toxic.length);
  });

  it('assigns, routes with a note and pins: one timeline event each, filters follow', async () => {
    service.ctx.ingestor.ingest(makeMentions(20), null);
    const { id } = await call('incidents.open', { title: 'Panne', level: 'crise' });
    const ids = (await call('mentions.query', { limit: 3, filter: {} })).items.map((m) => m.id);
    await call('triage.assign', { incidentId: id, mentionIds: ids, member: 'Hugo' });
    await call('triage.route', {
      incidentId: id,
      mentionIds: ids.slice(0, 2),
      service: 'juridique',
      note: 'menace',
    });
    await expect(
      call('triage.route', { incidentId: id, mentionIds: ids, service: 'compta', note: '' }),
    ).rejects.toThrow(/Unknown service/);
    await call('triage.setStatus', { incidentId: id, mentionIds: [ids[2]!], status: 'handled' });
    await call('evidence.pin', { incidentId: id, mentionId: ids[0]! });

    expect((await call('mentions.query', { limit: 50, filter: { assignee: 'Hugo' } })).items).toHaveLength(3);
    expect((await call('mentions.query', { limit: 50, filter: { assignee: '' } })).items).toHaveLength(17);
    const routed = await call('mentions.query', { limit: 50, filter: { routedTo: 'juridique' } });
    expect(routed.items.map((m) => m.status)).toEqual(['escalated', 'escalated']);
    expect(
      (await call('mentions.query', { limit: 50, filter: { statuses: ['handled'] } })).items,
    ).toHaveLength(1);
    expect((await call('mentions.facets', {})).assignees).toEqual(['Hugo']);
    expect(kindsOf(id)).toEqual([
      'incident.opened',
      'mention.assigned',
      'mention.routed',
      'mention.status',
      'mention.pinned',
    ]);
    const evidence = await call('evidence.list', { incidentId: id });
    expect(evidence.items[0]).toMatchObject({ mentionId: ids[0] });
  });
});
