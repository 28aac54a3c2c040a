import type { Database } from 'better-sqlite3';

/**
 * Quarantined records carry a reason code (shared/quarantine.ts) and its details as JSON, so the
 * interface words the reason in the reader's language. Records set aside before keep NULL and show
 * their stored English sentence.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE quarantine ADD COLUMN code TEXT;
    ALTER TABLE quarantine ADD COLUMN detail TEXT CHECK (detail IS NULL OR json_valid(detail));
  `);
}
