// A playbook applied to an incident becomes checklist_items: grouped by phase, unlocked by level
// (raising the level unlocks steps and sets their due time), done/skipped with who, when and a
// comment, overdue when due_at < now and still to do. Custom steps can be added. Every change is a
// timeline event (playbook.applied, checklist.unlocked, checklist.done, checklist.skipped,
// checklist.reopened, checklist.commented, checklist.rescheduled, checklist.added).
// Also: the per-level update cadence reminder (nextUpdateDue).
import type { Database } from 'better-sqlite3';
import { VigieError } from '../errors';
import { IncidentsRepo } from '../store/incidents-repo';
import { ClocksRepo } from './clocks';
import {
  levelLabel,
  levelRank,
  type CrisisConfig,
  type Lang,
  type Localized,
  type Role,
  isRole,
} from './config';
import {
  optionalText,
  readIncident,
  requiredActor,
  requiredText,
  requireNotClosed,
  resolveOptions,
  type CrisisOptions,
} from './internal';
import { levelReachedAt } from './level-history';
import type { Playbook } from './playbooks/schema';

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

interface ItemRow {
  id: number;
  incident_id: string;
  playbook_id: string | null;
  step_id: string;
  position: number;
  phase: string;
  title_fr: string;
  title_en: string;
  detail_fr: string;
  detail_en: string;
  min_level: string;
  owner_role: string | null;
  due_from: string | null;
  due_offset_ms: number | null;
  template_id: string | null;
  starts_clock: string | null;
  stops_clock: string | null;
  opens: string | null;
  unlocked_at: number | null;
  due_at: number | null;
  status: ChecklistStatus;
  done_at: number | null;
  done_by: string | null;
  note: string;
  created_at: number;
  created_by: string | null;
}

