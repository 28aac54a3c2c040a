import type { Database } from 'better-sqlite3';

// What the cell writes in the app before exporting the post-mortem: the summary paragraph, what went
// well and what did not, action items with their owners, and (optionally) the onset the cell agrees
// on when the automatic one is wrong. One row per incident; lists are JSON arrays.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE incident_reviews (
      incident_id TEXT PRIMARY KEY REFERENCES incidents(id) ON DELETE CASCADE,
      summary TEXT NOT NULL DEFAULT '',
      went_well TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(went_well) AND json_type(went_well) = 'array'),
      went_badly TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(went_badly) AND json_type(went_badly) = 'array'),
      action_items TEXT NOT NULL DEFAULT '[]'
        CHECK (json_valid(action_items) AND json_type(action_items) = 'array'),
      onset_at INTEGER,
      updated_at INTEGER NOT NULL,
      updated_by TEXT
    ) WITHOUT ROWID;
  `);
}
