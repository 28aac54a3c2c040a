// The per-level public update cadence: when the cell's next public statement is due.
import type { CrisisConfig } from './config';

export interface UpdateCadence {
  level: string;
  /** null: no cadence at this level (or the incident is closed). */
  cadenceMinutes: number | null;
  /** What the countdown runs from: the last public statement, else the incident opening. */
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
 * crise_majeure, 60 at crise). The count starts from the last public statement, or from the opening
 * when nothing was published yet. Raising the level shortens the cadence at once.
 */
export function nextUpdateDue(
  incident: { level: string; status: string; openedAt: number },
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
  const since = lastStatementAt ?? incident.openedAt;
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
