// Statement storage: what the statement modules share (database, clock, config, repos), the
// statements / statement_approvals rows ↔ Statement mapping and the reads.
import type { Database } from 'better-sqlite3';
import { VigieError } from '../errors';
import type { IncidentsRepo } from '../store/incidents-repo';
import type { CrisisConfig, Lang } from './config';
import { PUBLIC_STATEMENT_KINDS, type StatementKind } from './playbooks/schema';
import type { RolesRepo } from './roles';
import type { Approval, ApprovalRule, Statement, StatementStatus } from './statement-model';

export interface StatementDeps {
  db: Database;
  now: () => number;
  config: CrisisConfig;
  incidents: IncidentsRepo;
  roles: RolesRepo;
}

/** The public kinds (holding, update, reply) as an SQL list for `kind IN (…)`. */
export const PUBLIC_KINDS_SQL = PUBLIC_STATEMENT_KINDS.map((k) => `'${k}'`).join(', ');

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
  recorded_by: string | null;
}

const toApproval = (r: ApprovalRow): Approval => ({
  approver: r.approver,
  version: r.version,
  position: r.position,
  requestedAt: r.requested_at,
  decision: r.decision,
  decidedAt: r.decided_at,
  comment: r.comment,
  recordedBy: r.recorded_by ?? null,
});

export function getStatement(db: Database, statementId: number): Statement {
  const row = db.prepare('SELECT * FROM statements WHERE id = ?').get(statementId) as
    StatementRow | undefined;
  if (!row) throw new VigieError('not_found', `No statement ${statementId}.`);
  return toStatement(db, row);
}

export function listStatements(db: Database, incidentId: string): Statement[] {
  return (
    db
      .prepare('SELECT * FROM statements WHERE incident_id = ? ORDER BY created_at, id')
      .all(incidentId) as StatementRow[]
  ).map((r) => toStatement(db, r));
}

/** Every approval ever asked for this statement (all versions). */
export function listApprovalHistory(db: Database, statementId: number): Approval[] {
  return (
    db
      .prepare('SELECT * FROM statement_approvals WHERE statement_id = ? ORDER BY version, position')
      .all(statementId) as ApprovalRow[]
  ).map(toApproval);
}

function toStatement(db: Database, r: StatementRow): Statement {
  const approvals = (
    db
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
