// Applying a playbook to an incident (one checklist item per step) and unlocking its steps as the
// level rises, with their due times. Events playbook.applied and checklist.unlocked.
import { VigieError } from '../errors';
import { levelLabel, levelRank } from './config';
import { computeDueAt, type ChecklistItem } from './checklist-model';
import { getItem, listItems, nextPosition, type ChecklistDeps } from './checklist-rows';
import { readIncident, requiredActor, requireNotClosed } from './internal';
import { levelReachedAt } from './level-history';
import type { Playbook } from './playbooks/schema';

/**
 * Applies a playbook: one item per step, those at or below the incident's level unlocked now with
 * their due times, the playbook's clocks declared. Event `playbook.applied`.
 */
export function applyPlaybook(
  deps: ChecklistDeps,
  incidentId: string,
  playbook: Playbook,
  actor: string,
): ChecklistItem[] {
  const { db, config } = deps;
  requiredActor(actor);
  const incident = readIncident(db, incidentId);
  requireNotClosed(incident, 'apply a playbook');
  const already = db
    .prepare('SELECT 1 FROM checklist_items WHERE incident_id = ? AND playbook_id = ? LIMIT 1')
    .get(incidentId, playbook.id);
  if (already) {
    throw new VigieError(
      'already_applied',
      `Playbook "${playbook.title.en}" is already applied to this incident.`,
    );
  }
  for (const s of playbook.steps) {
    if (levelRank(config, s.minLevel) < 0) {
      throw new VigieError('bad_playbook', `${playbook.file}: step ${s.id}: unknown level "${s.minLevel}".`);
    }
  }
  const now = deps.now();
  db.transaction(() => {
    let position = nextPosition(db, incidentId);
    const insert = db.prepare(
      `INSERT INTO checklist_items(incident_id, playbook_id, step_id, position, phase, title_fr, title_en,
         detail_fr, detail_en, min_level, owner_role, due_from, due_offset_ms, template_id, starts_clock,
         stops_clock, opens, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const s of playbook.steps) {
      insert.run(
        incidentId,
        playbook.id,
        s.id,
        position++,
        s.phase,
        s.title.fr,
        s.title.en,
        s.detail.fr,
        s.detail.en,
        s.minLevel,
        s.owner,
        s.due?.from ?? null,
        s.due?.afterMs ?? null,
        s.template,
        s.startsClock,
        s.stopsClock,
        s.opens,
        now,
        actor,
      );
    }
    deps.incidents.addEvent(incidentId, now, 'playbook.applied', actor, playbook.title[config.lang], {
      playbookId: playbook.id,
      revision: playbook.revision,
      title: playbook.title,
      steps: playbook.steps.length,
    });
    deps.clocks.declare(incidentId, playbook, actor);
    unlockStepsUpTo(deps, incidentId, incident.level, actor);
  })();
  return listItems(db, incidentId).filter((i) => i.playbookId === playbook.id);
}

/**
 * Unlocks the locked steps whose minimum level is at or below `level` and sets their due times.
 * Called by LevelsService after a level change, in its transaction. Event `checklist.unlocked`
 * (none when nothing unlocks). Lowering the level never locks a step again.
 */
export function unlockStepsUpTo(
  deps: ChecklistDeps,
  incidentId: string,
  level: string,
  actor: string | null,
): ChecklistItem[] {
  const { db, config } = deps;
  const rank = levelRank(config, level);
  const incident = readIncident(db, incidentId);
  const now = deps.now();
  const locked = listItems(db, incidentId).filter(
    (i) => i.unlockedAt === null && levelRank(config, i.minLevel) <= rank,
  );
  if (locked.length === 0) return [];
  const reached = new Map<string, number | null>();
  const clockStart = new Map(deps.clocks.list(incidentId).map((c) => [c.clockId, c.startedAt]));
  const update = db.prepare('UPDATE checklist_items SET unlocked_at = ?, due_at = ? WHERE id = ?');
  db.transaction(() => {
    for (const item of locked) {
      if (!reached.has(item.minLevel)) {
        reached.set(item.minLevel, levelReachedAt(db, config, incident, item.minLevel) ?? now);
      }
      const dueAt = computeDueAt(item, {
        openedAt: incident.openedAt,
        levelReachedAt: reached.get(item.minLevel) ?? now,
        clockStartedAt: (id) => clockStart.get(id) ?? null,
      });
      update.run(now, dueAt, item.id);
    }
    deps.incidents.addEvent(
      incidentId,
      now,
      'checklist.unlocked',
      actor,
      `${locked.length} · ${levelLabel(config, level, config.lang)}`,
      { level, itemIds: locked.map((i) => i.id), stepIds: locked.map((i) => i.stepId) },
    );
  })();
  return locked.map((i) => getItem(db, i.id));
}
