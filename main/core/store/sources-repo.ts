import type { Database } from 'better-sqlite3';

export interface SourceRow {
  id: string;
  type: string;
  name: string;
  config: string;
  cursor: string | null;
  status: string;
  last_error: string | null;
  last_success_at: number | null;
}

export class SourcesRepo {
  constructor(private readonly db: Database) {}

  get(id: string): SourceRow | null {
    return (this.db.prepare('SELECT * FROM sources WHERE id = ?').get(id) as SourceRow | undefined) ?? null;
  }

  byType(type: string): SourceRow[] {
    return this.db
      .prepare('SELECT * FROM sources WHERE type = ? ORDER BY created_at')
      .all(type) as SourceRow[];
  }

  create(row: { id: string; type: string; name: string; config: unknown; status: string }, at: number): void {
    this.db
      .prepare('INSERT INTO sources(id, type, name, config, status, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(row.id, row.type, row.name, JSON.stringify(row.config), row.status, at);
  }

  setConfig(id: string, config: unknown): void {
    this.db.prepare('UPDATE sources SET config = ? WHERE id = ?').run(JSON.stringify(config), id);
  }

  setStatus(id: string, status: string, lastError: string | null = null): void {
    this.db.prepare('UPDATE sources SET status = ?, last_error = ? WHERE id = ?').run(status, lastError, id);
  }

  /** Called inside the ingest transaction so the cursor moves exactly with the data. */
  setCursor(id: string, cursor: string, at: number): void {
    this.db.prepare('UPDATE sources SET cursor = ?, last_success_at = ? WHERE id = ?').run(cursor, at, id);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM sources WHERE id = ?').run(id);
  }
}
