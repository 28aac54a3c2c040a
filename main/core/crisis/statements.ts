// Statements: holding statements, updates, replies, customer-service FAQ, internal notes. Drafted
// by hand or from a template, approved by a chain of N approvers under a rule (any: one approval
// suffices; all: every approver), a rejection is a veto under both rules (the text is then revised
// and submitted again). Published = marked as published with its time and channel: Vigie does not
// post to platforms. Approval latency is measured (request → each decision → final → published).
// Events: statement.drafted, statement.revised, statement.approval_requested, statement.decision,
// statement.approved, statement.rejected, statement.published.
import type { Database } from 'better-sqlite3';
import { VigieError } from '../errors';
import { IncidentsRepo } from '../store/incidents-repo';
import { nextUpdateDue, type UpdateCadence } from './checklist';
import { levelRank, type CrisisConfig, type Lang } from './config';
import {
  optionalText,
  readIncident,
  requiredActor,
  requiredText,
  requireNotClosed,
  resolveOptions,
  type CrisisOptions,
} from './internal';
import { levelHistory } from './level-history';
import {
  PUBLIC_STATEMENT_KINDS,
  STATEMENT_KINDS,
  type StatementKind,
  type StatementTemplate,
} from './playbooks/schema';
import { RolesRepo } from './roles';
import { formatDate, formatTime, renderTemplate, type RenderedStatement } from './templates';

export const STATEMENT_STATUSES = ['draft', 'pending', 'approved', 'rejected', 'published'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];
export type ApprovalRule = 'any' | 'all';
export type Decision = 'approved' | 'rejected';

export interface Approval {
  approver: string;
  version: number;
  position: number;
  requestedAt: number;
  decision: 'pending' | Decision;
  decidedAt: number | null;
  comment: string;
}

export interface Statement {
  id: number;
  incidentId: string;
  kind: StatementKind;
  lang: Lang;
  templateId: string | null;
  title: string;
  body: string;
  signature: string | null;
  replyToMentionId: string | null;
  status: StatementStatus;
  version: number;
  rule: ApprovalRule | null;
  createdAt: number;
  createdBy: string | null;
  updatedAt: number;
  requestedAt: number | null;
  requestedBy: string | null;
  decidedAt: number | null;
  publishedAt: number | null;
  publishedBy: string | null;
  channel: string | null;
  publishedUrl: string | null;
  overrideReason: string | null;
  /** The chain for the current version (empty before a request). */
  approvals: Approval[];
}

export interface ApprovalLatency {
  statementId: number;
  version: number;
  rule: ApprovalRule | null;
  requestedAt: number | null;
  decisions: {
    approver: string;
    decision: Approval['decision'];
    decidedAt: number | null;
    latencyMs: number | null;
    comment: string;
  }[];
  finalDecision: Decision | null;
  finalAt: number | null;
  /** Request → final decision. */
  totalMs: number | null;
  publishedAt: number | null;
  /** Request → published. */
  toPublishMs: number | null;
}

export interface FirstStatementDelay {
  /** When the incident first stood above the lowest level (the first alert), else when it opened. */
  firstAlertAt: number;
  openedAt: number;
  firstStatementAt: number | null;
  statementId: number | null;
  /** The headline number: first alert → first public statement; null while none is published. */
  delayMs: number | null;
  fromOpeningMs: number | null;
}

export interface NewStatement {
  kind: StatementKind;
  lang: Lang;
  title?: string;
  body: string;
  templateId?: string | null;
  replyToMentionId?: string | null;
}

interface StatementRow {
  id: number;
  incident_id: string;
  kind: StatementKind;
  lang: Lang;
  template_id: string | null;
  title: string;
  body: string;
  signature: string | null;
  reply_to_mention_id: string | null;
  status: StatementStatus;
  version: number;
  rule: ApprovalRule | null;
  created_at: number;
  created_by: string | null;
  updated_at: number;
  requested_at: number | null;
  requested_by: string | null;
  decided_at: number | null;
  published_at: number | null;
  published_by: string | null;
  channel: string | null;
  published_url: string | null;
  override_reason: string | null;
}

interface ApprovalRow {
  statement_id: number;
  version: number;
  approver: string;
  position: number;
  requested_at: number;
  decision: Approval['decision'];
  decided_at: number | null;
  comment: string;
}

