import type { Database } from 'better-sqlite3';
import * as m0001 from './0001-mentions';
import * as m0002 from './0002-incidents-sources';
import * as m0003 from './0003-shares-sync-state';
import * as m0004 from './0004-coarse-rollups';
import * as m0005 from './0005-crisis';
import * as m0006 from './0006-team';
import * as m0007 from './0007-analysis';
import * as m0008 from './0008-report';
import * as m0010 from './0010-triage-indexes';
import * as m0011 from './0011-time-ordered-rowids';
import * as m0012 from './0012-quarantine-codes';
import * as m0013 from './0013-quarantine-repeats';
import * as m0014 from './0014-approval-recorders';

/**
 * Ordered list: index + 1 is the schema version each migration produces. Append only.
 * `rewritesMentions`: it rewrites every stored mention, so a big store takes a while (worth a notice).
 */
export const MIGRATIONS: ReadonlyArray<{
  name: string;
  up: (db: Database) => void;
  rewritesMentions?: true;
}> = [
  { name: '0001-mentions', up: m0001.up },
  { name: '0002-incidents-sources', up: m0002.up },
  { name: '0003-shares-sync-state', up: m0003.up },
  { name: '0004-coarse-rollups', up: m0004.up },
  { name: '0005-crisis', up: m0005.up },
  { name: '0006-team', up: m0006.up },
  { name: '0007-analysis', up: m0007.up },
  { name: '0008-report', up: m0008.up },
  { name: '0010-triage-indexes', up: m0010.up },
  { name: '0011-time-ordered-rowids', up: m0011.up, rewritesMentions: true },
  { name: '0012-quarantine-codes', up: m0012.up },
  { name: '0013-quarantine-repeats', up: m0013.up },
  { name: '0014-approval-recorders', up: m0014.up },
];

export const LATEST_VERSION = MIGRATIONS.length;
