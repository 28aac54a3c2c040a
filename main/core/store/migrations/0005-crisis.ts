import type { Database } from 'better-sqlite3';
import { CRISIS_SCHEMA_SQL } from '../../crisis/schema.sql';

/** Roles, checklists, clocks, statements and approvals, routing log, evidence pins. */
export function up(db: Database): void {
  db.exec(CRISIS_SCHEMA_SQL);
}
