import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LevelsService } from '../../../main/core/crisis/levels';
import { RolesRepo } from '../../../main/core/crisis/roles';
import { StatementsRepo } from '../../../main/core/crisis/statements';
import {
  HOUR,
  MIN,
  events,
  insertMentions,
  kinds,
  lastEvent,
  openIncident,
  setup,
  shippedLibrary,
  T0,
  type Env,
} from './helpers';

let env: Env;
let statements: StatementsRepo;
let roles: RolesRepo;
let levels: LevelsService;
const lib = shippedLibrary();
const holding = lib.template('holding-statement')!;

beforeEach(() => {
  env = setup();
  statements = new StatementsRepo(env.db, env.opts);
  roles = new RolesRepo(env.db, env.opts);
  levels = new LevelsService(env.db, env.opts);
  openIncident(env, { level: 'veille', title: 'Panne fibre Lyon' });
});
afterEach(() => env.cleanup());

const draft = (body = 'Nous avons connaissance des difficultés.') =>
  statements.draft('inc-1', { kind: 'holding', lang: 'fr', title: 'Déclaration', body }, 'ines');

describe('drafting from templates', () => {
  it('fills brand, incident title, signatory first name and the next update time (FR and EN)', () => {
    levels.change('inc-1', 'crise', 'Volume', 'camille'); // 60-minute cadence
    roles.assume('inc-1', 'signatory', 'Jean-Pierre Martin', 'camille');
    env.clock.set(T0 + 7 * MIN); // 09:07 Paris → next update 10:07 → rounded up to 10:10
    const fr = statements.draftFromTemplate(
      'inc-1',
      holding,
      { lang: 'fr', values: { situation: 'Depuis ce matin, des coupures de fibre sont signalées à Lyon.' } },
      'ines',
    );
    expect(
      fr.rendered.text.startsWith(
        'Depuis ce matin, des coupures de fibre sont signalées à Lyon.\n\nNous en avons connaissance',
      ),
    ).toBe(true);
    expect(fr.rendered.text).toContain('Nous ferons un nouveau point ici à 10 h 10');
    expect(fr.rendered.text).toMatch(/Jean-Pierre, pour Ondaline$/);
    expect(fr.statement).toMatchObject({
      kind: 'holding',
      lang: 'fr',
      templateId: 'holding-statement',
      title: 'Déclaration d’attente',
      signature: 'Jean-Pierre',
      status: 'draft',
      version: 1,
    });
    const en = statements.draftFromTemplate(
      'inc-1',
      holding,
      { lang: 'en', values: { situation: 'Fibre outages are being reported in Lyon.' } },
      'ines',
    );
    expect(en.rendered.text).toContain('We will post a new update here at 10:10');
    expect(en.rendered.text).toMatch(/Jean-Pierre, for Ondaline$/);
    expect(lastEvent(env)).toMatchObject({
      kind: 'statement.drafted',
      data: { statementId: en.statement.id, templateId: 'holding-statement', lang: 'en' },
    });
  });

  it('says which values are missing (no signatory yet, no cadence at veille, a template variable)', () => {
    expect(() => statements.draftFromTemplate('inc-1', holding, { lang: 'fr', values: {} }, 'ines')).toThrow(
      'Template "holding-statement" (fr) needs a value for {{situation}}, {{next_update_time}}, {{signatory_first_name}}.',
    );
    expect(statements.list('inc-1')).toEqual([]);
  });

  it('a reply template gets the @handle of the mention answered', () => {
    insertMentions(env, [{ id: 'x:1', authorHandle: 'client_furieux' }]);
    levels.change('inc-1', 'alerte', 'Volume', 'camille');
    roles.assume('inc-1', 'signatory', 'Léa', 'camille');
    const { statement, rendered } = statements.draftFromTemplate(
      'inc-1',
      lib.template('public-reply')!,
      { lang: 'fr', replyToMentionId: 'x:1' },
      'ines',
    );
    expect(rendered.text.startsWith('@client_furieux Bonjour')).toBe(true);
    expect(rendered).toMatchObject({ maxLength: 280, overLimit: false });
    expect(statement).toMatchObject({ kind: 'reply', replyToMentionId: 'x:1' });
  });
});

