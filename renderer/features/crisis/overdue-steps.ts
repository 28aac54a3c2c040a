import type { CrisisState } from '../../../shared/crisis-model';

/**
 * Checklist steps past their due time on the incident's clock. One count for the headline figure and
 * the tab's badge: the core's own count lags until its next state, so the two disagreed for a while.
 */
export function overdueSteps(state: CrisisState, now: number): number {
  return state.checklist.reduce(
    (n, p) =>
      n + p.items.filter((i) => i.status === 'todo' && !i.locked && i.dueAt !== null && i.dueAt < now).length,
    0,
  );
}
