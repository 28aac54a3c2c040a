// Triage storage: what the triage modules share (database, clock, config, incidents repo), the
// evidence / routing_log rows ↔ Evidence / RoutingEntry mapping and the reads.
import type { Database } from 'better-sqlite3';
import type { IncidentsRepo } from '../store/incidents-repo';
import type { CrisisConfig } from './config';
import type { Evidence, RoutingEntry } from './triage-model';

export interface TriageDeps {
  db: Database;
  now: () => number;
  config: CrisisConfig;
  incidents: IncidentsRepo;
}

interface EvidenceRow {
  id: number;
  incident_id: string;
  mention_id: string;
  platform: string;
  url: string | null;
  author_handle: string;
  author_name: string | null;
  text: string;
  mention_created_at: number;
  sha256: string;
  note: string;
  pinned_at: number;
  pinned_by: string | null;
  unpinned_at: number | null;
  unpinned_by: string | null;
}

const toEvidence = (r: EvidenceRow): Evidence => ({
  id: r.id,
  incidentId: r.incident_id,
  mentionId: r.mention_id,
  platform: r.platform,
  url: r.url,
  authorHandle: r.author_handle,
  authorName: r.author_name,
  text: r.text,
  mentionCreatedAt: r.mention_created_at,
  sha256: r.sha256,
  note: r.note,
  pinnedAt: r.pinned_at,
  pinnedBy: r.pinned_by,
  unpinnedAt: r.unpinned_at,
  unpinnedBy: r.unpinned_by,
});

interface RoutingRow {
  id: number;
  incident_id: string;
  mention_id: string;
  service: string;
  previous_service: string | null;
  note: string;
  routed_at: number;
  routed_by: string | null;
  batch_id: string | null;
}

const toRouting = (r: RoutingRow): RoutingEntry => ({
  id: r.id,
  incidentId: r.incident_id,
  mentionId: r.mention_id,
  service: r.service,
  previousService: r.previous_service,
  note: r.note,
  routedAt: r.routed_at,
  routedBy: r.routed_by,
  batchId: r.batch_id,
});

/** Pinned evidence of the incident, oldest first (unpinned ones too when asked). */
export function listEvidence(db: Database, incidentId: string, includeUnpinned?: boolean): Evidence[] {
  return (
    db
      .prepare(
        `SELECT * FROM evidence WHERE incident_id = ? ${includeUnpinned ? '' : 'AND unpinned_at IS NULL'}
           ORDER BY pinned_at, id`,
      )
      .all(incidentId) as EvidenceRow[]
  ).map(toEvidence);
}

/** The evidence currently pinned for this mention in this incident, if any. */
export function pinnedEvidence(db: Database, incidentId: string, mentionId: string): Evidence | null {
  const row = db
    .prepare('SELECT * FROM evidence WHERE incident_id = ? AND mention_id = ? AND unpinned_at IS NULL')
    .get(incidentId, mentionId) as EvidenceRow | undefined;
  return row ? toEvidence(row) : null;
}

export function evidenceById(db: Database, id: number): Evidence {
  return toEvidence(db.prepare('SELECT * FROM evidence WHERE id = ?').get(id) as EvidenceRow);
}

export function listRouting(
  db: Database,
  incidentId: string,
  filter: { mentionId?: string; service?: string },
): RoutingEntry[] {
  const where = ['incident_id = @incidentId'];
  if (filter.mentionId) where.push('mention_id = @mentionId');
  if (filter.service) where.push('service = @service');
  return (
    db
      .prepare(`SELECT * FROM routing_log WHERE ${where.join(' AND ')} ORDER BY routed_at, id`)
      .all({ incidentId, ...filter }) as RoutingRow[]
  ).map(toRouting);
}
