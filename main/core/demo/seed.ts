import type { Database } from 'better-sqlite3';
import { IncidentsRepo } from '../store/incidents-repo';
import { MetaRepo } from '../store/meta-repo';
import { MentionsRepo } from '../store/mentions-repo';
import { ReplaySource } from '../sync/sources/replay';
import type { Scenario } from './scenario';

export const DEMO_SOURCE_ID = 'demo-replay';
export const DEMO_INCIDENT_ID = 'demo';
const SEEDED_KEY = 'demo.seeded';

/**
 * Opens the demo incident with its replay source. Only on a store that never held anything, and only
 * once: a user who deleted the demo does not get it back.
 */
export function seedDemoIfFirstRun(db: Database, scenario: Scenario, speed: number, now: number): boolean {
  const meta = new MetaRepo(db);
  if (meta.get(SEEDED_KEY)) return false;
  if (new MentionsRepo(db).count() > 0 || new IncidentsRepo(db).list().length > 0) {
    meta.set(SEEDED_KEY, 'skipped');
    return false;
  }
  createDemo(db, scenario, speed, now);
  return true;
}

export function createDemo(db: Database, scenario: Scenario, speed: number, now: number): void {
  db.transaction(() => {
    ReplaySource.create(db, DEMO_SOURCE_ID, scenario, speed, now);
    new IncidentsRepo(db).create(
      {
        id: DEMO_INCIDENT_ID,
        title: scenario.meta.title.fr,
        level: 'veille',
        openedAt: now - scenario.meta.durationMs,
        isDemo: true,
        sourceIds: [DEMO_SOURCE_ID],
      },
      'Vigie',
    );
    const meta = new MetaRepo(db);
    meta.set(SEEDED_KEY, String(now));
    meta.set('focus.incident', DEMO_INCIDENT_ID);
  })();
}

export function hasDemo(db: Database): boolean {
  return new IncidentsRepo(db).get(DEMO_INCIDENT_ID) !== null;
}
