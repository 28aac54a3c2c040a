// The per-level public update cadence: when the cell's next public statement is due.
import type { CrisisConfig } from './config';

export interface UpdateCadence {
  level: string;
  /** null: no cadence at this level (or the incident is closed). */
  cadenceMinutes: number | null;
  /** What the countdown runs from: the last public statement, else when the level's cadence began. */
  since: number | null;
  dueAt: number | null;
  /** Negative when late. */
  remainingMs: number | null;
  overdue: boolean;
  /** Remind the cell: due within config.cadenceWarnMinutes, or late. */
  notify: boolean;
}

/**
 * Pure: when the next public update is due at the incident's level (e.g. every 20 min at
 * crise_majeure, 60 at crise). The count starts from the last public statement, but never before
 * the incident entered a level with a cadence (`cadenceSince`, default its opening): an incident
 * watched quietly for a day and raised to crise is not "a day late" the minute it is raised. Raising
 * the level from one cadence to a shorter one shortens it at once.
 */
export function nextUpdateDue(
  incident: { level: string; status: string; openedAt: number; cadenceSince?: number },
  lastStatementAt: number | null,
  now: number,
  config: Pick<CrisisConfig, 'levels' | 'cadenceWarnMinutes'>,
): UpdateCadence {
  const cadence = config.levels.find((l) => l.id === incident.level)?.updateCadenceMinutes ?? null;
  if (cadence === null || incident.status === 'closed') {
    return {
      level: incident.level,
      cadenceMinutes: null,
      since: lastStatementAt,
      dueAt: null,
      remainingMs: null,
      overdue: false,
      notify: false,
    };
  }
  const start = incident.cadenceSince ?? incident.openedAt;
  const since = lastStatementAt === null ? start : Math.max(lastStatementAt, start);
  const dueAt = since + cadence * 60_000;
  const remainingMs = dueAt - now;
  return {
    level: incident.level,
    cadenceMinutes: cadence,
    since,
    dueAt,
    remainingMs,
    overdue: remainingMs < 0,
    notify: remainingMs <= config.cadenceWarnMinutes * 60_000,
  };
}
