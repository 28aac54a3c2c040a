// Persists each member's rest-timer state (rest-timer.ts) and mirrors its journal into `breaks` and
// `shifts` in the same transaction, so the history is exactly what the state machine decided.
import type { Database } from 'better-sqlite3';
import {
  breakRow,
  createTimer,
  journalSince,
  parseTimer,
  reduce,
  serializeTimer,
  view,
  type RestTimerConfig,
  type TimerEvent,
  type TimerState,
} from './rest-timer';

export interface StoredTimer {
  state: TimerState;
  journalSeq: number;
}

export class TimersRepo {
  constructor(private readonly db: Database) {}

  get(memberId: string): StoredTimer | null {
    const row = this.db
      .prepare('SELECT state, journal_seq FROM rest_timers WHERE member_id = ?')
      .get(memberId) as { state: string; journal_seq: number } | undefined;
    if (!row) return null;
    return { state: parseTimer(row.state), journalSeq: row.journal_seq };
  }

  /** The member's timer, created (off duty) with the cell's configuration when missing. */
  getOrCreate(memberId: string, config: RestTimerConfig, now: number): StoredTimer {
    const found = this.get(memberId);
    if (found) return found;
    const state = createTimer(config, now);
    this.save(memberId, { state, journalSeq: 0 }, state, null);
    return { state, journalSeq: 0 };
  }

  /**
   * Applies one event and stores the result with its new journal entries. Returns the new state and
   * whether the event was refused (`lastRejected` set by this very event).
   */
  apply(
    memberId: string,
    stored: StoredTimer,
    event: TimerEvent,
    context: { incidentId: string | null; role: string | null },
  ): { state: TimerState; rejected: { reason: string } | null } {
    const before = stored.state;
    const next = reduce(before, event);
    // A successful event always clears lastRejected; a refused one sets it and changes nothing else.
    const rejected = next.lastRejected ? { reason: next.lastRejected.reason } : null;
    if (rejected) return { state: before, rejected };
    this.save(memberId, stored, next, context);
    return { state: next, rejected: null };
  }

  /**
   * Moves the clock to `at`; stores the state only when its derived status or its journal moved
   * (limits reached), so a tick every second writes nothing most of the time.
   */
  tick(
    memberId: string,
    stored: StoredTimer,
    at: number,
    context: { incidentId: string | null; role: string | null },
  ): TimerState {
    const next = reduce(stored.state, { type: 'tick', at });
    if (next.seq === stored.state.seq && view(next, at).state === stored.state.status) return next;
    this.save(memberId, stored, next, context);
    return stored.state;
  }

  private save(
    memberId: string,
    stored: StoredTimer,
    next: TimerState,
    context: { incidentId: string | null; role: string | null } | null,
  ): void {
    const status = view(next, next.lastAt).state;
    const state: TimerState = { ...next, status };
    const entries = journalSince(state, stored.journalSeq);
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO rest_timers(member_id, state, status, journal_seq, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT(member_id) DO UPDATE SET state = excluded.state, status = excluded.status,
             journal_seq = excluded.journal_seq, updated_at = excluded.updated_at`,
        )
        .run(memberId, serializeTimer(state), status, state.seq, state.lastAt);
      const insertBreak = this.db.prepare(
        `INSERT OR IGNORE INTO breaks(member_id, shift_id, seq, at, kind, outcome, started_at, duration_ms, due_at, by)
         VALUES (@member_id, @shift_id, @seq, @at, @kind, @outcome, @started_at, @duration_ms, @due_at, @by)`,
      );
      for (const e of entries) {
        if (e.type === 'duty_started') {
          this.db
            .prepare(
              `INSERT INTO shifts(member_id, incident_id, role, started_at)
               SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM shifts WHERE member_id = ? AND ended_at IS NULL)`,
            )
            .run(memberId, context?.incidentId ?? null, context?.role ?? null, e.at, memberId);
          continue;
        }
        if (e.type === 'duty_ended') {
          this.db
            .prepare(
              'UPDATE shifts SET ended_at = max(started_at, ?) WHERE member_id = ? AND ended_at IS NULL',
            )
            .run(e.at, memberId);
          continue;
        }
        const row = breakRow(memberId, e);
        if (!row) continue;
        const shift = this.db
          .prepare('SELECT id FROM shifts WHERE member_id = ? AND ended_at IS NULL')
          .get(memberId) as { id: number } | undefined;
        insertBreak.run({ ...row, shift_id: shift?.id ?? null });
      }
    })();
    stored.state = state;
    stored.journalSeq = state.seq;
  }

  /** When the current shift started (open row of `shifts`). */
  openShiftStart(memberId: string): number | null {
    const row = this.db
      .prepare('SELECT started_at FROM shifts WHERE member_id = ? AND ended_at IS NULL')
      .get(memberId) as { started_at: number } | undefined;
    return row?.started_at ?? null;
  }
}
