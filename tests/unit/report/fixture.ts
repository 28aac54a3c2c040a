// A fixed incident written with plain SQL into a real store file: mentions before and during the
// storm (with hostile texts, author names and URLs), alerts, levels, a statement and its approvals,
// checklist, routing, evidence, team shifts/breaks/exposures/TLX, a protection case and the review.
// Every figure asserted in report.test.ts is worked out by hand from this data (see the comments).
// The data lives in fixture-constants.ts, fixture-mentions.ts, fixture-incident.ts and fixture-team.ts;
// this file assembles it and keeps the entry points the report tests import.
import type Database from 'better-sqlite3';
import { openStore } from '../../../main/core/store/open';
import { tempDir } from '../../helpers/tmp';
import { insertIncident, insertResponse, insertReview } from './fixture-incident';
import { insertMentions, MENTIONS } from './fixture-mentions';
import { insertProtection, insertTeam } from './fixture-team';

export { at, HOUR, INCIDENT, MIN, NOW, T0, XSS_NAME, XSS_TEXT, XSS_URL } from './fixture-constants';
export { insertMentions, MENTIONS } from './fixture-mentions';

/** Writes the whole incident in one transaction, in the original insertion order (row ids reach the golden files). */
export function buildIncident(db: Database.Database): void {
  db.transaction(() => {
    insertIncident(db);
    insertMentions(db, MENTIONS);
    insertResponse(db);
    insertTeam(db);
    insertProtection(db);
    insertReview(db);
  })();
}

export function fixtureStore(): { db: Database.Database; file: string; tmp: ReturnType<typeof tempDir> } {
  const tmp = tempDir('vigie-report-');
  const file = tmp.file('report.db');
  const db = openStore(file);
  buildIncident(db);
  return { db, file, tmp };
}
