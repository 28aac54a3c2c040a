import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TriageRepo, verifyEvidence } from '../../../main/core/crisis/triage';
import { MIN, events, insertMentions, kinds, lastEvent, openIncident, setup, T0, type Env } from './helpers';

let env: Env;
let triage: TriageRepo;
beforeEach(() => {
  env = setup();
  triage = new TriageRepo(env.db, env.opts);
  openIncident(env, { level: 'crise' });
  insertMentions(env, [
    {
      id: 'x:1',
      text: 'Scandale, @Ondaline ment à ses clients',
      authorHandle: 'colere_42',
      authorName: 'Colère 42',
    },
    { id: 'x:2' },
    { id: 'bluesky:3' },
    { id: 'reviews:4', url: null },
  ]);
});
afterEach(() => env.cleanup());

const mention = (id: string) =>
  env.db
    .prepare('SELECT status, assignee, routed_to, text, author_handle FROM mentions WHERE id = ?')
    .get(id) as {
    status: string;
    assignee: string | null;
    routed_to: string | null;
    text: string;
    author_handle: string;
  };
const routingRows = () => (env.db.prepare('SELECT COUNT(*) AS n FROM routing_log').get() as { n: number }).n;

describe('statuses and assignment', () => {
  it('bulk status in one go; only handled/escalated are incident events', () => {
    expect(triage.setStatusMany('inc-1', ['x:1', 'x:2', 'x:2'], 'seen', 'ines')).toEqual({
      changed: 2,
      mentionIds: ['x:1', 'x:2'],
      batchId: null,
    });
    expect(kinds(env)).toEqual(['incident.opened']);
    triage.setStatusMany('inc-1', ['x:1', 'x:2'], 'handled', 'ines');
    expect(mention('x:2').status).toBe('handled');
    expect(lastEvent(env)).toMatchObject({
      kind: 'mention.status',
      actor: 'ines',
      data: { status: 'handled', mentionIds: ['x:1', 'x:2'], count: 2, mentionId: null },
    });
    triage.setStatus('inc-1', 'bluesky:3', 'escalated', 'ines');
    expect(lastEvent(env).data).toMatchObject({ status: 'escalated', mentionId: 'bluesky:3', count: 1 });
    expect(() => triage.setStatus(null, 'x:1', 'archived' as 'seen', 'ines')).toThrow(
      /Unknown status "archived"/,
    );
  });

  it('assign and unassign', () => {
    triage.assignMany('inc-1', ['x:1', 'bluesky:3'], 'Hugo', 'ines');
    expect(mention('x:1').assignee).toBe('Hugo');
    expect(lastEvent(env)).toMatchObject({
      kind: 'mention.assigned',
      text: 'Hugo',
      data: { member: 'Hugo', count: 2 },
    });
    expect(triage.assign('inc-1', 'x:1', null, 'ines').changed).toBe(1);
    expect(mention('x:1').assignee).toBeNull();
  });
});

describe('routing', () => {
  it('one mention: a routing_log row, routed_to, escalated, a timeline event', () => {
    env.clock.set(T0 + 5 * MIN);
    triage.route('inc-1', 'x:1', 'juridique', 'Accusation de mensonge : avis juridique', 'ines');
    expect(mention('x:1')).toMatchObject({ routed_to: 'juridique', status: 'escalated' });
    expect(triage.routingLog('inc-1')).toEqual([
      {
        id: expect.any(Number),
        incidentId: 'inc-1',
        mentionId: 'x:1',
        service: 'juridique',
        previousService: null,
        note: 'Accusation de mensonge : avis juridique',
        routedAt: T0 + 5 * MIN,
        routedBy: 'ines',
        batchId: null,
      },
    ]);
    expect(lastEvent(env)).toMatchObject({
      at: T0 + 5 * MIN,
      kind: 'mention.routed',
      text: 'Accusation de mensonge : avis juridique',
      data: { service: 'juridique', mentionId: 'x:1', mentionIds: ['x:1'], count: 1 },
    });
    // Re-routing keeps where it was before; a handled mention stays handled.
    triage.setStatus('inc-1', 'x:1', 'handled', 'ines');
    triage.route('inc-1', 'x:1', 'direction', '', 'ines');
    expect(
      triage.routingLog('inc-1', { mentionId: 'x:1' }).map((r) => [r.service, r.previousService]),
    ).toEqual([
      ['juridique', null],
      ['direction', 'juridique'],
    ]);
    expect(mention('x:1').status).toBe('handled');
  });

  it('bulk routing writes every row with one batch id and one event, in one transaction', () => {
    const res = triage.routeMany(
      'inc-1',
      ['x:1', 'x:2', 'bluesky:3'],
      'service_client',
      'Demandes de remboursement',
      'ines',
    );
    expect(res).toMatchObject({ changed: 3, mentionIds: ['x:1', 'x:2', 'bluesky:3'] });
    const rows = triage.routingLog('inc-1', { service: 'service_client' });
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.batchId))).toEqual(new Set([res.batchId]));
    expect(res.batchId).toMatch(/^[0-9a-f-]{36}$/);
    expect(kinds(env).filter((k) => k === 'mention.routed')).toHaveLength(1);
    expect(lastEvent(env).data).toMatchObject({ batchId: res.batchId, count: 3, mentionId: null });
  });

  it('one unknown mention in the selection: nothing is written at all', () => {
    const before = events(env).length;
    expect(() => triage.routeMany('inc-1', ['x:1', 'x:404', 'x:2'], 'produit', 'Bug', 'ines')).toThrow(
      'Unknown mention: x:404. Nothing was changed.',
    );
    expect(routingRows()).toBe(0);
    expect(mention('x:1')).toMatchObject({ routed_to: null, status: 'new' });
    expect(events(env)).toHaveLength(before);
    expect(() => triage.setStatusMany('inc-1', ['x:1', 'x:404'], 'handled', 'ines')).toThrow(
      /Nothing was changed/,
    );
    expect(mention('x:1').status).toBe('new');
  });

  it('a failure in the middle of a bulk write rolls the whole selection back', () => {
    // A trigger that refuses the third mention's update, after two rows were written.
    env.db.exec(`CREATE TRIGGER fail_third BEFORE UPDATE OF routed_to ON mentions WHEN NEW.id = 'bluesky:3'
      BEGIN SELECT RAISE(ABORT, 'disk full'); END;`);
    expect(() => triage.routeMany('inc-1', ['x:1', 'x:2', 'bluesky:3'], 'produit', 'Bug', 'ines')).toThrow(
      /disk full/,
    );
    expect(routingRows()).toBe(0);
    expect(mention('x:1').routed_to).toBeNull();
    expect(kinds(env)).toEqual(['incident.opened']);
  });

  it('only configured services', () => {
    expect(() => triage.route('inc-1', 'x:1', 'marketing', '', 'ines')).toThrow(
      'Unknown service "marketing"; expected one of service_client, juridique, produit, rh, direction, securite.',
    );
    expect(triage.services().map((s) => s.label.fr)).toEqual([
      'Service client',
      'Juridique',
      'Produit',
      'RH',
      'Direction',
      'Sécurité',
    ]);
    expect(() => triage.routeMany('inc-1', [], 'rh', '', 'ines')).toThrow(/at least one mention/);
  });
});

