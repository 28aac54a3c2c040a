// The timer's journal: appending entries (bounded), reading the new ones, and their `breaks` table rows.
import type { BreakKind } from './rest-timer-config';
import type { JournalEntry, JournalType, TimerState } from './rest-timer-state';

export const JOURNAL_MAX = 500;

/** Journal entries newer than `seq` (what the store has not written yet). */
export function journalSince(state: TimerState, seq: number): JournalEntry[] {
  return state.journal.filter((e) => e.seq > seq);
}

const BREAK_OUTCOMES = {
  break_started: 'started',
  break_taken: 'taken',
  break_cut_short: 'cut_short',
  break_natural: 'natural',
  break_skipped: 'skipped',
  break_postponed: 'postponed',
  break_imposed: 'imposed',
} as const;
export type BreakOutcome = (typeof BREAK_OUTCOMES)[keyof typeof BREAK_OUTCOMES];

/** Row for the `breaks` table (schema.sql.ts), or null for entries that are not about a break. */
export function breakRow(
  memberId: string,
  e: JournalEntry,
): {
  member_id: string;
  seq: number;
  at: number;
  kind: BreakKind | null;
  outcome: BreakOutcome;
  started_at: number | null;
  duration_ms: number | null;
  due_at: number | null;
  by: string | null;
} | null {
  const outcome = (BREAK_OUTCOMES as Record<string, BreakOutcome | undefined>)[e.type];
  if (!outcome) return null;
  return {
    member_id: memberId,
    seq: e.seq,
    at: e.at,
    kind: e.kind,
    outcome,
    started_at: e.startedAt,
    duration_ms: e.durationMs,
    due_at: e.dueAt,
    by: e.by,
  };
}

export function log(s: TimerState, entry: Partial<JournalEntry> & { at: number; type: JournalType }): void {
  s.seq += 1;
  s.journal.push({
    seq: s.seq,
    at: entry.at,
    type: entry.type,
    kind: entry.kind ?? null,
    startedAt: entry.startedAt ?? null,
    durationMs: entry.durationMs ?? null,
    dueAt: entry.dueAt ?? null,
    by: entry.by ?? null,
  });
  if (s.journal.length > JOURNAL_MAX) s.journal.splice(0, s.journal.length - JOURNAL_MAX);
}
