// What the cell does to a step: done (running the step's clock hooks), skipped with a reason,
// reopened, commented, rescheduled. Each change is a timeline event (checklist.done,
// checklist.skipped, checklist.reopened, checklist.commented, checklist.rescheduled).
import { VigieError } from '../errors';
import type { ChecklistItem } from './checklist-model';
import { getItem, type ChecklistDeps } from './checklist-rows';
import { optionalText, readIncident, requiredActor, requiredText, requireNotClosed } from './internal';

/** How an event names the step it is about. */
const ref = (i: ChecklistItem) => ({
  itemId: i.id,
  playbookId: i.playbookId,
  stepId: i.stepId,
  phase: i.phase,
  title: i.title,
});

function appendNote(note: string, actor: string, text: string): string {
  return note ? `${note}\n${actor}: ${text}` : `${actor}: ${text}`;
}

/** Done, with an optional comment. Starts/stops the step's clock if it has one. Event `checklist.done`. */
export function completeItem(
  deps: ChecklistDeps,
  itemId: number,
  actor: string,
  comment: string,
): ChecklistItem {
  return closeItem(deps, itemId, 'done', actor, optionalText(comment, 'Comment'));
}

/** Not applicable here: a reason is required (the post-mortem will ask). Event `checklist.skipped`. */
export function skipItem(deps: ChecklistDeps, itemId: number, actor: string, reason: string): ChecklistItem {
  return closeItem(deps, itemId, 'skipped', actor, requiredText(reason, 'The reason for skipping a step'));
}

/** Back to do (done too early, skipped by mistake). Event `checklist.reopened`. */
export function reopenItem(
  deps: ChecklistDeps,
  itemId: number,
  actor: string,
  reason: string,
): ChecklistItem {
  const { db } = deps;
  requiredActor(actor);
  const item = getItem(db, itemId);
  requireNotClosed(readIncident(db, item.incidentId), 'change its checklist');
  if (item.status === 'todo') return item;
  const now = deps.now();
  db.transaction(() => {
    db.prepare(`UPDATE checklist_items SET status = 'todo', done_at = NULL, done_by = NULL WHERE id = ?`).run(
      itemId,
    );
    deps.incidents.addEvent(
      item.incidentId,
      now,
      'checklist.reopened',
      actor,
      optionalText(reason, 'Reason'),
      {
        ...ref(item),
        previous: item.status,
      },
    );
  })();
  return getItem(db, itemId);
}

/** Adds to the item's note (kept with the item and as event `checklist.commented`). */
export function commentItem(deps: ChecklistDeps, itemId: number, actor: string, text: string): ChecklistItem {
  const { db } = deps;
  requiredActor(actor);
  const body = requiredText(text, 'Comment');
  const item = getItem(db, itemId);
  const now = deps.now();
  db.transaction(() => {
    db.prepare('UPDATE checklist_items SET note = ? WHERE id = ?').run(
      appendNote(item.note, actor, body),
      itemId,
    );
    deps.incidents.addEvent(item.incidentId, now, 'checklist.commented', actor, body, ref(item));
  })();
  return getItem(db, itemId);
}

/** Moves a step's due time (null: no deadline). Event `checklist.rescheduled` with from/to. */
export function rescheduleItem(
  deps: ChecklistDeps,
  itemId: number,
  dueAt: number | null,
  actor: string,
  reason: string,
): ChecklistItem {
  const { db } = deps;
  requiredActor(actor);
  const why = requiredText(reason, 'The reason for moving a deadline');
  const item = getItem(db, itemId);
  requireNotClosed(readIncident(db, item.incidentId), 'change its checklist');
  const now = deps.now();
  db.transaction(() => {
    // The step no longer follows its anchor: a later clock or level change must not move it back.
    db.prepare(
      'UPDATE checklist_items SET due_at = ?, due_from = NULL, due_offset_ms = NULL WHERE id = ?',
    ).run(dueAt, itemId);
    deps.incidents.addEvent(item.incidentId, now, 'checklist.rescheduled', actor, why, {
      ...ref(item),
      from: item.dueAt,
      to: dueAt,
    });
  })();
  return getItem(db, itemId);
}

function closeItem(
  deps: ChecklistDeps,
  itemId: number,
  status: 'done' | 'skipped',
  actor: string,
  comment: string,
): ChecklistItem {
  const { db } = deps;
  requiredActor(actor);
  const item = getItem(db, itemId);
  requireNotClosed(readIncident(db, item.incidentId), 'change its checklist');
  if (item.unlockedAt === null) {
    throw new VigieError(
      'step_locked',
      `"${item.title.en}" unlocks at level ${item.minLevel}: raise the level or add a custom step.`,
    );
  }
  if (item.status !== 'todo') {
    throw new VigieError('already_closed', `"${item.title.en}" is already ${item.status}: reopen it first.`);
  }
  const now = deps.now();
  db.transaction(() => {
    db.prepare('UPDATE checklist_items SET status = ?, done_at = ?, done_by = ?, note = ? WHERE id = ?').run(
      status,
      now,
      actor,
      comment ? appendNote(item.note, actor, comment) : item.note,
      itemId,
    );
    deps.incidents.addEvent(item.incidentId, now, `checklist.${status}`, actor, comment, {
      ...ref(item),
      dueAt: item.dueAt,
      late: item.dueAt !== null && item.dueAt < now,
    });
    if (status === 'done') runClockHooks(deps, item, actor);
  })();
  return getItem(db, itemId);
}

function runClockHooks(deps: ChecklistDeps, item: ChecklistItem, actor: string): void {
  const { clocks } = deps;
  if (item.startsClock) {
    const clock = clocks.get(item.incidentId, item.startsClock);
    if (clock.startedAt === null) clocks.start(item.incidentId, item.startsClock, deps.now(), actor, '');
  }
  if (item.stopsClock) {
    const clock = clocks.get(item.incidentId, item.stopsClock);
    if (clock.startedAt === null) {
      throw new VigieError(
        'clock_not_started',
        `"${item.title.en}" meets the clock "${clock.label.en}", which has not started: record when it started first.`,
      );
    }
    clocks.met(item.incidentId, item.stopsClock, actor, item.title[deps.config.lang]);
  }
}
