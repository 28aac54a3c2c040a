import type { Database } from 'better-sqlite3';

/**
 * Who recorded an approver's decision when it was not the approver: on one laptop, the operator
 * often clicks "approve" for the director who said yes on the phone. NULL: the approver themself
 * (or a decision recorded before this column existed).
 */
export function up(db: Database): void {
  db.exec('ALTER TABLE statement_approvals ADD COLUMN recorded_by TEXT');
}
