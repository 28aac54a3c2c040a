import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE sources (
      id TEXT PRIMARY KEY,
      type TEXT NOT NULL,
      name TEXT NOT NULL,
      config TEXT NOT NULL DEFAULT '{}',
      secret_ref TEXT,
      cursor TEXT,
      status TEXT NOT NULL DEFAULT 'idle',
      last_error TEXT,
      last_success_at INTEGER,
      next_run_at INTEGER,
      rate_limit TEXT,
      created_at INTEGER NOT NULL
    );
    CREATE TABLE quarantine (
      id INTEGER PRIMARY KEY,
      source_id TEXT,
      at INTEGER NOT NULL,
      reason TEXT NOT NULL,
      raw_excerpt TEXT NOT NULL
    );
    CREATE TABLE incidents (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      level TEXT NOT NULL DEFAULT 'veille',
      status TEXT NOT NULL DEFAULT 'active',
      opened_at INTEGER NOT NULL,
      stable_at INTEGER,
      closed_at INTEGER,
      is_demo INTEGER NOT NULL DEFAULT 0,
      source_ids TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE timeline_events (
      id INTEGER PRIMARY KEY,
      incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
      at INTEGER NOT NULL,
      kind TEXT NOT NULL,
      actor TEXT,
      text TEXT NOT NULL DEFAULT '',
      mention_id TEXT,
      data TEXT
    );
    CREATE INDEX timeline_events_incident ON timeline_events(incident_id, at);
  `);
}
