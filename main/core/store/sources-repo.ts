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
  next_run_at: number | null;
  rate_limit: string | null;
  last_run_at: number | null;
  last_run_new: number | null;
  failures: number;
  created_at: number;
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

  recordRun(id: string, run: { status: string; error: string | null; at: number; inserted: number }): void {
    this.db
      .prepare(
        `UPDATE sources SET status = @status, last_error = @error, last_run_at = @at, last_run_new = @inserted,
           failures = CASE WHEN @error IS NULL THEN 0 ELSE failures + 1 END,
           last_success_at = CASE WHEN @error IS NULL THEN @at ELSE last_success_at END
         WHERE id = @id`,
      )
      .run({ id, ...run });
  }

  setRateLimit(id: string, rateLimit: unknown): void {
    this.db.prepare('UPDATE sources SET rate_limit = ? WHERE id = ?').run(JSON.stringify(rateLimit), id);
  }

  setNextRun(id: string, at: number | null): void {
    this.db.prepare('UPDATE sources SET next_run_at = ? WHERE id = ?').run(at, id);
  }

  all(): SourceRow[] {
    return this.db.prepare('SELECT * FROM sources ORDER BY created_at, id').all() as SourceRow[];
  }

  /**
   * Creates or replaces a source's settings. Its cursor (and rate-limit state) is kept only while it
   * reads the same stream: another hashtag, query, account or address starts from that stream's
   * beginning, or the old cursor would skip the new stream's history.
   */
  upsert(row: { id: string; type: string; name: string; config: unknown }, at: number): void {
    const existing = this.get(row.id);
    if (existing && existing.type === row.type) {
      const sameStream = streamOf(parseConfig(existing.config)) === streamOf(row.config);
      this.db
        .prepare(
          `UPDATE sources SET name = ?, config = ?, status = 'idle', failures = 0, next_run_at = NULL, last_error = NULL
           ${sameStream ? '' : ', cursor = NULL, rate_limit = NULL'} WHERE id = ?`,
        )
        .run(row.name, JSON.stringify(row.config), row.id);
      return;
    }
    if (existing) this.delete(row.id);
    this.create({ ...row, status: 'idle' }, at);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM sources WHERE id = ?').run(id);
  }
}

/** Settings that change how or how often a source reads, not what it reads. */
const NOT_STREAM = new Set(['backfillPages', 'intervalSeconds', 'tokenEnv', 'tokenFile', 'secretRef']);

/** What a source reads, as a comparable string: its settings minus credentials and pacing. */
function streamOf(config: unknown): string {
  if (!config || typeof config !== 'object') return JSON.stringify(config ?? null);
  const entries = Object.entries(config as Record<string, unknown>)
    .filter(([k, v]) => !NOT_STREAM.has(k) && v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

function parseConfig(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}
