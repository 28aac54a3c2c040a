// Timing figures of statements: approval latency (request → each decision → final → published),
// its summary for the post-mortem, and the headline delay from the first alert to the first
// public statement.
import type { Database } from 'better-sqlite3';
import { levelRank } from './config';
import { readIncident } from './internal';
import { levelHistory } from './level-history';
import type { ApprovalLatency, FirstStatementDelay } from './statement-model';
import { getStatement, listStatements, PUBLIC_KINDS_SQL, type StatementDeps } from './statement-rows';

/** Request → each decision → final → published, for the current version. */
export function approvalLatency(db: Database, statementId: number): ApprovalLatency {
  const s = getStatement(db, statementId);
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
export function approvalLatencySummary(
  db: Database,
  incidentId: string,
): { count: number; medianMs: number | null; maxMs: number | null } {
  const totals = listStatements(db, incidentId)
    .map((s) => approvalLatency(db, s.id).totalMs)
    .filter((t): t is number => t !== null)
    .sort((a, b) => a - b);
  if (totals.length === 0) return { count: 0, medianMs: null, maxMs: null };
  const mid = Math.floor(totals.length / 2);
  const median = totals.length % 2 ? totals[mid]! : (totals[mid - 1]! + totals[mid]!) / 2;
  return { count: totals.length, medianMs: median, maxMs: totals[totals.length - 1]! };
}

/** First alert → first public statement (the incident must exist). */
export function firstStatementDelayAfter(
  deps: Pick<StatementDeps, 'db' | 'config'>,
  incidentId: string,
): FirstStatementDelay {
  const { db, config } = deps;
  const incident = readIncident(db, incidentId);
  const history = levelHistory(db, incidentId);
  const initial = history[0]?.from ?? incident.level;
  let firstAlertAt = incident.openedAt;
  if (levelRank(config, initial) <= 0) {
    firstAlertAt = history.find((h) => levelRank(config, h.to) > 0)?.at ?? incident.openedAt;
  }
  const first = db
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

/**
 * When the incident entered the run of levels with an update cadence it is still in (its opening
 * if it opened at one): the cadence reminder counts from there, not from a quiet watch before.
 */
export function cadenceSince(
  deps: Pick<StatementDeps, 'db' | 'config'>,
  incident: { id: string; level: string; openedAt: number },
): number {
  const hasCadence = (level: string) =>
    (deps.config.levels.find((l) => l.id === level)?.updateCadenceMinutes ?? null) !== null;
  const history = levelHistory(deps.db, incident.id);
  let start: number | null = hasCadence(history[0]?.from ?? incident.level) ? incident.openedAt : null;
  for (const h of history) {
    if (!hasCadence(h.to)) start = null;
    else start ??= h.at;
  }
  return start ?? incident.openedAt;
}
