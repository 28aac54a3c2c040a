// The approval chain: a draft submitted to N approvers under a rule (any: one approval suffices;
// all: every approver); a rejection is a veto under both rules. Events statement.approval_requested,
// statement.decision, then statement.approved or statement.rejected when the chain settles.
import { VigieError } from '../errors';
import { optionalText, requiredActor, requiredText } from './internal';
import type { ApprovalRule, Decision, Statement } from './statement-model';
import { getStatement, type StatementDeps } from './statement-rows';

/** Submits the current version to `approvers` (in order) under `rule`. Event `statement.approval_requested`. */
export function requestStatementApproval(
  deps: StatementDeps,
  statementId: number,
  approvers: string[],
  rule: ApprovalRule,
  actor: string,
): Statement {
  const { db } = deps;
  requiredActor(actor);
  const s = getStatement(db, statementId);
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
  const now = deps.now();
  db.transaction(() => {
    db.prepare(
      `UPDATE statements SET status = 'pending', rule = ?, requested_at = ?, requested_by = ?, updated_at = ? WHERE id = ?`,
    ).run(rule, now, actor, now, statementId);
    const insert = db.prepare(
      `INSERT INTO statement_approvals(statement_id, version, approver, position, requested_at) VALUES (?, ?, ?, ?, ?)`,
    );
    chain.forEach((a, i) => insert.run(statementId, s.version, a, i, now));
    deps.incidents.addEvent(s.incidentId, now, 'statement.approval_requested', actor, chain.join(', '), {
      statementId,
      version: s.version,
      approvers: chain,
      rule,
    });
  })();
  return getStatement(db, statementId);
}

/**
 * One approver's decision (a rejection needs a comment). Event `statement.decision`; when it
 * settles the chain, `statement.approved` or `statement.rejected` with the latency. `recordedBy`:
 * who entered it, when not the approver (a decision given by phone): kept on the approval and in
 * the events, so the log never shows a decision as typed by someone who did not type it.
 */
export function decideOnStatement(
  deps: StatementDeps,
  statementId: number,
  approver: string,
  decision: Decision,
  comment: string,
  recordedBy?: string,
): Statement {
  const { db } = deps;
  const who = requiredText(approver, 'The approver', 200);
  const relay = recordedBy?.trim() && recordedBy.trim() !== who ? recordedBy.trim().slice(0, 200) : null;
  if (decision !== 'approved' && decision !== 'rejected') {
    throw new VigieError('bad_request', `Unknown decision "${String(decision)}".`);
  }
  const note =
    decision === 'rejected'
      ? requiredText(comment, 'The reason for rejecting')
      : optionalText(comment, 'Comment');
  const s = getStatement(db, statementId);
  if (s.status !== 'pending')
    throw new VigieError('bad_request', `The statement is ${s.status}, not waiting for approval.`);
  const mine = s.approvals.find((a) => a.approver === who);
  if (!mine) throw new VigieError('not_approver', `${who} is not in the approval chain of this statement.`);
  if (mine.decision !== 'pending')
    throw new VigieError('bad_request', `${who} already ${mine.decision} this version.`);
  const now = deps.now();
  const after = s.approvals.map((a) => (a.approver === who ? { ...a, decision } : a));
  const final: Decision | null =
    decision === 'rejected'
      ? 'rejected'
      : s.rule === 'any' || after.every((a) => a.decision === 'approved')
        ? 'approved'
        : null;
  db.transaction(() => {
    db.prepare(
      `UPDATE statement_approvals SET decision = ?, decided_at = ?, comment = ?, recorded_by = ?
       WHERE statement_id = ? AND version = ? AND approver = ?`,
    ).run(decision, now, note, relay, statementId, s.version, who);
    const recorded = relay ? { recordedBy: relay } : {};
    deps.incidents.addEvent(s.incidentId, now, 'statement.decision', who, note, {
      statementId,
      version: s.version,
      approver: who,
      decision,
      latencyMs: s.requestedAt === null ? null : now - s.requestedAt,
      ...recorded,
    });
    if (final) {
      db.prepare('UPDATE statements SET status = ?, decided_at = ?, updated_at = ? WHERE id = ?').run(
        final,
        now,
        now,
        statementId,
      );
      deps.incidents.addEvent(s.incidentId, now, `statement.${final}`, who, s.title, {
        statementId,
        version: s.version,
        rule: s.rule,
        totalMs: s.requestedAt === null ? null : now - s.requestedAt,
        ...recorded,
      });
    }
  })();
  return getStatement(db, statementId);
}
