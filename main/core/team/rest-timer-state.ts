// The rest timer's persisted state and the events it accepts (zod), with creation and (de)serialization.
import { z } from 'zod';
import {
  BREAK_KINDS,
  restTimerConfigSchema,
  type BreakKind,
  type RestTimerConfig,
} from './rest-timer-config';

export const TIMER_STATUSES = [
  'off_duty',
  'working',
  'micro_due',
  'break_due',
  'on_break',
  'overdue',
  'duty_limit',
  'daily_limit',
] as const;
export type TimerStatus = (typeof TIMER_STATUSES)[number];

const ms = z.number().int().nonnegative();

const breakClockSchema = z.object({
  /** When the clock last started counting (break taken, skipped, natural, duty start…). */
  lastResetAt: ms,
  postponedUntil: ms.nullable(),
  postponesUsed: z.number().int().nonnegative(),
  /** Set when the lead imposed this break: due at once, no postpone, no skip. */
  imposedAt: ms.nullable(),
});
type BreakClock = z.infer<typeof breakClockSchema>;

export const JOURNAL_TYPES = [
  'duty_started',
  'duty_ended',
  'break_started',
  'break_taken',
  'break_cut_short',
  'break_natural',
  'break_skipped',
  'break_postponed',
  'break_imposed',
  'strict_on',
  'strict_off',
  'duty_limit_reached',
  'daily_limit_reached',
  'config_changed',
] as const;
export type JournalType = (typeof JOURNAL_TYPES)[number];

export const journalEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: ms,
  type: z.enum(JOURNAL_TYPES),
  kind: z.enum(BREAK_KINDS).nullable(),
  /** Start of the break / idle period / stint this entry closes, when it has one. */
  startedAt: ms.nullable(),
  /** Duration (break, idle period, duty segment) or postpone length. */
  durationMs: ms.nullable(),
  /** When the break was due, for skipped / postponed / taken breaks. */
  dueAt: ms.nullable(),
  by: z.string().nullable(),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

export const timerStateSchema = z.object({
  v: z.literal(1),
  config: restTimerConfigSchema,
  phase: z.enum(['off_duty', 'working', 'on_break']),
  /** Status derived at `lastAt` (kept for queries such as "who is overdue"). */
  status: z.enum(TIMER_STATUSES),
  lastAt: ms,
  strictImposed: z.boolean(),
  strictBy: z.string().nullable(),
  segmentStartedAt: ms.nullable(),
  stint: z.object({ startedAt: ms.nullable(), accumulatedMs: ms }),
  day: z.object({ startedAt: ms.nullable(), accumulatedMs: ms }),
  lastDutyEndedAt: ms.nullable(),
  lastActivityAt: ms.nullable(),
  /** End of the last credited rest break (explicit, natural or off duty long enough). */
  lastRealBreakAt: ms.nullable(),
  lastNatural: z.object({ startedAt: ms, endedAt: ms }).nullable(),
  micro: breakClockSchema,
  rest: breakClockSchema,
  currentBreak: z
    .object({ kind: z.enum(BREAK_KINDS), startedAt: ms, dueAt: ms.nullable(), imposed: z.boolean() })
    .nullable(),
  /** Counters for the current duty day. */
  counts: z.object({
    taken: z.number().int().nonnegative(),
    natural: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
    postponed: z.number().int().nonnegative(),
    cutShort: z.number().int().nonnegative(),
  }),
  limitsReached: z.object({ duty: z.boolean(), daily: z.boolean() }),
  seq: z.number().int().nonnegative(),
  journal: z.array(journalEntrySchema),
  lastRejected: z.object({ at: ms, event: z.string(), reason: z.string() }).nullable(),
});
export type TimerState = z.infer<typeof timerStateSchema>;

// ---------------------------------------------------------------------------------------------
// Events

const atMs = z.number().int().nonnegative();
/** Events as they may cross the contract (the reducer checks them again). */
export const timerEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start_duty'), at: atMs }),
  z.object({ type: z.literal('end_duty'), at: atMs }),
  z.object({ type: z.literal('activity'), at: atMs }),
  z.object({ type: z.literal('idle'), at: atMs, durationMs: ms }),
  z.object({ type: z.literal('tick'), at: atMs }),
  z.object({ type: z.literal('postpone'), at: atMs, ms: ms.optional() }),
  z.object({ type: z.literal('skip'), at: atMs }),
  z.object({ type: z.literal('start_break'), at: atMs, kind: z.enum(BREAK_KINDS).optional() }),
  z.object({ type: z.literal('end_break'), at: atMs }),
  z.object({
    type: z.literal('lead_impose'),
    at: atMs,
    by: z.string().min(1),
    strict: z.boolean().optional(),
    breakKind: z.enum(BREAK_KINDS).optional(),
  }),
  z.object({
    type: z.literal('configure'),
    at: atMs,
    config: restTimerConfigSchema,
    by: z.string().optional(),
  }),
]);

export type TimerEvent =
  | { type: 'start_duty'; at: number }
  | { type: 'end_duty'; at: number }
  | { type: 'activity'; at: number }
  /** At `at`, no input for `durationMs` (system idle time). */
  | { type: 'idle'; at: number; durationMs: number }
  | { type: 'tick'; at: number }
  | { type: 'postpone'; at: number; ms?: number }
  | { type: 'skip'; at: number }
  | { type: 'start_break'; at: number; kind?: BreakKind }
  | { type: 'end_break'; at: number }
  | { type: 'lead_impose'; at: number; by: string; strict?: boolean; breakKind?: BreakKind }
  | { type: 'configure'; at: number; config: RestTimerConfig; by?: string };

export type RejectReason =
  | 'invalid_event'
  | 'not_on_duty'
  | 'already_on_duty'
  | 'on_break'
  | 'not_on_break'
  | 'strict_mode'
  | 'imposed_break'
  | 'not_due'
  | 'no_postpones_left'
  | 'break_disabled';

export function createTimer(config: RestTimerConfig, now: number): TimerState {
  const cfg = restTimerConfigSchema.parse(config);
  const clock = (): BreakClock => ({
    lastResetAt: now,
    postponedUntil: null,
    postponesUsed: 0,
    imposedAt: null,
  });
  return {
    v: 1,
    config: cfg,
    phase: 'off_duty',
    status: 'off_duty',
    lastAt: now,
    strictImposed: false,
    strictBy: null,
    segmentStartedAt: null,
    stint: { startedAt: null, accumulatedMs: 0 },
    day: { startedAt: null, accumulatedMs: 0 },
    lastDutyEndedAt: null,
    lastActivityAt: null,
    lastRealBreakAt: null,
    lastNatural: null,
    micro: clock(),
    rest: clock(),
    currentBreak: null,
    counts: { taken: 0, natural: 0, skipped: 0, postponed: 0, cutShort: 0 },
    limitsReached: { duty: false, daily: false },
    seq: 0,
    journal: [],
    lastRejected: null,
  };
}

export function serializeTimer(state: TimerState): string {
  return JSON.stringify(state);
}

/** Reads a persisted state back; throws (zod) when it is not a valid timer state. */
export function parseTimer(json: string | unknown): TimerState {
  return timerStateSchema.parse(typeof json === 'string' ? JSON.parse(json) : json);
}