const toItem = (r: ItemRow): ChecklistItem => ({
  id: r.id,
  incidentId: r.incident_id,
  playbookId: r.playbook_id,
  stepId: r.step_id,
  position: r.position,
  phase: r.phase,
  title: { fr: r.title_fr, en: r.title_en },
  detail: { fr: r.detail_fr, en: r.detail_en },
  minLevel: r.min_level,
  owner: r.owner_role !== null && isRole(r.owner_role) ? r.owner_role : null,
  dueFrom: r.due_from,
  dueOffsetMs: r.due_offset_ms,
  templateId: r.template_id,
  startsClock: r.starts_clock,
  stopsClock: r.stops_clock,
  opens: r.opens,
  unlockedAt: r.unlocked_at,
  dueAt: r.due_at,
  status: r.status,
  doneAt: r.done_at,
  doneBy: r.done_by,
  note: r.note,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

const ref = (i: ChecklistItem) => ({
  itemId: i.id,
  playbookId: i.playbookId,
  stepId: i.stepId,
  phase: i.phase,
  title: i.title,
});

export interface NewCustomStep {
  phase: string;
  title: string | Localized;
  detail?: string | Localized;
  owner?: Role | null;
  /** A fixed due time; none when absent. */
  dueAt?: number | null;
}

export class ChecklistRepo {
  private readonly now: () => number;
  private readonly config: CrisisConfig;
  private readonly incidents: IncidentsRepo;
  private readonly clocks: ClocksRepo;

  constructor(
    private readonly db: Database,
    opts: CrisisOptions = {},
  ) {
    ({ now: this.now, config: this.config } = resolveOptions(opts));
    this.incidents = new IncidentsRepo(db);
    this.clocks = new ClocksRepo(db, opts);
  }

  /**
   * Applies a playbook: one item per step, those at or below the incident's level unlocked now with
   * their due times, the playbook's clocks declared. Event `playbook.applied`.
   */
  apply(incidentId: string, playbook: Playbook, actor: string): ChecklistItem[] {
    requiredActor(actor);
    const incident = readIncident(this.db, incidentId);
    requireNotClosed(incident, 'apply a playbook');
    const already = this.db
      .prepare('SELECT 1 FROM checklist_items WHERE incident_id = ? AND playbook_id = ? LIMIT 1')
      .get(incidentId, playbook.id);
    if (already) {
      throw new VigieError(
        'already_applied',
        `Playbook "${playbook.title.en}" is already applied to this incident.`,
      );
    }
    for (const s of playbook.steps) {
      if (levelRank(this.config, s.minLevel) < 0) {
        throw new VigieError(
          'bad_playbook',
          `${playbook.file}: step ${s.id}: unknown level "${s.minLevel}".`,
        );
      }
    }
    const now = this.now();
    this.db.transaction(() => {
      let position = this.nextPosition(incidentId);
      const insert = this.db.prepare(
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
      this.incidents.addEvent(incidentId, now, 'playbook.applied', actor, playbook.title[this.config.lang], {
        playbookId: playbook.id,
        revision: playbook.revision,
        title: playbook.title,
        steps: playbook.steps.length,
      });
      this.clocks.declare(incidentId, playbook, actor);
      this.unlockUpTo(incidentId, incident.level, actor);
    })();
    return this.list(incidentId).filter((i) => i.playbookId === playbook.id);
  }

  /**
   * Unlocks the locked steps whose minimum level is at or below `level` and sets their due times.
   * Called by LevelsService after a level change, in its transaction. Event `checklist.unlocked`
   * (none when nothing unlocks). Lowering the level never locks a step again.
   */
  unlockUpTo(incidentId: string, level: string, actor: string | null): ChecklistItem[] {
    const rank = levelRank(this.config, level);
    const incident = readIncident(this.db, incidentId);
    const now = this.now();
    const locked = this.list(incidentId).filter(
      (i) => i.unlockedAt === null && levelRank(this.config, i.minLevel) <= rank,
    );
    if (locked.length === 0) return [];
    const reached = new Map<string, number | null>();
    const clockStart = new Map(this.clocks.list(incidentId).map((c) => [c.clockId, c.startedAt]));
    const update = this.db.prepare('UPDATE checklist_items SET unlocked_at = ?, due_at = ? WHERE id = ?');
    this.db.transaction(() => {
      for (const item of locked) {
        if (!reached.has(item.minLevel)) {
          reached.set(item.minLevel, levelReachedAt(this.db, this.config, incident, item.minLevel) ?? now);
        }
        const dueAt = computeDueAt(item, {
          openedAt: incident.openedAt,
          levelReachedAt: reached.get(item.minLevel) ?? now,
          clockStartedAt: (id) => clockStart.get(id) ?? null,
        });
        update.run(now, dueAt, item.id);
      }
      this.incidents.addEvent(
        incidentId,
        now,
        'checklist.unlocked',
        actor,
        `${locked.length} · ${levelLabel(this.config, level, this.config.lang)}`,
        { level, itemIds: locked.map((i) => i.id), stepIds: locked.map((i) => i.stepId) },
      );
    })();
    return locked.map((i) => this.get(i.id));
  }

  get(itemId: number): ChecklistItem {
    const row = this.db.prepare('SELECT * FROM checklist_items WHERE id = ?').get(itemId) as
      ItemRow | undefined;
    if (!row) throw new VigieError('not_found', `No checklist item ${itemId}.`);
    return toItem(row);
  }

  list(incidentId: string): ChecklistItem[] {
    return (
      this.db
        .prepare('SELECT * FROM checklist_items WHERE incident_id = ? ORDER BY position, id')
        .all(incidentId) as ItemRow[]
    ).map(toItem);
  }

  overdue(incidentId: string, now = this.now()): ChecklistItem[] {
    return this.list(incidentId)
      .filter((i) => isOverdue(i, now))
      .sort((a, b) => a.dueAt! - b.dueAt!);
  }

  /** The checklist screen: phases in the configured order, locked steps included (flagged). */
  view(incidentId: string, lang: Lang, now = this.now()): ChecklistPhaseView[] {
    const items = this.list(incidentId).map((i): ChecklistItemView => ({
      ...i,
      locked: i.unlockedAt === null,
      overdue: isOverdue(i, now),
      dueInMs: i.status === 'todo' && i.unlockedAt !== null && i.dueAt !== null ? i.dueAt - now : null,
    }));
    const order = this.config.phases.map((p) => p.id);
    const phases = [...order, ...new Set(items.map((i) => i.phase).filter((p) => !order.includes(p)))];
    return phases
      .map((phase) => {
        const its = items.filter((i) => i.phase === phase);
        return {
          phase,
          label: this.config.phases.find((p) => p.id === phase)?.label[lang] ?? phase,
          items: its,
          done: its.filter((i) => i.status !== 'todo').length,
          total: its.length,
          overdue: its.filter((i) => i.overdue).length,
        };
      })
      .filter((p) => p.total > 0);
  }

  /** Done, with an optional comment. Starts/stops the step's clock if it has one. Event `checklist.done`. */
  complete(itemId: number, actor: string, comment = ''): ChecklistItem {
    return this.close(itemId, 'done', actor, optionalText(comment, 'Comment'));
  }

  /** Not applicable here: a reason is required (the post-mortem will ask). Event `checklist.skipped`. */
  skip(itemId: number, actor: string, reason: string): ChecklistItem {
    return this.close(itemId, 'skipped', actor, requiredText(reason, 'The reason for skipping a step'));
  }

  /** Back to do (done too early, skipped by mistake). Event `checklist.reopened`. */
  reopen(itemId: number, actor: string, reason = ''): ChecklistItem {
    requiredActor(actor);
    const item = this.get(itemId);
    requireNotClosed(readIncident(this.db, item.incidentId), 'change its checklist');
    if (item.status === 'todo') return item;
    const now = this.now();
    this.db.transaction(() => {
      this.db
        .prepare(`UPDATE checklist_items SET status = 'todo', done_at = NULL, done_by = NULL WHERE id = ?`)
        .run(itemId);
      this.incidents.addEvent(
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
    return this.get(itemId);
  }

  /** Adds to the item's note (kept with the item and as event `checklist.commented`). */
  comment(itemId: number, actor: string, text: string): ChecklistItem {
    requiredActor(actor);
    const body = requiredText(text, 'Comment');
    const item = this.get(itemId);
    const now = this.now();
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE checklist_items SET note = ? WHERE id = ?')
        .run(appendNote(item.note, actor, body), itemId);
      this.incidents.addEvent(item.incidentId, now, 'checklist.commented', actor, body, ref(item));
    })();
    return this.get(itemId);
  }

  /** Moves a step's due time (null: no deadline). Event `checklist.rescheduled` with from/to. */
  reschedule(itemId: number, dueAt: number | null, actor: string, reason: string): ChecklistItem {
    requiredActor(actor);
    const why = requiredText(reason, 'The reason for moving a deadline');
    const item = this.get(itemId);
    requireNotClosed(readIncident(this.db, item.incidentId), 'change its checklist');
    const now = this.now();
    this.db.transaction(() => {
      // The step no longer follows its anchor: a later clock or level change must not move it back.
      this.db
        .prepare('UPDATE checklist_items SET due_at = ?, due_from = NULL, due_offset_ms = NULL WHERE id = ?')
        .run(dueAt, itemId);
      this.incidents.addEvent(item.incidentId, now, 'checklist.rescheduled', actor, why, {
        ...ref(item),
        from: item.dueAt,
        to: dueAt,
      });
    })();
    return this.get(itemId);
  }

  /** A step the playbook did not foresee: unlocked at once. Event `checklist.added`. */
  addCustom(incidentId: string, step: NewCustomStep, actor: string): ChecklistItem {
    requiredActor(actor);
    const incident = readIncident(this.db, incidentId);
    requireNotClosed(incident, 'add a step');
    if (!this.config.phases.some((p) => p.id === step.phase)) {
      throw new VigieError(
        'bad_request',
        `Unknown phase "${step.phase}"; expected one of ${this.config.phases.map((p) => p.id).join(', ')}.`,
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
    const now = this.now();
    let id = 0;
    this.db.transaction(() => {
      const position = this.nextPosition(incidentId);
      const stepId = `custom-${position}`;
      id = Number(
        this.db
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
      this.incidents.addEvent(incidentId, now, 'checklist.added', actor, title[this.config.lang], {
        itemId: id,
        stepId,
        phase: step.phase,
        title,
        owner: step.owner ?? null,
        dueAt: step.dueAt ?? null,
      });
    })();
    return this.get(id);
  }

  private close(itemId: number, status: 'done' | 'skipped', actor: string, comment: string): ChecklistItem {
    requiredActor(actor);
    const item = this.get(itemId);
    requireNotClosed(readIncident(this.db, item.incidentId), 'change its checklist');
    if (item.unlockedAt === null) {
      throw new VigieError(
        'step_locked',
        `"${item.title.en}" unlocks at level ${item.minLevel}: raise the level or add a custom step.`,
      );
    }
    if (item.status !== 'todo') {
      throw new VigieError(
        'already_closed',
        `"${item.title.en}" is already ${item.status}: reopen it first.`,
      );
    }
    const now = this.now();
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE checklist_items SET status = ?, done_at = ?, done_by = ?, note = ? WHERE id = ?')
        .run(status, now, actor, comment ? appendNote(item.note, actor, comment) : item.note, itemId);
      this.incidents.addEvent(item.incidentId, now, `checklist.${status}`, actor, comment, {
        ...ref(item),
        dueAt: item.dueAt,
        late: item.dueAt !== null && item.dueAt < now,
      });
      if (status === 'done') this.runClockHooks(item, actor);
    })();
    return this.get(itemId);
  }

  private runClockHooks(item: ChecklistItem, actor: string): void {
    if (item.startsClock) {
      const clock = this.clocks.get(item.incidentId, item.startsClock);
      if (clock.startedAt === null)
        this.clocks.start(item.incidentId, item.startsClock, this.now(), actor, '');
    }
    if (item.stopsClock) {
      const clock = this.clocks.get(item.incidentId, item.stopsClock);
      if (clock.startedAt === null) {
        throw new VigieError(
          'clock_not_started',
          `"${item.title.en}" meets the clock "${clock.label.en}", which has not started: record when it started first.`,
        );
      }
      this.clocks.met(item.incidentId, item.stopsClock, actor, item.title[this.config.lang]);
    }
  }

  private nextPosition(incidentId: string): number {
    const row = this.db
      .prepare('SELECT COALESCE(MAX(position), -1) + 1 AS p FROM checklist_items WHERE incident_id = ?')
      .get(incidentId) as { p: number };
    return row.p;
  }
}

function appendNote(note: string, actor: string, text: string): string {
  return note ? `${note}\n${actor}: ${text}` : `${actor}: ${text}`;
}
