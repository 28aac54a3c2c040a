// Statements: holding statements, updates, replies, customer-service FAQ, internal notes. Drafted
// by hand or from a template, approved by a chain of N approvers under a rule (any: one approval
// suffices; all: every approver), a rejection is a veto under both rules (the text is then revised
// and submitted again). Published = marked as published with its time and channel: Vigie does not
// post to platforms. Approval latency is measured (request → each decision → final → published).
// Events: statement.drafted, statement.revised, statement.approval_requested, statement.decision,
// statement.approved, statement.rejected, statement.published.
// Entry point of statements: StatementsRepo composes its parts (model, storage, drafting, approval,
// publishing, timing) and this module re-exports their public names.
import type { Database } from 'better-sqlite3';
import { IncidentsRepo } from '../store/incidents-repo';
import type { Lang } from './config';
import { readIncident, resolveOptions, type CrisisOptions } from './internal';
import type { StatementTemplate } from './playbooks/schema';
import { RolesRepo } from './roles';
import { decideOnStatement, requestStatementApproval } from './statement-approval';
import {
  draftStatement,
  draftStatementFromTemplate,
  editStatement,
  statementTemplateValues,
} from './statement-drafting';
import type {
  Approval,
  ApprovalLatency,
  ApprovalRule,
  Decision,
  FirstStatementDelay,
  NewStatement,
  Statement,
} from './statement-model';
import { lastPublicStatementAt, publishStatement } from './statement-publishing';
import { getStatement, listApprovalHistory, listStatements, type StatementDeps } from './statement-rows';
import {
  approvalLatency,
  approvalLatencySummary,
  cadenceSince,
  firstStatementDelayAfter,
} from './statement-timing';
import type { RenderedStatement } from './templates';
import { nextUpdateDue, type UpdateCadence } from './update-cadence';

export {
  STATEMENT_STATUSES,
  type Approval,
  type ApprovalLatency,
  type ApprovalRule,
  type Decision,
  type FirstStatementDelay,
  type NewStatement,
  type Statement,
  type StatementStatus,
} from './statement-model';

export class StatementsRepo {
  private readonly now: () => number;
  private readonly deps: StatementDeps;

  constructor(
    private readonly db: Database,
    opts: CrisisOptions = {},
  ) {
    const { now, config } = resolveOptions(opts);
    this.now = now;
    this.deps = { db, now, config, incidents: new IncidentsRepo(db), roles: new RolesRepo(db, opts) };
  }

  /** A draft typed by hand. Signed by the current signatory. Event `statement.drafted`. */
  draft(incidentId: string, s: NewStatement, actor: string): Statement {
    return draftStatement(this.deps, incidentId, s, actor);
  }

  /**
   * The values Vigie fills itself: brand, incident_title, signatory_first_name, next_update_time
   * (now + the level's cadence, rounded up to 5 minutes), current_time, current_date and, for a
   * reply, reply_to_handle. A missing one (no signatory yet, no cadence at veille) stays absent and
   * rendering then says which value is needed.
   */
  templateValues(incidentId: string, lang: Lang, replyToMentionId?: string | null): Record<string, string> {
    return statementTemplateValues(this.deps, incidentId, lang, replyToMentionId);
  }

  /** Renders a template (caller's `values` win over Vigie's) and saves it as a draft. */
  draftFromTemplate(
    incidentId: string,
    template: StatementTemplate,
    options: { lang: Lang; values?: Record<string, string>; replyToMentionId?: string | null },
    actor: string,
  ): { statement: Statement; rendered: RenderedStatement } {
    return draftStatementFromTemplate(this.deps, incidentId, template, options, actor);
  }

  /** A new version of the text: back to draft, any approval given to the old text no longer counts. */
  edit(statementId: number, change: { title?: string; body: string }, actor: string): Statement {
    return editStatement(this.deps, statementId, change, actor);
  }

  /** Submits the current version to `approvers` (in order) under `rule`. Event `statement.approval_requested`. */
  requestApproval(statementId: number, approvers: string[], rule: ApprovalRule, actor: string): Statement {
    return requestStatementApproval(this.deps, statementId, approvers, rule, actor);
  }

  /**
   * One approver's decision (a rejection needs a comment). Event `statement.decision`; when it
   * settles the chain, `statement.approved` or `statement.rejected` with the latency.
   */
  /** `recordedBy`: who enters the decision, when not the approver (see decideOnStatement). */
  decide(
    statementId: number,
    approver: string,
    decision: Decision,
    comment = '',
    recordedBy?: string,
  ): Statement {
    return decideOnStatement(this.deps, statementId, approver, decision, comment, recordedBy);
  }

  /**
   * Marks it published on `channel` (Vigie does not post). Needs an approved statement, unless an
   * `overrideReason` says why it went out without (kept on the statement and in the event).
   * `at` (default now) may be earlier: "posted at 14:02, marked at 14:05". Event `statement.published`.
   */
  publish(
    statementId: number,
    p: { channel: string; url?: string; at?: number; overrideReason?: string },
    actor: string,
  ): Statement {
    return publishStatement(this.deps, statementId, p, actor);
  }

  get(statementId: number): Statement {
    return getStatement(this.db, statementId);
  }

  list(incidentId: string): Statement[] {
    return listStatements(this.db, incidentId);
  }

  /** Every approval ever asked for this statement (all versions). */
  approvalHistory(statementId: number): Approval[] {
    return listApprovalHistory(this.db, statementId);
  }

  /** Request → each decision → final → published, for the current version. */
  latency(statementId: number): ApprovalLatency {
    return approvalLatency(this.db, statementId);
  }

  /** For the post-mortem: approval latency over the incident's settled requests. */
  latencySummary(incidentId: string): { count: number; medianMs: number | null; maxMs: number | null } {
    return approvalLatencySummary(this.db, incidentId);
  }

  /** Time of the last public statement (holding, update, reply), or null. */
  lastPublishedAt(incidentId: string): number | null {
    return lastPublicStatementAt(this.db, incidentId);
  }

  /** The cadence reminder for the incident, from its last public statement. */
  nextUpdate(incidentId: string, now = this.now()): UpdateCadence {
    const incident = readIncident(this.db, incidentId);
    return nextUpdateDue(
      { ...incident, cadenceSince: cadenceSince(this.deps, incident) },
      this.lastPublishedAt(incidentId),
      now,
      this.deps.config,
    );
  }

  /** The headline number: time from the first alert to the first public statement. */
  firstStatementDelay(incidentId: string): FirstStatementDelay {
    readIncident(this.db, incidentId);
    return firstStatementDelayAfter(this.deps, incidentId);
  }
}