describe('pinned evidence', () => {
  it('keeps its frozen text and author after the mention row changes or disappears', () => {
    env.clock.set(T0 + 3 * MIN);
    const e = triage.pin('inc-1', 'x:1', 'camille', 'Message d’origine');
    expect(e).toMatchObject({
      mentionId: 'x:1',
      platform: 'x',
      url: 'https://example.test/1',
      authorHandle: 'colere_42',
      authorName: 'Colère 42',
      text: 'Scandale, @Ondaline ment à ses clients',
      pinnedAt: T0 + 3 * MIN,
      pinnedBy: 'camille',
      note: 'Message d’origine',
    });
    expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
    const pinned = lastEvent(env);
    expect(pinned).toMatchObject({
      kind: 'mention.pinned',
      data: {
        evidenceId: e.id,
        mentionId: 'x:1',
        url: 'https://example.test/1',
        authorHandle: 'colere_42',
        text: 'Scandale, @Ondaline ment à ses clients',
        sha256: e.sha256,
      },
    });

    // The author edits the post, then the source is purged.
    env.db
      .prepare(`UPDATE mentions SET text = 'Message supprimé', author_handle = 'renamed' WHERE id = 'x:1'`)
      .run();
    expect(mention('x:1').text).toBe('Message supprimé');
    const [kept] = triage.evidence('inc-1');
    expect(kept).toMatchObject({ text: 'Scandale, @Ondaline ment à ses clients', authorHandle: 'colere_42' });
    expect(verifyEvidence(kept!)).toBe(true);
    env.db.prepare(`DELETE FROM mentions WHERE id = 'x:1'`).run();
    expect(triage.evidence('inc-1')[0]!.text).toBe('Scandale, @Ondaline ment à ses clients');
    expect(events(env).find((x) => x.kind === 'mention.pinned')!.data).toEqual(pinned.data);
  });

  it('the store refuses to alter a frozen copy', () => {
    const e = triage.pin('inc-1', 'x:1', 'camille');
    expect(() => env.db.prepare('UPDATE evidence SET text = ? WHERE id = ?').run('forged', e.id)).toThrow(
      /evidence is frozen/,
    );
    expect(verifyEvidence({ ...e, text: 'forged' })).toBe(false);
  });

  it('pinning twice is refused; unpinning keeps the copy and says why', () => {
    triage.pin('inc-1', 'reviews:4', 'camille');
    expect(() => triage.pin('inc-1', 'reviews:4', 'camille')).toThrow(/already pinned/);
    expect(() => triage.unpin('inc-1', 'reviews:4', 'camille', '')).toThrow(/reason/);
    triage.unpin('inc-1', 'reviews:4', 'camille', 'Doublon');
    expect(lastEvent(env)).toMatchObject({
      kind: 'mention.unpinned',
      text: 'Doublon',
      data: { mentionId: 'reviews:4', url: null },
    });
    expect(triage.evidence('inc-1')).toEqual([]);
    expect(triage.evidence('inc-1', { includeUnpinned: true })).toHaveLength(1);
    triage.pin('inc-1', 'reviews:4', 'camille'); // may be pinned again afterwards
    expect(triage.evidence('inc-1', { includeUnpinned: true })).toHaveLength(2);
    expect(() => triage.pin('inc-1', 'x:999', 'camille')).toThrow(/No mention with id x:999/);
  });
});
