// What the war-room's crisis panels show, built from the crisis repositories in one pass: the
// incident, its perimeter, roles, checklist by phase, clocks, update cadence, statements, the
// headline "first alert → first public statement", and the catalog of the configured words.
import type { Database } from 'better-sqlite3';
import path from 'node:path';
import type { CrisisCatalog, CrisisState, StatementView } from '../../../../shared/crisis-model';
import type { Incident } from '../../../../shared/model';
import { localActor } from '../../actor';
import type { IncidentsRepo } from '../../store/incidents-repo';
import type { Crisis } from '../index';
import type { Statement } from '../statement-model';
import { scanPlaceholders } from '../templates';

export function buildState(
  db: Database,
  crisis: Crisis,
  incidents: IncidentsRepo,
  incident: Incident,
  now: number,
): CrisisState {
  const id = incident.id;
  const { config } = crisis;
  const phaseLabel = (phase: string) =>
    config.phases.find((p) => p.id === phase)?.label ?? { fr: phase, en: phase };
  const checklist = crisis.checklist.view(id, 'fr', now).map((p) => ({
    phase: p.phase,
    label: phaseLabel(p.phase),
    done: p.done,
    total: p.total,
    overdue: p.overdue,
    items: p.items.map((i) => ({
      id: i.id,
      playbookId: i.playbookId,
      stepId: i.stepId,
      phase: i.phase,
      title: i.title,
      detail: i.detail,
      minLevel: i.minLevel,
      owner: i.owner,
      templateId: i.templateId,
      startsClock: i.startsClock,
      stopsClock: i.stopsClock,
      unlockedAt: i.unlockedAt,
      dueAt: i.dueAt,
      status: i.status,
      doneAt: i.doneAt,
      doneBy: i.doneBy,
      note: i.note,
      locked: i.locked,
      overdue: i.overdue,
    })),
  }));
  const clocks = crisis.clocks.list(id).map((c) => {
    const cd = crisis.clocks.countdowns(id, now).find((x) => x.clockId === c.clockId);
    return {
      clockId: c.clockId,
      label: c.label,
      state: cd?.state ?? 'not_started',
      startedAt: c.startedAt,
      deadlineAt: c.deadlineAt,
      durationMs: c.durationMs,
      metAt: c.metAt,
      marginMs: cd?.marginMs ?? null,
    };
  });
  const cadence = crisis.statements.nextUpdate(id, now);
  const statements = crisis.statements.list(id).map(toStatementView);
  const first = crisis.statements.firstStatementDelay(id);
  const applied = (
    db
      .prepare(
        'SELECT DISTINCT playbook_id AS id FROM checklist_items WHERE incident_id = ? AND playbook_id IS NOT NULL',
      )
      .all(id) as { id: string }[]
  ).map((r) => r.id);
  const evidence = db
    .prepare('SELECT COUNT(*) AS n FROM evidence WHERE incident_id = ? AND unpinned_at IS NULL')
    .get(id) as { n: number };
  return {
    incident,
    perimeter: incidents.perimeter(id),
    clock: now,
    roles: crisis.roles.current(id),
    checklist,
    clocks,
    cadence: {
      level: cadence.level,
      cadenceMinutes: cadence.cadenceMinutes,
      since: cadence.since,
      dueAt: cadence.dueAt,
      warnMinutes: config.cadenceWarnMinutes,
    },
    statements,
    firstStatement: {
      firstAlertAt: first.firstAlertAt,
      firstStatementAt: first.firstStatementAt,
      delayMs: first.delayMs,
    },
    appliedPlaybooks: applied,
    evidenceCount: evidence.n,
    localActor: localActor(db),
    templateValues: {
      fr: crisis.statements.templateValues(id, 'fr'),
      en: crisis.statements.templateValues(id, 'en'),
    },
  };
}

export function buildCatalog(crisis: Crisis, userFolder: string): CrisisCatalog {
  const { config } = crisis;
  const library = crisis.library();
  return {
    levels: config.levels.map((l) => ({
      id: l.id as CrisisCatalog['levels'][number]['id'],
      label: l.label,
      updateCadenceMinutes: l.updateCadenceMinutes,
    })),
    roles: config.roles.map((r) => ({ id: r.id, label: r.label, single: r.single })),
    phases: config.phases.map((p) => ({ id: p.id, label: p.label })),
    services: config.services.map((s) => ({ id: s.id, label: s.label })),
    playbooks: library.playbooks.map((p) => ({
      id: p.id,
      title: p.title,
      summary: p.summary,
      steps: p.steps.length,
    })),
    templates: library.templates.map((t) => ({
      id: t.id,
      kind: t.kind,
      title: t.title,
      variables: t.variables,
      uses: [
        ...new Set(
          [t.body.fr, t.body.en].flatMap((b) => scanPlaceholders(b).placeholders.map((p) => p.name)),
        ),
      ],
    })),
    libraryErrors: library.errors.map((e) => e.message),
    userFolder,
  };
}

/** <data folder>/playbooks: beside the database, where the user's own playbooks go. */
export function userPlaybookFolder(dbPath: string): string {
  return path.join(path.dirname(dbPath), 'playbooks');
}

/** A statement as the interface shows it (contract `statementSchema`). */
export function toStatementView(s: Statement): StatementView {
  return {
    id: s.id,
    kind: s.kind,
    lang: s.lang,
    templateId: s.templateId,
    title: s.title,
    body: s.body,
    signature: s.signature,
    status: s.status,
    version: s.version,
    rule: s.rule,
    createdAt: s.createdAt,
    createdBy: s.createdBy,
    requestedAt: s.requestedAt,
    decidedAt: s.decidedAt,
    publishedAt: s.publishedAt,
    publishedBy: s.publishedBy,
    channel: s.channel,
    publishedUrl: s.publishedUrl,
    approvals: s.approvals.map((a) => ({
      approver: a.approver,
      position: a.position,
      requestedAt: a.requestedAt,
      decision: a.decision,
      decidedAt: a.decidedAt,
      comment: a.comment,
      recordedBy: a.recordedBy,
    })),
    approvalMs: s.requestedAt !== null && s.decidedAt !== null ? s.decidedAt - s.requestedAt : null,
  };
}
