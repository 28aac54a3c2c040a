// Checklist storage: what the checklist modules share (database, clock, config, repos), the
// checklist_items row ↔ ChecklistItem mapping and the reads.
import type { Database } from 'better-sqlite3';
import { VigieError } from '../errors';
import type { IncidentsRepo } from '../store/incidents-repo';
import type { ClocksRepo } from './clocks';
import { isRole, type CrisisConfig } from './config';
import type { ChecklistItem, ChecklistStatus } from './checklist-model';

export interface ChecklistDeps {
  db: Database;
  now: () => number;
  config: CrisisConfig;
  incidents: IncidentsRepo;
  clocks: ClocksRepo;
}

interface ItemRow {
  id: number;
  incident_id: string;
  playbook_id: string | null;
  step_id: string;
  position: number;
  phase: string;
  title_fr: string;
  title_en: string;
  detail_fr: string;
  detail_en: string;
  min_level: string;
  owner_role: string | null;
  due_from: string | null;
  due_offset_ms: number | null;
  template_id: string | null;
  starts_clock: string | null;
  stops_clock: string | null;
  opens: string | null;
  unlocked_at: number | null;
  due_at: number | null;
  status: ChecklistStatus;
  done_at: number | null;
  done_by: string | null;
  note: string;
  created_at: number;
  created_by: string | null;
}

const toItem = (r: ItemRow): ChecklistItem => ({
  id: r.id,
  incidentId: r.incident_id,
  playbookId: r.playbook_id,
  stepId: r.step_id,
  position: r.position,
  phase: r.phase,
  title: { fr: r.title_fr, en: r.title_en },
  detail: { fr: r.detail_fr, en: r.detail_en },
  minLevel: r.min_level,
  owner: r.owner_role !== null && isRole(r.owner_role) ? r.owner_role : null,
  dueFrom: r.due_from,
  dueOffsetMs: r.due_offset_ms,
  templateId: r.template_id,
  startsClock: r.starts_clock,
  stopsClock: r.stops_clock,
  opens: r.opens,
  unlockedAt: r.unlocked_at,
  dueAt: r.due_at,
  status: r.status,
  doneAt: r.done_at,
  doneBy: r.done_by,
  note: r.note,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export function getItem(db: Database, itemId: number): ChecklistItem {
  const row = db.prepare('SELECT * FROM checklist_items WHERE id = ?').get(itemId) as ItemRow | undefined;
  if (!row) throw new VigieError('not_found', `No checklist item ${itemId}.`);
  return toItem(row);
}

export function listItems(db: Database, incidentId: string): ChecklistItem[] {
  return (
    db
      .prepare('SELECT * FROM checklist_items WHERE incident_id = ? ORDER BY position, id')
      .all(incidentId) as ItemRow[]
  ).map(toItem);
}

/** The position after the incident's last step (0 for the first). */
export function nextPosition(db: Database, incidentId: string): number {
  const row = db
    .prepare('SELECT COALESCE(MAX(position), -1) + 1 AS p FROM checklist_items WHERE incident_id = ?')
    .get(incidentId) as { p: number };
  return row.p;
}
