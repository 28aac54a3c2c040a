// A step the playbook did not foresee, added by the cell: checked, unlocked at once, event
// checklist.added.
import { VigieError } from '../errors';
import { isRole, type Localized, type Role } from './config';
import type { ChecklistItem } from './checklist-model';
import { getItem, nextPosition, type ChecklistDeps } from './checklist-rows';
import { optionalText, readIncident, requiredActor, requiredText, requireNotClosed } from './internal';

export interface NewCustomStep {
  phase: string;
  title: string | Localized;
  detail?: string | Localized;
  owner?: Role | null;
  /** A fixed due time; none when absent. */
  dueAt?: number | null;
}

/** A step the playbook did not foresee: unlocked at once. Event `checklist.added`. */
export function addCustomStep(
  deps: ChecklistDeps,
  incidentId: string,
  step: NewCustomStep,
  actor: string,
): ChecklistItem {
  const { db, config } = deps;
  requiredActor(actor);
  const incident = readIncident(db, incidentId);
  requireNotClosed(incident, 'add a step');
  if (!config.phases.some((p) => p.id === step.phase)) {
    throw new VigieError(
      'bad_request',
      `Unknown phase "${step.phase}"; expected one of ${config.phases.map((p) => p.id).join(', ')}.`,
    );
  }
  if (step.owner != null && !isRole(step.owner)) {
    throw new VigieError('bad_request', `Unknown role "${String(step.owner)}".`);
  }
  const loc = (v: string | Localized | undefined, what: string, required: boolean): Localized => {
    const fix = (s: string | undefined) => (required ? requiredText(s, what, 300) : optionalText(s, what));
    if (typeof v === 'object') {
      const fr = fix(v.fr || v.en);
      return { fr, en: fix(v.en || v.fr) };
    }
    const t = fix(v);
    return { fr: t, en: t };
  };
  const title = loc(step.title, 'The step title', true);
  const detail = loc(step.detail, 'The step detail', false);
  const now = deps.now();
  let id = 0;
  db.transaction(() => {
    const position = nextPosition(db, incidentId);
    const stepId = `custom-${position}`;
    id = Number(
      db
        .prepare(
          `INSERT INTO checklist_items(incident_id, playbook_id, step_id, position, phase, title_fr, title_en,
             detail_fr, detail_en, min_level, owner_role, unlocked_at, due_at, created_at, created_by)
           VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          incidentId,
          stepId,
          position,
          step.phase,
          title.fr,
          title.en,
          detail.fr,
          detail.en,
          incident.level,
          step.owner ?? null,
          now,
          step.dueAt ?? null,
          now,
          actor,
        ).lastInsertRowid,
    );
    deps.incidents.addEvent(incidentId, now, 'checklist.added', actor, title[config.lang], {
      itemId: id,
      stepId,
      phase: step.phase,
      title,
      owner: step.owner ?? null,
      dueAt: step.dueAt ?? null,
    });
  })();
  return getItem(db, id);
}
