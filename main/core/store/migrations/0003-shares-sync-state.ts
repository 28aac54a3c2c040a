import type { Database } from 'better-sqlite3';

// Reposts/boosts/retweets are counted on the original; this table makes each one count once.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE mention_shares (
      id TEXT PRIMARY KEY,
      original_id TEXT NOT NULL,
      created_at INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX mention_shares_original ON mention_shares(original_id);
    ALTER TABLE sources ADD COLUMN last_run_at INTEGER;
    ALTER TABLE sources ADD COLUMN last_run_new INTEGER;
    ALTER TABLE sources ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX quarantine_source ON quarantine(source_id, at);
  `);
}