const toApproval = (r: ApprovalRow): Approval => ({
  approver: r.approver,
  version: r.version,
  position: r.position,
  requestedAt: r.requested_at,
  decision: r.decision,
  decidedAt: r.decided_at,
  comment: r.comment,
});

const PUBLIC_KINDS_SQL = PUBLIC_STATEMENT_KINDS.map((k) => `'${k}'`).join(', ');

export class StatementsRepo {
  private readonly now: () => number;
  private readonly config: CrisisConfig;
  private readonly incidents: IncidentsRepo;
  private readonly roles: RolesRepo;

  constructor(
    private readonly db: Database,
    opts: CrisisOptions = {},
  ) {
    ({ now: this.now, config: this.config } = resolveOptions(opts));
    this.incidents = new IncidentsRepo(db);
    this.roles = new RolesRepo(db, opts);
  }

  /** A draft typed by hand. Signed by the current signatory. Event `statement.drafted`. */
  draft(incidentId: string, s: NewStatement, actor: string): Statement {
    requiredActor(actor);
    if (!STATEMENT_KINDS.includes(s.kind))
      throw new VigieError('bad_request', `Unknown statement kind "${s.kind}".`);
    if (s.lang !== 'fr' && s.lang !== 'en')
      throw new VigieError('bad_request', `Unknown language "${String(s.lang)}".`);
    const body = requiredText(s.body, 'The statement text', 20_000);
    const title = optionalText(s.title, 'The title', 300);
    requireNotClosed(readIncident(this.db, incidentId), 'draft a statement');
    const now = this.now();
    const signature = this.roles.signatoryFirstName(incidentId);
    let id = 0;
    this.db.transaction(() => {
      id = Number(
        this.db
          .prepare(
            `INSERT INTO statements(incident_id, kind, lang, template_id, title, body, signature, reply_to_mention_id,
               created_at, created_by, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            incidentId,
            s.kind,
            s.lang,
            s.templateId ?? null,
            title,
            body,
            signature,
            s.replyToMentionId ?? null,
            now,
            actor,
            now,
          ).lastInsertRowid,
      );
      this.incidents.addEvent(incidentId, now, 'statement.drafted', actor, title, {
        statementId: id,
        kind: s.kind,
        lang: s.lang,
        templateId: s.templateId ?? null,
        replyToMentionId: s.replyToMentionId ?? null,
      });
    })();
    return this.get(id);
  }

  /**
   * The values Vigie fills itself: brand, incident_title, signatory_first_name, next_update_time
   * (now + the level's cadence, rounded up to 5 minutes), current_time, current_date and, for a
   * reply, reply_to_handle. A missing one (no signatory yet, no cadence at veille) stays absent and
   * rendering then says which value is needed.
   */
  templateValues(incidentId: string, lang: Lang, replyToMentionId?: string | null): Record<string, string> {
    const incident = readIncident(this.db, incidentId);
    const now = this.now();
    const tz = this.config.timeZone;
    const values: Record<string, string> = {
      incident_title: incident.title,
      current_time: formatTime(now, lang, tz),
      current_date: formatDate(now, lang, tz),
    };
    if (this.config.brand) values.brand = this.config.brand;
    const signatory = this.roles.signatoryFirstName(incidentId);
    if (signatory) values.signatory_first_name = signatory;
    const cadence = this.config.levels.find((l) => l.id === incident.level)?.updateCadenceMinutes ?? null;
    if (cadence !== null) {
      const step = 5 * 60_000;
      values.next_update_time = formatTime(Math.ceil((now + cadence * 60_000) / step) * step, lang, tz);
    }
    if (replyToMentionId) {
      const m = this.db.prepare('SELECT author_handle FROM mentions WHERE id = ?').get(replyToMentionId) as
        { author_handle: string } | undefined;
      if (!m) throw new VigieError('not_found', `No mention with id ${replyToMentionId}.`);
      values.reply_to_handle = m.author_handle.startsWith('@') ? m.author_handle : `@${m.author_handle}`;
    }
    return values;
  }

  /** Renders a template (caller's `values` win over Vigie's) and saves it as a draft. */
  draftFromTemplate(
    incidentId: string,
    template: StatementTemplate,
    options: { lang: Lang; values?: Record<string, string>; replyToMentionId?: string | null },
    actor: string,
  ): { statement: Statement; rendered: RenderedStatement } {
    const values = {
      ...this.templateValues(incidentId, options.lang, options.replyToMentionId),
      ...options.values,
    };
    const rendered = renderTemplate(template, options.lang, values);
    const statement = this.draft(
      incidentId,
      {
        kind: template.kind,
        lang: options.lang,
        title: rendered.title,
        body: rendered.text,
        templateId: template.id,
        replyToMentionId: options.replyToMentionId ?? null,
      },
      actor,
    );
    return { statement, rendered };
  }

  /** A new version of the text: back to draft, any approval given to the old text no longer counts. */
  edit(statementId: number, change: { title?: string; body: string }, actor: string): Statement {
    requiredActor(actor);
    const s = this.get(statementId);
    if (s.status === 'published')
      throw new VigieError('bad_request', 'A published statement cannot be edited: draft a new one.');
    const body = requiredText(change.body, 'The statement text', 20_000);
    const title = change.title === undefined ? s.title : optionalText(change.title, 'The title', 300);
    const now = this.now();
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE statements SET title = ?, body = ?, version = version + 1, status = 'draft', rule = NULL,
             requested_at = NULL, requested_by = NULL, decided_at = NULL, updated_at = ? WHERE id = ?`,
        )
        .run(title, body, now, statementId);
      this.incidents.addEvent(s.incidentId, now, 'statement.revised', actor, title, {
        statementId,
        version: s.version + 1,
        previousStatus: s.status,
      });
    })();
    return this.get(statementId);
  }

  /** Submits the current version to `approvers` (in order) under `rule`. Event `statement.approval_requested`. */
  requestApproval(statementId: number, approvers: string[], rule: ApprovalRule, actor: string): Statement {
    requiredActor(actor);
    const s = this.get(statementId);
    if (s.status !== 'draft') {
      throw new VigieError(
        'bad_request',
        s.status === 'rejected'
          ? 'This version was rejected: revise the text, then submit it again.'
          : `The statement is ${s.status}: only a draft can be submitted.`,
      );
    }
    if (rule !== 'any' && rule !== 'all')
      throw new VigieError('bad_request', `Unknown rule "${String(rule)}"; expected any or all.`);
    const chain = approvers.map((a) => requiredText(a, 'An approver', 200));
    if (chain.length === 0) throw new VigieError('bad_request', 'Name at least one approver.');
    if (new Set(chain).size !== chain.length)
      throw new VigieError('bad_request', 'An approver is listed twice.');
    const now = this.now();
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE statements SET status = 'pending', rule = ?, requested_at = ?, requested_by = ?, updated_at = ? WHERE id = ?`,
        )
        .run(rule, now, actor, now, statementId);
      const insert = this.db.prepare(
        `INSERT INTO statement_approvals(statement_id, version, approver, position, requested_at) VALUES (?, ?, ?, ?, ?)`,
      );
      chain.forEach((a, i) => insert.run(statementId, s.version, a, i, now));
      this.incidents.addEvent(s.incidentId, now, 'statement.approval_requested', actor, chain.join(', '), {
        statementId,
        version: s.version,
        approvers: chain,
        rule,
      });
    })();
    return this.get(statementId);
  }

  /**
   * One approver's decision (a rejection needs a comment). Event `statement.decision`; when it
   * settles the chain, `statement.approved` or `statement.rejected` with the latency.
   */
  decide(statementId: number, approver: string, decision: Decision, comment = ''): Statement {
    const who = requiredText(approver, 'The approver', 200);
    if (decision !== 'approved' && decision !== 'rejected') {
      throw new VigieError('bad_request', `Unknown decision "${String(decision)}".`);
    }
    const note =
      decision === 'rejected'
        ? requiredText(comment, 'The reason for rejecting')
        : optionalText(comment, 'Comment');
    const s = this.get(statementId);
    if (s.status !== 'pending')
      throw new VigieError('bad_request', `The statement is ${s.status}, not waiting for approval.`);
    const mine = s.approvals.find((a) => a.approver === who);
    if (!mine) throw new VigieError('not_approver', `${who} is not in the approval chain of this statement.`);
    if (mine.decision !== 'pending')
      throw new VigieError('bad_request', `${who} already ${mine.decision} this version.`);
    const now = this.now();
    const after = s.approvals.map((a) => (a.approver === who ? { ...a, decision } : a));
    const final: Decision | null =
      decision === 'rejected'
        ? 'rejected'
        : s.rule === 'any' || after.every((a) => a.decision === 'approved')
          ? 'approved'
          : null;
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE statement_approvals SET decision = ?, decided_at = ?, comment = ?
           WHERE statement_id = ? AND version = ? AND approver = ?`,
        )
        .run(decision, now, note, statementId, s.version, who);
      this.incidents.addEvent(s.incidentId, now, 'statement.decision', who, note, {
        statementId,
        version: s.version,
        approver: who,
        decision,
        latencyMs: s.requestedAt === null ? null : now - s.requestedAt,
      });
      if (final) {
        this.db
          .prepare('UPDATE statements SET status = ?, decided_at = ?, updated_at = ? WHERE id = ?')
          .run(final, now, now, statementId);
        this.incidents.addEvent(s.incidentId, now, `statement.${final}`, who, s.title, {
          statementId,
          version: s.version,
          rule: s.rule,
          totalMs: s.requestedAt === null ? null : now - s.requestedAt,
        });
      }
    })();
    return this.get(statementId);
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
    requiredActor(actor);
    const channel = requiredText(p.channel, 'The channel', 200);
    const s = this.get(statementId);
    if (s.status === 'published') throw new VigieError('bad_request', 'The statement is already published.');
    const override = optionalText(p.overrideReason, 'The override reason') || null;
    if (s.status !== 'approved' && !override) {
      throw new VigieError(
        'not_approved',
        `The statement is ${s.status}: it needs its approvals, or a reason to publish without them.`,
      );
    }
    const now = this.now();
    const at = p.at ?? now;
    if (at > now)
      throw new VigieError('bad_request', 'A statement cannot be marked as published in the future.');
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE statements SET status = 'published', published_at = ?, published_by = ?, channel = ?, published_url = ?,
             override_reason = ?, updated_at = ? WHERE id = ?`,
        )
        .run(at, actor, channel, optionalText(p.url, 'The link', 2000) || null, override, now, statementId);
      const first = this.firstStatementDelayAfter(s.incidentId);
      this.incidents.addEvent(
        s.incidentId,
        at,
        'statement.published',
        actor,
        s.title || s.body.slice(0, 140),
        {
          statementId,
          version: s.version,
          kind: s.kind,
          lang: s.lang,
          channel,
          url: p.url ?? null,
          overrideReason: override,
          public: PUBLIC_STATEMENT_KINDS.includes(s.kind),
          firstPublic: first.statementId === statementId,
          delayFromAlertMs: first.statementId === statementId ? first.delayMs : null,
        },
      );
    })();
    return this.get(statementId);
  }

  get(statementId: number): Statement {
    const row = this.db.prepare('SELECT * FROM statements WHERE id = ?').get(statementId) as
      StatementRow | undefined;
    if (!row) throw new VigieError('not_found', `No statement ${statementId}.`);
    return this.toStatement(row);
  }

  list(incidentId: string): Statement[] {
    return (
      this.db
        .prepare('SELECT * FROM statements WHERE incident_id = ? ORDER BY created_at, id')
        .all(incidentId) as StatementRow[]
    ).map((r) => this.toStatement(r));
  }

  /** Every approval ever asked for this statement (all versions). */
  approvalHistory(statementId: number): Approval[] {
    return (
      this.db
        .prepare('SELECT * FROM statement_approvals WHERE statement_id = ? ORDER BY version, position')
        .all(statementId) as ApprovalRow[]
    ).map(toApproval);
  }

  /** Request → each decision → final → published, for the current version. */
  latency(statementId: number): ApprovalLatency {
    const s = this.get(statementId);
    const at = (t: number | null) => (t === null || s.requestedAt === null ? null : t - s.requestedAt);
    const finalDecision =
      s.decidedAt === null
        ? null
        : s.approvals.some((a) => a.decision === 'rejected')
          ? 'rejected'
          : 'approved';
    return {
      statementId,
      version: s.version,
      rule: s.rule,
      requestedAt: s.requestedAt,
      decisions: s.approvals.map((a) => ({
        approver: a.approver,
        decision: a.decision,
        decidedAt: a.decidedAt,
        latencyMs: at(a.decidedAt),
        comment: a.comment,
      })),
      finalDecision,
      finalAt: s.decidedAt,
      totalMs: at(s.decidedAt),
      publishedAt: s.publishedAt,
      toPublishMs: at(s.publishedAt),
    };
  }

  /** For the post-mortem: approval latency over the incident's settled requests. */
  latencySummary(incidentId: string): { count: number; medianMs: number | null; maxMs: number | null } {
    const totals = this.list(incidentId)
      .map((s) => this.latency(s.id).totalMs)
      .filter((t): t is number => t !== null)
      .sort((a, b) => a - b);
    if (totals.length === 0) return { count: 0, medianMs: null, maxMs: null };
    const mid = Math.floor(totals.length / 2);
    const median = totals.length % 2 ? totals[mid]! : (totals[mid - 1]! + totals[mid]!) / 2;
    return { count: totals.length, medianMs: median, maxMs: totals[totals.length - 1]! };
  }

  /** Time of the last public statement (holding, update, reply), or null. */
  lastPublishedAt(incidentId: string): number | null {
    const row = this.db
      .prepare(
        `SELECT MAX(published_at) AS t FROM statements WHERE incident_id = ? AND kind IN (${PUBLIC_KINDS_SQL})`,
      )
      .get(incidentId) as { t: number | null };
    return row.t;
  }

  /** The cadence reminder for the incident, from its last public statement. */
  nextUpdate(incidentId: string, now = this.now()): UpdateCadence {
    return nextUpdateDue(
      readIncident(this.db, incidentId),
      this.lastPublishedAt(incidentId),
      now,
      this.config,
    );
  }

  /** The headline number: time from the first alert to the first public statement. */
  firstStatementDelay(incidentId: string): FirstStatementDelay {
    readIncident(this.db, incidentId);
    return this.firstStatementDelayAfter(incidentId);
  }

  private firstStatementDelayAfter(incidentId: string): FirstStatementDelay {
    const incident = readIncident(this.db, incidentId);
    const history = levelHistory(this.db, incidentId);
    const initial = history[0]?.from ?? incident.level;
    let firstAlertAt = incident.openedAt;
    if (levelRank(this.config, initial) <= 0) {
      firstAlertAt = history.find((h) => levelRank(this.config, h.to) > 0)?.at ?? incident.openedAt;
    }
    const first = this.db
      .prepare(
        `SELECT id, published_at FROM statements WHERE incident_id = ? AND published_at IS NOT NULL AND kind IN (${PUBLIC_KINDS_SQL})
         ORDER BY published_at, id LIMIT 1`,
      )
      .get(incidentId) as { id: number; published_at: number } | undefined;
    return {
      firstAlertAt,
      openedAt: incident.openedAt,
      firstStatementAt: first?.published_at ?? null,
      statementId: first?.id ?? null,
      delayMs: first ? first.published_at - firstAlertAt : null,
      fromOpeningMs: first ? first.published_at - incident.openedAt : null,
    };
  }

  private toStatement(r: StatementRow): Statement {
    const approvals = (
      this.db
        .prepare('SELECT * FROM statement_approvals WHERE statement_id = ? AND version = ? ORDER BY position')
        .all(r.id, r.version) as ApprovalRow[]
    ).map(toApproval);
    return {
      id: r.id,
      incidentId: r.incident_id,
      kind: r.kind,
      lang: r.lang,
      templateId: r.template_id,
      title: r.title,
      body: r.body,
      signature: r.signature,
      replyToMentionId: r.reply_to_mention_id,
      status: r.status,
      version: r.version,
      rule: r.rule,
      createdAt: r.created_at,
      createdBy: r.created_by,
      updatedAt: r.updated_at,
      requestedAt: r.requested_at,
      requestedBy: r.requested_by,
      decidedAt: r.decided_at,
      publishedAt: r.published_at,
      publishedBy: r.published_by,
      channel: r.channel,
      publishedUrl: r.published_url,
      overrideReason: r.override_reason,
      approvals,
    };
  }
}
