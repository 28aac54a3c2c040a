import type { Database } from 'better-sqlite3';

/**
 * Triage filters that keep the feed's order (newest first) at 1,000,000 mentions: by status, by
 * assignee, by service routed to. Assignee and service are partial (most mentions have neither), so
 * ingest pays almost nothing for them. IF NOT EXISTS: safe to run again whatever the numbering.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE INDEX IF NOT EXISTS mentions_status_created ON mentions(status, created_at DESC, id DESC);
    CREATE INDEX IF NOT EXISTS mentions_assignee_created ON mentions(assignee, created_at DESC, id DESC)
      WHERE assignee IS NOT NULL;
    CREATE INDEX IF NOT EXISTS mentions_routed_created ON mentions(routed_to, created_at DESC, id DESC)
      WHERE routed_to IS NOT NULL;
  `);
}
