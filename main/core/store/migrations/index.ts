import type { Database } from 'better-sqlite3';
import * as m0001 from './0001-mentions';
import * as m0002 from './0002-incidents-sources';

/** Ordered list: index + 1 is the schema version each migration produces. Append only. */
export const MIGRATIONS: ReadonlyArray<{ name: string; up: (db: Database) => void }> = [
  { name: '0001-mentions', up: m0001.up },
  { name: '0002-incidents-sources', up: m0002.up },
];

export const LATEST_VERSION = MIGRATIONS.length;
