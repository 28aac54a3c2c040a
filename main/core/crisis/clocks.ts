// Regulatory and contractual clocks declared by playbooks, e.g. the GDPR 72-hour notification to the
// supervisory authority (CNIL), counted from the moment the organisation became AWARE of the breach
// (art. 33), which may be earlier than the moment someone records it, or earlier than the cell.
import type { Database } from 'better-sqlite3';
import { VigieError } from '../errors';
import { IncidentsRepo } from '../store/incidents-repo';
import type { Localized } from './config';
import {
  readIncident,
  requiredActor,
  optionalText,
  requiredText,
  resolveOptions,
  type CrisisOptions,
} from './internal';
import type { Playbook } from './playbooks/schema';

export interface IncidentClock {
  incidentId: string;
  clockId: string;
  playbookId: string;
  label: Localized;
  durationMs: number;
  startOn: 'opening' | 'manual';
  /** The moment counted from (awareness), null until started. */
  startedAt: number | null;
  startedBy: string | null;
  /** When someone entered startedAt. */
  recordedAt: number | null;
  metAt: number | null;
  metBy: string | null;
  deadlineAt: number | null;
}

export type ClockState = 'not_started' | 'running' | 'expired' | 'met';

export interface ClockCountdown {
  clockId: string;
  label: Localized;
  state: ClockState;
  startedAt: number | null;
  deadlineAt: number | null;
  /** Until the deadline (negative once expired); null when not started. Frozen once met. */
  remainingMs: number | null;
  /** Met: how long before (positive) or after (negative) the deadline. */
  marginMs: number | null;
  /** Raise it in the UI: not started yet, in its last quarter, or expired. */
  notify: boolean;
}

/** Pure: where a clock stands at `now`. */
export function clockCountdown(clock: IncidentClock, now: number): ClockCountdown {
  const base = { clockId: clock.clockId, label: clock.label, startedAt: clock.startedAt };
  if (clock.startedAt === null || clock.deadlineAt === null) {
    return {
      ...base,
      state: 'not_started',
      deadlineAt: null,
      remainingMs: null,
      marginMs: null,
      notify: true,
    };
  }
  if (clock.metAt !== null) {
    const margin = clock.deadlineAt - clock.metAt;
    return {
      ...base,
      state: 'met',
      deadlineAt: clock.deadlineAt,
      remainingMs: margin,
      marginMs: margin,
      notify: false,
    };
  }
  const remainingMs = clock.deadlineAt - now;
  return {
    ...base,
    state: remainingMs < 0 ? 'expired' : 'running',
    deadlineAt: clock.deadlineAt,
    remainingMs,
    marginMs: null,
    notify: remainingMs <= clock.durationMs / 4,
  };
}

interface ClockRow {
  incident_id: string;
  clock_id: string;
  playbook_id: string;
  label_fr: string;
  label_en: string;
  duration_ms: number;
  start_on: 'opening' | 'manual';
  started_at: number | null;
  started_by: string | null;
  recorded_at: number | null;
  met_at: number | null;
  met_by: string | null;
}

const toClock = (r: ClockRow): IncidentClock => ({
  incidentId: r.incident_id,
  clockId: r.clock_id,
  playbookId: r.playbook_id,
  label: { fr: r.label_fr, en: r.label_en },
  durationMs: r.duration_ms,
  startOn: r.start_on,
  startedAt: r.started_at,
  startedBy: r.started_by,
  recordedAt: r.recorded_at,
  metAt: r.met_at,
  metBy: r.met_by,
  deadlineAt: r.started_at === null ? null : r.started_at + r.duration_ms,
});

export class ClocksRepo {
  private readonly now: () => number;
  private readonly incidents: IncidentsRepo;

  constructor(
    private readonly db: Database,
    opts: CrisisOptions = {},
  ) {
    this.now = resolveOptions(opts).now;
    this.incidents = new IncidentsRepo(db);
  }

