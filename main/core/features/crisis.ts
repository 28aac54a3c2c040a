// The crisis feature's contract handlers and hooks (see ./feature.ts): incidents (open, level,
// status, perimeter), roles, checklists from playbooks, clocks, statements and approvals, triage of
// mentions, evidence pins and the event log. Every action is stamped with its actor (actorFor) and
// lands on the incident's timeline through main/core/crisis.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { CallName } from '../../../shared/contract';
import type { Incident } from '../../../shared/model';
import { actorFor } from '../actor';
import type { CoreContext, HandlerGroup } from '../context';
import { createCrisis, playbookFolders, type Crisis, type Role } from '../crisis';
import { ensureDemoPlaybook } from '../crisis/service/demo-playbook';
import { DEMO_REPLAY_SOURCE, replayClock } from '../crisis/service/incident-clock';
import { buildCatalog, buildState, toStatementView } from '../crisis/service/state-view';
import { VigieError } from '../errors';
import type { Feature } from './feature';

type CrisisCallName = Extract<
  CallName,
  | `crisis.${string}`
  | 'incidents.open'
  | 'incidents.setLevel'
  | 'incidents.setStatus'
  | 'incidents.setPerimeter'
  | `roles.${string}`
  | `playbooks.${string}`
  | `checklist.${string}`
  | `clocks.${string}`
  | `statements.${string}`
  | 'mentions.query'
  | 'mentions.facets'
  | `triage.${string}`
  | `evidence.${string}`
  | `log.${string}`
>;

const FOCUS_KEY = 'focus.incident';
const ALERT_KINDS = ['alert', 'analysis.alert'];
/** The demo check costs a query: at most every few seconds from the tick. */
const DEMO_CHECK_MS = 5000;

