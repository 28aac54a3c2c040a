import type { Database } from 'better-sqlite3';
import { TEAM_SCHEMA_SQL } from '../../team/schema.sql';

/** Members, rest timers, shifts, breaks, exposures, TLX reports, protection cases and their evidence. */
export function up(db: Database): void {
  db.exec(TEAM_SCHEMA_SQL);
}
