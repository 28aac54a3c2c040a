import type { Database } from 'better-sqlite3';
import type { Incident, Level } from '../../../shared/model';

interface IncidentRow {
  id: string;
  title: string;
  level: string;
  status: string;
  opened_at: number;
  stable_at: number | null;
  closed_at: number | null;
  is_demo: number;
}

const toIncident = (r: IncidentRow): Incident => ({
  id: r.id,
  title: r.title,
  level: r.level as Level,
  status: r.status as Incident['status'],
  openedAt: r.opened_at,
  stableAt: r.stable_at,
  closedAt: r.closed_at,
  isDemo: r.is_demo === 1,
});

export interface NewIncident {
  id: string;
  title: string;
  level: Level;
  openedAt: number;
  isDemo: boolean;
  sourceIds: string[];
  /** Search terms that define the incident's perimeter (with its sources). */
  terms?: string[];
  /** The alert (timeline event id) the incident was opened from. */
  fromAlertId?: number | null;
}

export interface IncidentPerimeter {
  terms: string[];
  sourceIds: string[];
  fromAlertId: number | null;
}

export class IncidentsRepo {
  constructor(private readonly db: Database) {}

  create(i: NewIncident, actor: string): Incident {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO incidents(id, title, level, status, opened_at, is_demo, source_ids)
           VALUES (?, ?, ?, 'active', ?, ?, ?)`,
        )
        .run(i.id, i.title, i.level, i.openedAt, i.isDemo ? 1 : 0, JSON.stringify(i.sourceIds));
      this.addEvent(i.id, i.openedAt, 'incident.opened', actor, i.title, {
        terms: i.terms ?? [],
        sourceIds: i.sourceIds,
        fromAlertId: i.fromAlertId ?? null,
      });
    })();
    return this.get(i.id)!;
  }

  get(id: string): Incident | null {
    const row = this.db.prepare('SELECT * FROM incidents WHERE id = ?').get(id) as IncidentRow | undefined;
    return row ? toIncident(row) : null;
  }

  list(): Incident[] {
    return (this.db.prepare('SELECT * FROM incidents ORDER BY opened_at DESC').all() as IncidentRow[]).map(
      toIncident,
    );
  }

  sourceIds(id: string): string[] {
    const row = this.db.prepare('SELECT source_ids FROM incidents WHERE id = ?').get(id) as
      { source_ids: string } | undefined;
    return row ? (JSON.parse(row.source_ids) as string[]) : [];
  }

  /** Terms and sources: the latest incident.opened / incident.perimeter event says them. */
  perimeter(id: string): IncidentPerimeter {
    const rows = this.db
      .prepare(
        `SELECT kind, data FROM timeline_events WHERE incident_id = ? AND kind IN ('incident.opened', 'incident.perimeter')
         ORDER BY at, id`,
      )
      .all(id) as { kind: string; data: string | null }[];
    let terms: string[] = [];
    let fromAlertId: number | null = null;
    for (const r of rows) {
      const d = (r.data ? JSON.parse(r.data) : {}) as { terms?: unknown; fromAlertId?: unknown };
      if (Array.isArray(d.terms)) terms = d.terms.filter((t): t is string => typeof t === 'string');
      if (r.kind === 'incident.opened' && typeof d.fromAlertId === 'number') fromAlertId = d.fromAlertId;
    }
    return { terms, sourceIds: this.sourceIds(id), fromAlertId };
  }

  /** Changes the perimeter; the change is a timeline event (`incident.perimeter`). */
  setPerimeter(id: string, p: { terms: string[]; sourceIds: string[] }, at: number, actor: string): void {
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE incidents SET source_ids = ? WHERE id = ?')
        .run(JSON.stringify(p.sourceIds), id);
      this.addEvent(id, at, 'incident.perimeter', actor, p.terms.join(', '), {
        terms: p.terms,
        sourceIds: p.sourceIds,
      });
    })();
  }

  close(id: string, at: number, actor: string): void {
    this.db.transaction(() => {
      this.db.prepare(`UPDATE incidents SET status = 'closed', closed_at = ? WHERE id = ?`).run(at, id);
      this.addEvent(id, at, 'incident.closed', actor, '');
    })();
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM incidents WHERE id = ?').run(id).changes > 0;
  }

  /** Every state change of an incident is a timeline event: the post-mortem is a query. */
  addEvent(
    incidentId: string,
    at: number,
    kind: string,
    actor: string | null,
    text: string,
    data?: unknown,
  ): void {
    this.db
      .prepare(
        'INSERT INTO timeline_events(incident_id, at, kind, actor, text, data) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(incidentId, at, kind, actor, text, data === undefined ? null : JSON.stringify(data));
  }
}
