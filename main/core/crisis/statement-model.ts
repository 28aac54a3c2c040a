// Statement shapes: a statement and its approval chain, the latency and first-statement figures,
// and what a new draft needs.
import type { Lang } from './config';
import type { StatementKind } from './playbooks/schema';

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
  /** Who entered the decision when not the approver (given by phone…); null otherwise. */
  recordedBy: string | null;
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