describe('approvals', () => {
  it("a decision entered for someone else says who entered it; one's own does not", () => {
    const s = draft();
    statements.requestApproval(s.id, ['direction', 'ines'], 'all', 'ines');
    statements.decide(s.id, 'direction', 'approved', 'par téléphone', 'ines');
    expect(lastEvent(env)).toMatchObject({
      kind: 'statement.decision',
      actor: 'direction',
      data: { approver: 'direction', decision: 'approved', recordedBy: 'ines' },
    });
    const after = statements.decide(s.id, 'ines', 'approved', '', 'ines');
    expect(after.approvals.map((a) => [a.approver, a.recordedBy])).toEqual([
      ['direction', 'ines'],
      ['ines', null],
    ]);
    expect(lastEvent(env).data).not.toHaveProperty('recordedBy');
    // The post-mortem reads it from the approvals table.
    expect(
      env.db.prepare('SELECT approver, recorded_by FROM statement_approvals ORDER BY position').all(),
    ).toEqual([
      { approver: 'direction', recorded_by: 'ines' },
      { approver: 'ines', recorded_by: null },
    ]);
  });

  it('rule all: every approver must approve; latency measured per decision and in total', () => {
    const s = draft();
    env.clock.set(T0 + 10 * MIN);
    statements.requestApproval(s.id, ['juridique', 'direction'], 'all', 'ines');
    expect(lastEvent(env)).toMatchObject({
      kind: 'statement.approval_requested',
      data: { approvers: ['juridique', 'direction'], rule: 'all', version: 1 },
    });
    env.clock.set(T0 + 18 * MIN);
    expect(statements.decide(s.id, 'juridique', 'approved', 'OK sous réserve').status).toBe('pending');
    env.clock.set(T0 + 25 * MIN);
    expect(statements.decide(s.id, 'direction', 'approved').status).toBe('approved');
    expect(kinds(env).slice(-3)).toEqual(['statement.decision', 'statement.decision', 'statement.approved']);
    expect(lastEvent(env).data).toMatchObject({ statementId: s.id, rule: 'all', totalMs: 15 * MIN });

    env.clock.set(T0 + 31 * MIN);
    // The public post's address is a web link or nothing: a javascript: link is refused.
    expect(() =>
      statements.publish(s.id, { channel: 'X @Ondaline', url: 'javascript:alert(1)' }, 'ines'),
    ).toThrow('The link must be a web address (https://…).');
    statements.publish(s.id, { channel: 'X @Ondaline', url: 'https://x.com/Ondaline/status/1' }, 'ines');
    expect(statements.get(s.id).publishedUrl).toBe('https://x.com/Ondaline/status/1');
    expect(statements.latency(s.id)).toEqual({
      statementId: s.id,
      version: 1,
      rule: 'all',
      requestedAt: T0 + 10 * MIN,
      decisions: [
        {
          approver: 'juridique',
          decision: 'approved',
          decidedAt: T0 + 18 * MIN,
          latencyMs: 8 * MIN,
          comment: 'OK sous réserve',
        },
        {
          approver: 'direction',
          decision: 'approved',
          decidedAt: T0 + 25 * MIN,
          latencyMs: 15 * MIN,
          comment: '',
        },
      ],
      finalDecision: 'approved',
      finalAt: T0 + 25 * MIN,
      totalMs: 15 * MIN,
      publishedAt: T0 + 31 * MIN,
      toPublishMs: 21 * MIN,
    });
  });

  it('rule any: the first approval is enough', () => {
    const s = draft();
    statements.requestApproval(s.id, ['juridique', 'direction', 'dircom'], 'any', 'ines');
    env.clock.advance(4 * MIN);
    const after = statements.decide(s.id, 'dircom', 'approved');
    expect(after.status).toBe('approved');
    expect(statements.latency(s.id)).toMatchObject({
      finalDecision: 'approved',
      totalMs: 4 * MIN,
      decisions: [
        { approver: 'juridique', decision: 'pending', latencyMs: null },
        { approver: 'direction', decision: 'pending', latencyMs: null },
        { approver: 'dircom', decision: 'approved', latencyMs: 4 * MIN },
      ],
    });
    expect(() => statements.decide(s.id, 'juridique', 'approved')).toThrow(
      /approved, not waiting for approval/,
    );
  });

  it('a rejection is a veto under both rules, needs a comment, and the text is revised before resubmitting', () => {
    for (const rule of ['any', 'all'] as const) {
      const s = draft();
      statements.requestApproval(s.id, ['juridique', 'direction'], rule, 'ines');
      expect(() => statements.decide(s.id, 'juridique', 'rejected', '')).toThrow(
        /reason for rejecting is required/,
      );
      env.clock.advance(3 * MIN);
      const rejected = statements.decide(s.id, 'juridique', 'rejected', 'Ne pas citer le sous-traitant');
      expect(rejected.status).toBe('rejected');
      expect(lastEvent(env)).toMatchObject({ kind: 'statement.rejected', actor: 'juridique' });
      expect(statements.latency(s.id)).toMatchObject({ finalDecision: 'rejected', totalMs: 3 * MIN });
      expect(() => statements.requestApproval(s.id, ['juridique'], rule, 'ines')).toThrow(/revise the text/);
      expect(() => statements.publish(s.id, { channel: 'X' }, 'ines')).toThrow(/needs its approvals/);

      const revised = statements.edit(
        s.id,
        { body: 'Nous avons connaissance des difficultés. Nos équipes sont mobilisées.' },
        'ines',
      );
      expect(revised).toMatchObject({ status: 'draft', version: 2, approvals: [], rule: null });
      expect(lastEvent(env)).toMatchObject({
        kind: 'statement.revised',
        data: { version: 2, previousStatus: 'rejected' },
      });
      statements.requestApproval(s.id, ['juridique'], rule, 'ines');
      expect(statements.decide(s.id, 'juridique', 'approved').status).toBe('approved');
      // The first round is kept.
      expect(statements.approvalHistory(s.id).map((a) => [a.version, a.approver, a.decision])).toEqual([
        [1, 'juridique', 'rejected'],
        [1, 'direction', 'pending'],
        [2, 'juridique', 'approved'],
      ]);
    }
  });

  it('editing an approved text voids its approval', () => {
    const s = draft();
    statements.requestApproval(s.id, ['juridique'], 'any', 'ines');
    statements.decide(s.id, 'juridique', 'approved');
    expect(statements.edit(s.id, { body: 'Autre texte' }, 'ines')).toMatchObject({
      status: 'draft',
      version: 2,
    });
    expect(() => statements.publish(s.id, { channel: 'X' }, 'ines')).toThrow(/draft: it needs its approvals/);
  });

  it('checks the chain: approvers listed, unique, in the chain, once', () => {
    const s = draft();
    expect(() => statements.requestApproval(s.id, [], 'all', 'ines')).toThrow(/at least one approver/);
    expect(() => statements.requestApproval(s.id, ['a', 'a'], 'all', 'ines')).toThrow(/listed twice/);
    statements.requestApproval(s.id, ['a', 'b'], 'all', 'ines');
    expect(() => statements.decide(s.id, 'c', 'approved')).toThrow(/not in the approval chain/);
    statements.decide(s.id, 'a', 'approved');
    expect(() => statements.decide(s.id, 'a', 'approved')).toThrow(/already approved/);
    expect(statements.latencySummary('inc-1')).toEqual({ count: 0, medianMs: null, maxMs: null });
  });
});

