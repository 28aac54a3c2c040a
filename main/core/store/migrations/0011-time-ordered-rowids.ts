import type { Database } from 'better-sqlite3';
import { renumberByTime } from '../time-key';

/** Mentions' rowids become time keys (see store/time-key.ts): search pages newest first at any size. */
export function up(db: Database): void {
  renumberByTime(db);
}