export function crisisFeature(ctx: CoreContext): Feature<CrisisCallName> {
  const dataDir = path.dirname(ctx.opts.dbPath);
  const folders = playbookFolders(ctx.opts.resourcesDir, dataDir);
  const wall = createCrisis(ctx.db, { now: ctx.now, playbookFolders: folders });
  // The demo incident runs on the replay's simulated time while it plays (see incident-clock.ts).
  const demoNow = () => replayClock(ctx.db) ?? ctx.now();
  const demo = createCrisis(ctx.db, { now: demoNow, playbookFolders: folders });
  const library = () => wall.library();

  const incidentOf = (id: string): Incident => {
    const incident = ctx.incidents.get(id);
    if (!incident) throw new VigieError('not_found', `No incident with id ${id}.`);
    return incident;
  };
  const cellFor = (incidentId: string): Crisis => (incidentOf(incidentId).isDemo ? demo : wall);
  const nowFor = (incidentId: string): number => (incidentOf(incidentId).isDemo ? demoNow() : ctx.now());
  const incidentOfItem = (itemId: number): string => wall.checklist.get(itemId).incidentId;
  const incidentOfStatement = (statementId: number): string => wall.statements.get(statementId).incidentId;
  const who = (requested?: string | null) => actorFor(ctx.db, requested);

  const changed = (incidentId: string, ...kinds: string[]) =>
    ctx.emit('crisis.changed', { incidentId, kinds });
  const incidentChanged = (incidentId: string) => {
    changed(incidentId, 'incident');
    ctx.emit('incidents.changed', { focusId: ctx.meta.get(FOCUS_KEY) });
  };

  let lastDemoCheck = -Infinity;
  const checkDemo = () => {
    if (ensureDemoPlaybook(ctx.db, ctx.meta, demo)) incidentChanged('demo');
  };
  checkDemo();

  const handlers: HandlerGroup<CrisisCallName> = {
    'crisis.catalog': () => buildCatalog(wall, folders[folders.length - 1]!),
    'crisis.state': ({ incidentId }) =>
      buildState(ctx.db, cellFor(incidentId), ctx.incidents, incidentOf(incidentId), nowFor(incidentId)),

    'incidents.open': (req) => {
      const actor = who(req.actor);
      const title = req.title.trim();
      if (!title) throw new VigieError('bad_request', 'The incident needs a title.');
      if (req.fromAlertId !== undefined) {
        const alert = ctx.db.prepare('SELECT kind FROM timeline_events WHERE id = ?').get(req.fromAlertId) as
          { kind: string } | undefined;
        if (!alert || !ALERT_KINDS.includes(alert.kind)) {
          throw new VigieError('not_found', `No alert with id ${req.fromAlertId}.`);
        }
      }
      const playbook = req.playbookId ? library().playbook(req.playbookId) : undefined;
      if (req.playbookId && !playbook) throw new VigieError('not_found', `No playbook "${req.playbookId}".`);
      const terms = [...new Set(req.terms.map((t) => t.trim()).filter(Boolean))];
      const id = `inc-${randomUUID().slice(0, 8)}`;
      ctx.db.transaction(() => {
        ctx.incidents.create(
          {
            id,
            title,
            level: req.level,
            openedAt: ctx.now(),
            isDemo: false,
            sourceIds: req.sourceIds,
            terms,
            fromAlertId: req.fromAlertId ?? null,
          },
          actor,
        );
        if (playbook) wall.checklist.apply(id, playbook, actor);
        ctx.meta.set(FOCUS_KEY, id);
      })();
      ctx.emit('incidents.changed', { focusId: id });
      return incidentOf(id);
    },
    'incidents.setLevel': ({ incidentId, level, reason, actor }) => {
      cellFor(incidentId).levels.change(incidentId, level, reason, who(actor));
      incidentChanged(incidentId);
      return incidentOf(incidentId);
    },
    'incidents.setStatus': ({ incidentId, status, reason, actor }) => {
      cellFor(incidentId).levels.setStatus(incidentId, status, who(actor), reason);
      // Closing the demo stops its replay, as incidents.close does.
      if (status === 'closed' && incidentOf(incidentId).isDemo) {
        if (ctx.sources.get(DEMO_REPLAY_SOURCE)?.status === 'running') {
          ctx.sources.setStatus(DEMO_REPLAY_SOURCE, 'paused');
        }
      }
      incidentChanged(incidentId);
      return incidentOf(incidentId);
    },
    'incidents.setPerimeter': ({ incidentId, terms, sourceIds, actor }) => {
      incidentOf(incidentId);
      const clean = [...new Set(terms.map((t) => t.trim()).filter(Boolean))];
      ctx.incidents.setPerimeter(incidentId, { terms: clean, sourceIds }, nowFor(incidentId), who(actor));
      changed(incidentId, 'perimeter');
      const p = ctx.incidents.perimeter(incidentId);
      return { terms: p.terms, sourceIds: p.sourceIds };
    },

    'roles.assume': ({ incidentId, role, member, signature, actor }) => {
      const a = cellFor(incidentId).roles.assume(incidentId, role as Role, member, who(actor), { signature });
      changed(incidentId, 'roles');
      return a;
    },
    'roles.renounce': ({ incidentId, role, member, reason, actor }) => {
      const a = cellFor(incidentId).roles.renounce(incidentId, role as Role, member, who(actor), reason);
      changed(incidentId, 'roles');
      return a;
    },

    'playbooks.apply': ({ incidentId, playbookId, actor }) => {
      const playbook = library().playbook(playbookId);
      if (!playbook) throw new VigieError('not_found', `No playbook "${playbookId}".`);
      const steps = cellFor(incidentId).checklist.apply(incidentId, playbook, who(actor));
      changed(incidentId, 'checklist');
      return { steps: steps.length };
    },
    'checklist.complete': ({ itemId, comment, actor }) => {
      const incidentId = incidentOfItem(itemId);
      const item = cellFor(incidentId).checklist.complete(itemId, who(actor), comment);
      changed(incidentId, 'checklist');
      return { status: item.status };
    },
    'checklist.skip': ({ itemId, reason, actor }) => {
      const incidentId = incidentOfItem(itemId);
      const item = cellFor(incidentId).checklist.skip(itemId, who(actor), reason);
      changed(incidentId, 'checklist');
      return { status: item.status };
    },
    'checklist.reopen': ({ itemId, reason, actor }) => {
      const incidentId = incidentOfItem(itemId);
      const item = cellFor(incidentId).checklist.reopen(itemId, who(actor), reason);
      changed(incidentId, 'checklist');
      return { status: item.status };
    },
    'checklist.comment': ({ itemId, text, actor }) => {
      const incidentId = incidentOfItem(itemId);
      const item = cellFor(incidentId).checklist.comment(itemId, who(actor), text);
      changed(incidentId, 'checklist');
      return { status: item.status };
    },
    'checklist.add': ({ incidentId, phase, title, owner, dueInMinutes, actor }) => {
      const dueAt = dueInMinutes === undefined ? null : nowFor(incidentId) + dueInMinutes * 60_000;
      const item = cellFor(incidentId).checklist.addCustom(
        incidentId,
        { phase, title, owner: owner as Role | null, dueAt },
        who(actor),
      );
      changed(incidentId, 'checklist');
      return { id: item.id };
    },
    'clocks.start': ({ incidentId, clockId, startedAt, note, actor }) => {
      const clock = cellFor(incidentId).clocks.start(incidentId, clockId, startedAt, who(actor), note);
      changed(incidentId, 'clocks');
      return { clockId: clock.clockId };
    },

    'statements.draft': (req) => {
      const cell = cellFor(req.incidentId);
      const actor = who(req.actor);
      let statement;
      if (req.templateId) {
        const template = library().template(req.templateId);
        if (!template) throw new VigieError('not_found', `No statement template "${req.templateId}".`);
        statement = cell.statements.draftFromTemplate(
          req.incidentId,
          template,
          { lang: req.lang, values: req.values },
          actor,
        ).statement;
        // The person may have adjusted the rendered text before saving it.
        if (req.body !== undefined && req.body.trim() && req.body.trim() !== statement.body.trim()) {
          statement = cell.statements.edit(statement.id, { title: req.title, body: req.body }, actor);
        }
      } else {
        if (!req.kind) throw new VigieError('bad_request', 'A statement needs a template or a kind.');
        statement = cell.statements.draft(
          req.incidentId,
          { kind: req.kind, lang: req.lang, title: req.title, body: req.body ?? '' },
          actor,
        );
      }
      changed(req.incidentId, 'statements');
      return statementView(cell, statement.id);
    },
    'statements.edit': ({ statementId, title, body, actor }) => {
      const incidentId = incidentOfStatement(statementId);
      const cell = cellFor(incidentId);
      cell.statements.edit(statementId, { title, body }, who(actor));
      changed(incidentId, 'statements');
      return statementView(cell, statementId);
    },
    'statements.requestApproval': ({ statementId, approvers, rule, actor }) => {
      const incidentId = incidentOfStatement(statementId);
      const cell = cellFor(incidentId);
      cell.statements.requestApproval(statementId, approvers, rule, who(actor));
      changed(incidentId, 'statements');
      return statementView(cell, statementId);
    },
    'statements.decide': ({ statementId, approver, decision, comment, actor }) => {
      const incidentId = incidentOfStatement(statementId);
      const cell = cellFor(incidentId);
      cell.statements.decide(statementId, who(approver), decision, comment, who(actor));
      changed(incidentId, 'statements');
      return statementView(cell, statementId);
    },
    'statements.publish': ({ statementId, channel, url, overrideReason, actor }) => {
      const incidentId = incidentOfStatement(statementId);
      const cell = cellFor(incidentId);
      cell.statements.publish(statementId, { channel, url, overrideReason }, who(actor));
      changed(incidentId, 'statements');
      return statementView(cell, statementId);
    },

    'mentions.query': (q) => ({ items: ctx.mentions.query(q) }),
    'mentions.facets': () => ctx.mentions.facets(),
    'triage.setStatus': ({ incidentId, mentionIds, status, actor }) => {
      const cell = incidentId ? cellFor(incidentId) : wall;
      const r = cell.triage.setStatusMany(incidentId, mentionIds, status, who(actor));
      if (incidentId) changed(incidentId, 'triage');
      return { changed: r.changed, mentionIds: r.mentionIds };
    },
    'triage.assign': ({ incidentId, mentionIds, member, actor }) => {
      const r = cellFor(incidentId).triage.assignMany(incidentId, mentionIds, member, who(actor));
      changed(incidentId, 'triage');
      return { changed: r.changed, mentionIds: r.mentionIds };
    },
    'triage.route': ({ incidentId, mentionIds, service, note, actor }) => {
      const r = cellFor(incidentId).triage.routeMany(incidentId, mentionIds, service, note, who(actor));
      changed(incidentId, 'triage');
      return { changed: r.changed, mentionIds: r.mentionIds };
    },
    'evidence.pin': ({ incidentId, mentionId, note, actor }) => {
      const e = cellFor(incidentId).triage.pin(incidentId, mentionId, who(actor), note);
      changed(incidentId, 'evidence');
      return e;
    },
    'evidence.list': ({ incidentId }) => {
      incidentOf(incidentId);
      return { items: wall.triage.evidence(incidentId) };
    },

    'log.list': ({ incidentId, kinds, actor, limit }) => ({
      items: wall.timeline.list(incidentId, { kinds, actor, order: 'desc', limit }),
      actors: wall.timeline.actors(incidentId),
    }),
    'log.add': ({ incidentId, kind, text, at, actor }) => {
      const e = cellFor(incidentId).timeline.add(incidentId, kind, text, who(actor), at);
      changed(incidentId, 'log');
      return e;
    },
  };

  return {
    handlers,
    warmUp() {
      library();
    },
    tick(now) {
      if (now - lastDemoCheck < DEMO_CHECK_MS) return;
      lastDemoCheck = now;
      checkDemo();
    },
    onMentionsAdded() {
      checkDemo();
    },
  };
}

function statementView(cell: Crisis, id: number) {
  return toStatementView(cell.statements.get(id));
}