describe('publishing and the headline number', () => {
  it('publish = marked with time and channel; first alert → first public statement', () => {
    env.clock.set(T0 + 12 * MIN);
    levels.change('inc-1', 'alerte', 'Volume ×5', 'camille'); // the first alert, 09:12
    const internal = statements.draft(
      'inc-1',
      { kind: 'internal', lang: 'fr', body: 'Note aux équipes' },
      'ines',
    );
    statements.publish(
      internal.id,
      { channel: 'intranet', overrideReason: 'Note interne, pas de validation' },
      'ines',
    );
    expect(statements.firstStatementDelay('inc-1')).toMatchObject({
      firstAlertAt: T0 + 12 * MIN,
      firstStatementAt: null,
      delayMs: null,
    });

    const s = draft();
    statements.requestApproval(s.id, ['dircom'], 'any', 'ines');
    statements.decide(s.id, 'dircom', 'approved');
    env.clock.set(T0 + 60 * MIN);
    const published = statements.publish(
      s.id,
      { channel: 'X @Ondaline', url: 'https://x.com/ondaline/status/1', at: T0 + 55 * MIN },
      'ines',
    );
    expect(published).toMatchObject({
      status: 'published',
      publishedAt: T0 + 55 * MIN,
      channel: 'X @Ondaline',
      publishedBy: 'ines',
    });
    expect(lastEvent(env)).toMatchObject({
      at: T0 + 55 * MIN,
      kind: 'statement.published',
      data: {
        statementId: s.id,
        channel: 'X @Ondaline',
        url: 'https://x.com/ondaline/status/1',
        public: true,
        firstPublic: true,
        delayFromAlertMs: 43 * MIN,
      },
    });
    expect(statements.firstStatementDelay('inc-1')).toEqual({
      firstAlertAt: T0 + 12 * MIN,
      openedAt: T0,
      firstStatementAt: T0 + 55 * MIN,
      statementId: s.id,
      delayMs: 43 * MIN,
      fromOpeningMs: 55 * MIN,
    });
    expect(() => statements.publish(s.id, { channel: 'X' }, 'ines')).toThrow(/already published/);
    expect(() => statements.edit(s.id, { body: 'x' }, 'ines')).toThrow(/cannot be edited/);
    expect(statements.latencySummary('inc-1')).toMatchObject({ count: 1, medianMs: 0 });
  });

  it('an incident opened above veille counts from its opening', () => {
    openIncident(env, { id: 'inc-2', level: 'crise' });
    const s = statements.draft('inc-2', { kind: 'holding', lang: 'en', body: 'We are aware.' }, 'ines');
    env.clock.set(T0 + 25 * MIN);
    statements.publish(
      s.id,
      { channel: 'Bluesky', overrideReason: 'Lead on the phone, approved orally' },
      'camille',
    );
    expect(statements.firstStatementDelay('inc-2')).toMatchObject({ firstAlertAt: T0, delayMs: 25 * MIN });
    expect(events(env, 'inc-2').at(-1)!.data).toMatchObject({
      overrideReason: 'Lead on the phone, approved orally',
    });
    expect(() =>
      statements.publish(
        statements.draft('inc-2', { kind: 'update', lang: 'en', body: 'x' }, 'i').id,
        { channel: 'X', at: T0 + HOUR },
        'i',
      ),
    ).toThrow(/override|approvals/);
  });

  it('the cadence reminder runs from the last public statement', () => {
    levels.change('inc-1', 'crise_majeure', 'Menaces', 'camille');
    expect(statements.nextUpdate('inc-1')).toMatchObject({
      cadenceMinutes: 20,
      since: T0,
      dueAt: T0 + 20 * MIN,
    });
    env.clock.set(T0 + 30 * MIN);
    expect(statements.nextUpdate('inc-1')).toMatchObject({ overdue: true, notify: true });
    const s = draft();
    statements.publish(s.id, { channel: 'X', overrideReason: 'Urgence' }, 'camille');
    expect(statements.lastPublishedAt('inc-1')).toBe(T0 + 30 * MIN);
    env.clock.set(T0 + 44 * MIN);
    expect(statements.nextUpdate('inc-1')).toMatchObject({
      dueAt: T0 + 50 * MIN,
      remainingMs: 6 * MIN,
      overdue: false,
      notify: false,
    });
    env.clock.set(T0 + 46 * MIN);
    expect(statements.nextUpdate('inc-1').notify).toBe(true);
  });

  it('a quiet watch before the escalation is not counted as lateness', () => {
    // Watched (no cadence) for ten hours, then raised: the hour runs from the escalation.
    env.clock.set(T0 + 10 * HOUR);
    levels.change('inc-1', 'crise', 'Volume', 'camille');
    expect(statements.nextUpdate('inc-1')).toMatchObject({
      since: T0 + 10 * HOUR,
      dueAt: T0 + 11 * HOUR,
      overdue: false,
    });
    // From one cadence to a shorter one, the shorter one applies at once.
    env.clock.set(T0 + 10 * HOUR + 30 * MIN);
    levels.change('inc-1', 'crise_majeure', 'Menaces', 'camille');
    expect(statements.nextUpdate('inc-1')).toMatchObject({ dueAt: T0 + 10 * HOUR + 20 * MIN, overdue: true });
    // Back to watch and up again: a new run starts.
    levels.change('inc-1', 'veille', 'Calme', 'camille');
    env.clock.set(T0 + 12 * HOUR);
    levels.change('inc-1', 'alerte', 'Reprise', 'camille');
    expect(statements.nextUpdate('inc-1')).toMatchObject({ since: T0 + 12 * HOUR, cadenceMinutes: 120 });
  });
});
