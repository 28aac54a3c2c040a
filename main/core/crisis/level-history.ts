// The level history of an incident, read back from its timeline (level.changed / level.accepted):
// the timeline is the record, there is no second copy to drift from it.
import type { Database } from 'better-sqlite3';
import { levelRank, type CrisisConfig } from './config';
import type { IncidentState } from './internal';

export const LEVEL_EVENT_KINDS = ['level.changed', 'level.accepted'] as const;

export interface LevelChange {
  at: number;
  from: string;
  to: string;
  actor: string | null;
  /** 'changed': someone chose the level; 'accepted': a suggestion was accepted. */
  how: 'changed' | 'accepted';
  /** The reason typed, or the suggestion's reasons. */
  reasons: string[];
}

export function levelHistory(db: Database, incidentId: string): LevelChange[] {
  const rows = db
    .prepare(
      `SELECT at, kind, actor, data FROM timeline_events
       WHERE incident_id = ? AND kind IN ('level.changed', 'level.accepted') ORDER BY at, id`,
    )
    .all(incidentId) as { at: number; kind: string; actor: string | null; data: string | null }[];
  return rows.map((r) => {
    const d = (r.data ? JSON.parse(r.data) : {}) as {
      from?: string;
      to?: string;
      reason?: string;
      reasons?: string[];
    };
    return {
      at: r.at,
      from: d.from ?? '',
      to: d.to ?? '',
      actor: r.actor,
      how: r.kind === 'level.accepted' ? 'accepted' : 'changed',
      reasons: d.reasons ?? (d.reason ? [d.reason] : []),
    };
  });
}

/**
 * When the incident last reached `level` or above (and stayed there until now); null when it is
 * below it now. Without level events the incident has been at its level since it opened.
 */
export function levelReachedAt(
  db: Database,
  config: CrisisConfig,
  incident: IncidentState,
  level: string,
): number | null {
  const target = levelRank(config, level);
  if (levelRank(config, incident.level) < target) return null;
  const history = levelHistory(db, incident.id);
  const level0 = history[0]?.from ?? incident.level;
  let reached: number | null = levelRank(config, level0) >= target ? incident.openedAt : null;
  for (const change of history) {
    const above = levelRank(config, change.to) >= target;
    if (above && reached === null) reached = change.at;
    if (!above) reached = null;
  }
  return reached ?? incident.openedAt;
}
