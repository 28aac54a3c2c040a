// Small helpers shared by the crisis modules (not part of their public API).
import type { Database } from 'better-sqlite3';
import { VigieError } from '../errors';
import { crisisConfig, type CrisisConfig } from './config';

/** What every crisis repository takes besides the database. */
export interface CrisisOptions {
  /** Injectable clock (ms UTC): the demo replay and the tests run on their own time. */
  now?: () => number;
  config?: CrisisConfig;
}

export function resolveOptions(opts: CrisisOptions): { now: () => number; config: CrisisConfig } {
  return { now: opts.now ?? Date.now, config: opts.config ?? crisisConfig() };
}

export interface IncidentState {
  id: string;
  title: string;
  level: string;
  status: 'active' | 'stable' | 'closed';
  openedAt: number;
  stableAt: number | null;
  closedAt: number | null;
}

export function readIncident(db: Database, id: string): IncidentState {
  const row = db
    .prepare('SELECT id, title, level, status, opened_at, stable_at, closed_at FROM incidents WHERE id = ?')
    .get(id) as
    | {
        id: string;
        title: string;
        level: string;
        status: IncidentState['status'];
        opened_at: number;
        stable_at: number | null;
        closed_at: number | null;
      }
    | undefined;
  if (!row) throw new VigieError('not_found', `No incident with id ${id}.`);
  return {
    id: row.id,
    title: row.title,
    level: row.level,
    status: row.status,
    openedAt: row.opened_at,
    stableAt: row.stable_at,
    closedAt: row.closed_at,
  };
}

export function requireNotClosed(incident: IncidentState, what: string): void {
  if (incident.status === 'closed') {
    throw new VigieError('incident_closed', `Incident "${incident.title}" is closed: reopen it to ${what}.`);
  }
}

/** Trims and checks a free text a person typed; `what` names it in the error. */
export function requiredText(value: string | undefined | null, what: string, max = 4000): string {
  const text = (value ?? '').trim();
  if (!text) throw new VigieError('bad_request', `${what} is required.`);
  if (text.length > max)
    throw new VigieError('bad_request', `${what} is too long (${max} characters at most).`);
  return text;
}

export function optionalText(value: string | undefined | null, what: string, max = 4000): string {
  const text = (value ?? '').trim();
  if (text.length > max)
    throw new VigieError('bad_request', `${what} is too long (${max} characters at most).`);
  return text;
}

export function requiredActor(actor: string): string {
  return requiredText(actor, 'Who did it (actor)', 200);
}