  /** Adds the playbook's clocks to the incident (a clock id already there is kept); starts 'opening' ones. */
  declare(incidentId: string, playbook: Playbook, actor: string): IncidentClock[] {
    const incident = readIncident(this.db, incidentId);
    this.db.transaction(() => {
      for (const c of playbook.clocks) {
        const inserted = this.db
          .prepare(
            `INSERT OR IGNORE INTO incident_clocks(incident_id, clock_id, playbook_id, label_fr, label_en, duration_ms, start_on)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(incidentId, c.id, playbook.id, c.title.fr, c.title.en, c.durationMs, c.start).changes;
        if (inserted && c.start === 'opening')
          this.writeStart(incidentId, c.id, incident.openedAt, actor, '');
      }
    })();
    return this.list(incidentId);
  }

  get(incidentId: string, clockId: string): IncidentClock {
    const row = this.db
      .prepare('SELECT * FROM incident_clocks WHERE incident_id = ? AND clock_id = ?')
      .get(incidentId, clockId) as ClockRow | undefined;
    if (!row) throw new VigieError('not_found', `Incident ${incidentId} has no clock "${clockId}".`);
    return toClock(row);
  }

  list(incidentId: string): IncidentClock[] {
    return (
      this.db
        .prepare('SELECT * FROM incident_clocks WHERE incident_id = ? ORDER BY clock_id')
        .all(incidentId) as ClockRow[]
    ).map(toClock);
  }

  countdowns(incidentId: string, now = this.now()): ClockCountdown[] {
    return this.list(incidentId).map((c) => clockCountdown(c, now));
  }

  /**
   * Starts a clock at `startedAt`, the moment it counts from (for GDPR: awareness), which may be in
   * the past. Timeline event `clock.started` at that moment, with when it was recorded.
   */
  start(incidentId: string, clockId: string, startedAt: number, actor: string, note = ''): IncidentClock {
    requiredActor(actor);
    const clock = this.get(incidentId, clockId);
    if (clock.startedAt !== null) {
      throw new VigieError(
        'clock_started',
        `The clock "${clock.label.en}" already started; correct its start with adjust (and say why).`,
      );
    }
    this.checkStart(startedAt);
    this.db.transaction(() =>
      this.writeStart(incidentId, clockId, startedAt, actor, optionalText(note, 'Note')),
    )();
    return this.get(incidentId, clockId);
  }

  /** Corrects the start (awareness was earlier or later than first entered). Event `clock.adjusted`. */
  adjust(
    incidentId: string,
    clockId: string,
    startedAt: number,
    actor: string,
    reason: string,
  ): IncidentClock {
    requiredActor(actor);
    const why = requiredText(reason, 'The reason for moving the clock');
    const clock = this.get(incidentId, clockId);
    if (clock.startedAt === null) return this.start(incidentId, clockId, startedAt, actor, why);
    this.checkStart(startedAt);
    const now = this.now();
    this.db.transaction(() => {
      this.db
        .prepare(
          'UPDATE incident_clocks SET started_at = ?, recorded_at = ? WHERE incident_id = ? AND clock_id = ?',
        )
        .run(startedAt, now, incidentId, clockId);
      this.redue(incidentId, clockId, startedAt);
      this.incidents.addEvent(incidentId, now, 'clock.adjusted', actor, why, {
        clockId,
        label: clock.label,
        from: clock.startedAt,
        to: startedAt,
        deadlineAt: startedAt + clock.durationMs,
      });
    })();
    return this.get(incidentId, clockId);
  }

  /** The obligation is met (e.g. notification filed). Event `clock.met` with the margin left. */
  met(incidentId: string, clockId: string, actor: string, note = '', at = this.now()): IncidentClock {
    requiredActor(actor);
    const clock = this.get(incidentId, clockId);
    if (clock.startedAt === null || clock.deadlineAt === null) {
      throw new VigieError(
        'clock_not_started',
        `The clock "${clock.label.en}" has not started: start it first.`,
      );
    }
    if (clock.metAt !== null) return clock;
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE incident_clocks SET met_at = ?, met_by = ? WHERE incident_id = ? AND clock_id = ?')
        .run(at, actor, incidentId, clockId);
      this.incidents.addEvent(incidentId, at, 'clock.met', actor, optionalText(note, 'Note'), {
        clockId,
        label: clock.label,
        startedAt: clock.startedAt,
        deadlineAt: clock.deadlineAt,
        marginMs: clock.deadlineAt! - at,
      });
    })();
    return this.get(incidentId, clockId);
  }

  private checkStart(startedAt: number): void {
    if (!Number.isFinite(startedAt)) throw new VigieError('bad_request', 'The clock start must be a time.');
    if (startedAt > this.now()) {
      throw new VigieError(
        'bad_request',
        'A clock cannot start in the future: enter when it actually started.',
      );
    }
  }

  private writeStart(
    incidentId: string,
    clockId: string,
    startedAt: number,
    actor: string,
    note: string,
  ): void {
    const clock = this.get(incidentId, clockId);
    const recordedAt = this.now();
    this.db
      .prepare(
        'UPDATE incident_clocks SET started_at = ?, started_by = ?, recorded_at = ? WHERE incident_id = ? AND clock_id = ?',
      )
      .run(startedAt, actor, recordedAt, incidentId, clockId);
    this.redue(incidentId, clockId, startedAt);
    this.incidents.addEvent(incidentId, startedAt, 'clock.started', actor, note, {
      clockId,
      label: clock.label,
      startedAt,
      recordedAt,
      durationMs: clock.durationMs,
      deadlineAt: startedAt + clock.durationMs,
    });
  }

  /** Checklist steps due "after X from clock:<id>" get their due time once the clock has a start. */
  private redue(incidentId: string, clockId: string, startedAt: number): void {
    this.db
      .prepare(
        `UPDATE checklist_items SET due_at = ? + due_offset_ms
         WHERE incident_id = ? AND due_from = ? AND unlocked_at IS NOT NULL`,
      )
      .run(startedAt, incidentId, `clock:${clockId}`);
  }
}
