// The demo incident is a normal incident with the checklist a real one would have: once, when the
// demo is loaded, the "service outage where the CEO speaks directly" playbook is applied to it.
import type { Database } from 'better-sqlite3';
import type { MetaRepo } from '../../store/meta-repo';
import type { Crisis } from '../index';

export const DEMO_INCIDENT = 'demo';
export const DEMO_PLAYBOOK = 'service-outage-ceo';
const DONE_KEY = 'crisis.demoPlaybook';

/** Applies the demo playbook when the demo incident exists and never had it; true when it did now. */
export function ensureDemoPlaybook(db: Database, meta: MetaRepo, crisis: Crisis): boolean {
  if (meta.get(DONE_KEY)) return false;
  const incident = db.prepare('SELECT status, is_demo FROM incidents WHERE id = ?').get(DEMO_INCIDENT) as
    { status: string; is_demo: number } | undefined;
  if (!incident || incident.is_demo !== 1) return false;
  const playbook = crisis.library().playbook(DEMO_PLAYBOOK);
  const already = db
    .prepare('SELECT 1 FROM checklist_items WHERE incident_id = ? AND playbook_id = ? LIMIT 1')
    .get(DEMO_INCIDENT, DEMO_PLAYBOOK);
  if (playbook && !already && incident.status !== 'closed') {
    crisis.checklist.apply(DEMO_INCIDENT, playbook, 'Vigie');
  }
  meta.set(DONE_KEY, 'applied');
  return true;
}
