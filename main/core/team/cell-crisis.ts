// What the team room reads from the crisis tables: focused incident, crisis roles, handoff items.
import type { Database } from 'better-sqlite3';
import { metaGet } from './cell-settings';
import { TEAM_ROLES, type TeamRole } from './load-config';
import type { Member } from './members-repo';
import { counted } from '../../../shared/plural';

/** The incident in focus, else the most recent one still open, else the most recent one. */
export function focusedIncident(db: Database): string | null {
  const id = metaGet(db, 'focus.incident');
  if (id && db.prepare('SELECT 1 FROM incidents WHERE id = ?').get(id)) return id;
  const row = db
    .prepare(`SELECT id FROM incidents ORDER BY (status = 'closed'), opened_at DESC LIMIT 1`)
    .get() as { id: string } | undefined;
  return row?.id ?? null;
}

/** The role held on `incident` (crisis roles), else the member's usual role. */
export function roleOn(db: Database, incident: string | null, m: Member): TeamRole | null {
  if (incident) {
    try {
      const row = db
        .prepare(
          `SELECT role FROM roles WHERE incident_id = ? AND member = ? AND renounced_at IS NULL
           ORDER BY assumed_at DESC LIMIT 1`,
        )
        .get(incident, m.displayName) as { role: string } | undefined;
      if (row && (TEAM_ROLES as readonly string[]).includes(row.role)) return row.role as TeamRole;
    } catch {
      // no crisis roles table in this store
    }
  }
  return m.usualRole;
}

export interface HandoffCrisisItems {
  incident: { title: string } | undefined;
  openItems: { title: string; owner?: string | null; since?: number | null }[];
  pendingApprovals: { title: string; waitingFor: string; since?: number | null }[];
}

/** The incident's title, the member's open items and the statements waiting for approval. */
export function handoffCrisisItems(
  db: Database,
  incidentId: string | null,
  m: Member,
  role: TeamRole | null,
): HandoffCrisisItems {
  const incident = incidentId
    ? (db.prepare('SELECT title FROM incidents WHERE id = ?').get(incidentId) as
        { title: string } | undefined)
    : undefined;
  const openItems: HandoffCrisisItems['openItems'] = [];
  const pendingApprovals: HandoffCrisisItems['pendingApprovals'] = [];
  if (incidentId) {
    const assigned = db
      .prepare(`SELECT count(*) AS n FROM mentions WHERE assignee = ? AND status NOT IN ('handled')`)
      .get(m.displayName) as { n: number };
    if (assigned.n > 0)
      openItems.push({
        title: `${counted('fr', assigned.n, 'mention', 'mentions')} → ${m.displayName}`,
        owner: m.displayName,
      });
    try {
      const items = db
        .prepare(
          `SELECT title_fr, due_at FROM checklist_items WHERE incident_id = ? AND status = 'todo'
             AND unlocked_at IS NOT NULL AND (owner_role = ? OR owner_role IS NULL) ORDER BY position LIMIT 8`,
        )
        .all(incidentId, role) as { title_fr: string; due_at: number | null }[];
      for (const i of items) openItems.push({ title: i.title_fr, owner: role, since: i.due_at });
      const pending = db
        .prepare(
          `SELECT s.title, s.kind, a.approver, a.requested_at FROM statements s
           JOIN statement_approvals a ON a.statement_id = s.id AND a.version = s.version
           WHERE s.incident_id = ? AND s.status = 'pending' AND a.decision = 'pending' LIMIT 8`,
        )
        .all(incidentId) as { title: string; kind: string; approver: string; requested_at: number }[];
      for (const p of pending)
        pendingApprovals.push({ title: p.title || p.kind, waitingFor: p.approver, since: p.requested_at });
    } catch {
      // the crisis tables differ or are absent: the note lists what it can
    }
  }
  return { incident, openItems, pendingApprovals };
}
