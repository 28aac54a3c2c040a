// Checklist step shapes and the pure rules on them: when a step is due, when it is overdue, and
// how the checklist screen groups steps by phase.
import type { CrisisConfig, Lang, Localized, Role } from './config';

export const CHECKLIST_STATUSES = ['todo', 'done', 'skipped'] as const;
export type ChecklistStatus = (typeof CHECKLIST_STATUSES)[number];

export interface ChecklistItem {
  id: number;
  incidentId: string;
  /** null for a custom step. */
  playbookId: string | null;
  stepId: string;
  position: number;
  phase: string;
  title: Localized;
  detail: Localized;
  minLevel: string;
  owner: Role | null;
  /** 'opening' | 'level' | 'clock:<id>' | null (fixed time or no deadline). */
  dueFrom: string | null;
  dueOffsetMs: number | null;
  templateId: string | null;
  startsClock: string | null;
  stopsClock: string | null;
  opens: string | null;
  unlockedAt: number | null;
  dueAt: number | null;
  status: ChecklistStatus;
  doneAt: number | null;
  doneBy: string | null;
  note: string;
  createdAt: number;
  createdBy: string | null;
}

export interface ChecklistItemView extends ChecklistItem {
  locked: boolean;
  overdue: boolean;
  /** Until due (negative when late); null without a due time or once done/skipped. */
  dueInMs: number | null;
}

export interface ChecklistPhaseView {
  phase: string;
  label: string;
  items: ChecklistItemView[];
  done: number;
  total: number;
  overdue: number;
}

/** Pure: unlocked, still to do, and its due time has passed. */
export function isOverdue(
  item: Pick<ChecklistItem, 'unlockedAt' | 'status' | 'dueAt'>,
  now: number,
): boolean {
  return item.unlockedAt !== null && item.status === 'todo' && item.dueAt !== null && item.dueAt < now;
}

/** Pure: the due time of a step from its anchor; null when the anchor has no time yet. */
export function computeDueAt(
  step: Pick<ChecklistItem, 'dueFrom' | 'dueOffsetMs'>,
  anchors: {
    openedAt: number;
    levelReachedAt: number | null;
    clockStartedAt: (clockId: string) => number | null;
  },
): number | null {
  if (step.dueFrom === null || step.dueOffsetMs === null) return null;
  let base: number | null;
  if (step.dueFrom === 'opening') base = anchors.openedAt;
  else if (step.dueFrom === 'level') base = anchors.levelReachedAt;
  else if (step.dueFrom.startsWith('clock:')) base = anchors.clockStartedAt(step.dueFrom.slice(6));
  else base = null;
  return base === null ? null : base + step.dueOffsetMs;
}

/** Pure: phases in the configured order (unknown phases after), locked steps included (flagged). */
export function phaseViews(
  list: ChecklistItem[],
  config: Pick<CrisisConfig, 'phases'>,
  lang: Lang,
  now: number,
): ChecklistPhaseView[] {
  const items = list.map((i): ChecklistItemView => ({
    ...i,
    locked: i.unlockedAt === null,
    overdue: isOverdue(i, now),
    dueInMs: i.status === 'todo' && i.unlockedAt !== null && i.dueAt !== null ? i.dueAt - now : null,
  }));
  const order = config.phases.map((p) => p.id);
  const phases = [...order, ...new Set(items.map((i) => i.phase).filter((p) => !order.includes(p)))];
  return phases
    .map((phase) => {
      const its = items.filter((i) => i.phase === phase);
      return {
        phase,
        label: config.phases.find((p) => p.id === phase)?.label[lang] ?? phase,
        items: its,
        done: its.filter((i) => i.status !== 'todo').length,
        total: its.length,
        overdue: its.filter((i) => i.overdue).length,
      };
    })
    .filter((p) => p.total > 0);
}
