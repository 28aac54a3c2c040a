// The review the cell writes before exporting (table incident_reviews, migration 0008).
import type { Database } from 'better-sqlite3';
import type { Review, ReviewEdits } from '../../../shared/report-model';
import { VigieError } from '../errors';

interface ReviewRow {
  incident_id: string;
  summary: string;
  went_well: string;
  went_badly: string;
  action_items: string;
  onset_at: number | null;
  updated_at: number;
  updated_by: string | null;
}

export class ReviewRepo {
  constructor(private readonly db: Database) {}

  get(incidentId: string): Review {
    this.requireIncident(incidentId);
    const row = this.db.prepare('SELECT * FROM incident_reviews WHERE incident_id = ?').get(incidentId) as
      ReviewRow | undefined;
    if (!row)
      return {
        incidentId,
        summary: '',
        wentWell: [],
        wentBadly: [],
        actionItems: [],
        onsetAt: null,
        updatedAt: null,
        updatedBy: null,
      };
    return {
      incidentId,
      summary: row.summary,
      wentWell: JSON.parse(row.went_well) as string[],
      wentBadly: JSON.parse(row.went_badly) as string[],
      actionItems: JSON.parse(row.action_items) as Review['actionItems'],
      onsetAt: row.onset_at,
      updatedAt: row.updated_at,
      updatedBy: row.updated_by,
    };
  }

  save(incidentId: string, edits: ReviewEdits, at: number, by: string | null): Review {
    this.requireIncident(incidentId);
    this.db
      .prepare(
        `INSERT INTO incident_reviews(incident_id, summary, went_well, went_badly, action_items, onset_at, updated_at, updated_by)
         VALUES (@incidentId, @summary, @wentWell, @wentBadly, @actionItems, @onsetAt, @at, @by)
         ON CONFLICT(incident_id) DO UPDATE SET summary = excluded.summary, went_well = excluded.went_well,
           went_badly = excluded.went_badly, action_items = excluded.action_items, onset_at = excluded.onset_at,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run({
        incidentId,
        summary: edits.summary,
        wentWell: JSON.stringify(edits.wentWell),
        wentBadly: JSON.stringify(edits.wentBadly),
        actionItems: JSON.stringify(edits.actionItems),
        onsetAt: edits.onsetAt,
        at,
        by,
      });
    return this.get(incidentId);
  }

  private requireIncident(id: string): void {
    if (!this.db.prepare('SELECT 1 FROM incidents WHERE id = ?').get(id))
      throw new VigieError('not_found', `No incident with id ${id}.`);
  }
}
