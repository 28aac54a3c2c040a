// A playbook applied to an incident becomes checklist_items: grouped by phase, unlocked by level
// (raising the level unlocks steps and sets their due time), done/skipped with who, when and a
// comment, overdue when due_at < now and still to do. Custom steps can be added. Every change is a
// timeline event (playbook.applied, checklist.unlocked, checklist.done, checklist.skipped,
// checklist.reopened, checklist.commented, checklist.rescheduled, checklist.added).
// Also: the per-level update cadence reminder (nextUpdateDue).
// Entry point of the checklist: ChecklistRepo composes its parts (model, storage, unlocking,
// changes, custom steps) and this module re-exports their public names.
import type { Database } from 'better-sqlite3';
import { IncidentsRepo } from '../store/incidents-repo';
import { ClocksRepo } from './clocks';
import type { Lang } from './config';
import { addCustomStep, type NewCustomStep } from './checklist-custom-step';
import { commentItem, completeItem, reopenItem, rescheduleItem, skipItem } from './checklist-changes';
import { isOverdue, phaseViews, type ChecklistItem, type ChecklistPhaseView } from './checklist-model';
import { getItem, listItems, type ChecklistDeps } from './checklist-rows';
import { applyPlaybook, unlockStepsUpTo } from './checklist-unlock';
import { resolveOptions, type CrisisOptions } from './internal';
import type { Playbook } from './playbooks/schema';

export {
  CHECKLIST_STATUSES,
  computeDueAt,
  isOverdue,
  type ChecklistItem,
  type ChecklistItemView,
  type ChecklistPhaseView,
  type ChecklistStatus,
} from './checklist-model';
export type { NewCustomStep } from './checklist-custom-step';
export { nextUpdateDue, type UpdateCadence } from './update-cadence';

export class ChecklistRepo {
  private readonly now: () => number;
  private readonly deps: ChecklistDeps;

  constructor(
    private readonly db: Database,
    opts: CrisisOptions = {},
  ) {
    const { now, config } = resolveOptions(opts);
    this.now = now;
    this.deps = { db, now, config, incidents: new IncidentsRepo(db), clocks: new ClocksRepo(db, opts) };
  }

  /**
   * Applies a playbook: one item per step, those at or below the incident's level unlocked now with
   * their due times, the playbook's clocks declared. Event `playbook.applied`.
   */
  apply(incidentId: string, playbook: Playbook, actor: string): ChecklistItem[] {
    return applyPlaybook(this.deps, incidentId, playbook, actor);
  }

  /**
   * Unlocks the locked steps whose minimum level is at or below `level` and sets their due times.
   * Called by LevelsService after a level change, in its transaction. Event `checklist.unlocked`
   * (none when nothing unlocks). Lowering the level never locks a step again.
   */
  unlockUpTo(incidentId: string, level: string, actor: string | null): ChecklistItem[] {
    return unlockStepsUpTo(this.deps, incidentId, level, actor);
  }

  get(itemId: number): ChecklistItem {
    return getItem(this.db, itemId);
  }

  list(incidentId: string): ChecklistItem[] {
    return listItems(this.db, incidentId);
  }

  overdue(incidentId: string, now = this.now()): ChecklistItem[] {
    return this.list(incidentId)
      .filter((i) => isOverdue(i, now))
      .sort((a, b) => a.dueAt! - b.dueAt!);
  }

  /** The checklist screen: phases in the configured order, locked steps included (flagged). */
  view(incidentId: string, lang: Lang, now = this.now()): ChecklistPhaseView[] {
    return phaseViews(this.list(incidentId), this.deps.config, lang, now);
  }

  /** Done, with an optional comment. Starts/stops the step's clock if it has one. Event `checklist.done`. */
  complete(itemId: number, actor: string, comment = ''): ChecklistItem {
    return completeItem(this.deps, itemId, actor, comment);
  }

  /** Not applicable here: a reason is required (the post-mortem will ask). Event `checklist.skipped`. */
  skip(itemId: number, actor: string, reason: string): ChecklistItem {
    return skipItem(this.deps, itemId, actor, reason);
  }

  /** Back to do (done too early, skipped by mistake). Event `checklist.reopened`. */
  reopen(itemId: number, actor: string, reason = ''): ChecklistItem {
    return reopenItem(this.deps, itemId, actor, reason);
  }

  /** Adds to the item's note (kept with the item and as event `checklist.commented`). */
  comment(itemId: number, actor: string, text: string): ChecklistItem {
    return commentItem(this.deps, itemId, actor, text);
  }

  /** Moves a step's due time (null: no deadline). Event `checklist.rescheduled` with from/to. */
  reschedule(itemId: number, dueAt: number | null, actor: string, reason: string): ChecklistItem {
    return rescheduleItem(this.deps, itemId, dueAt, actor, reason);
  }

  /** A step the playbook did not foresee: unlocked at once. Event `checklist.added`. */
  addCustom(incidentId: string, step: NewCustomStep, actor: string): ChecklistItem {
    return addCustomStep(this.deps, incidentId, step, actor);
  }
}
