/**
 * Per-member rest timer: a pure state machine in the spirit of Stretchly and Workrave.
 *
 * Everything is driven by events that carry their own time (`at`, ms UTC); nothing here reads the
 * clock. `reduce(state, event)` returns a new state and never mutates its input; `view(state, now)`
 * derives what the screens show at any instant. The state is plain JSON: persist it with
 * `serializeTimer` and read it back with `parseTimer` (validated).
 *
 * Model
 * - The member is `off_duty`, `working` or `on_break` (the stored `phase`). Every other status is
 *   derived from time: `micro_due`, `break_due` (a rest break), `overdue`, `duty_limit`,
 *   `daily_limit`. Precedence while working: daily_limit > duty_limit > overdue > break_due >
 *   micro_due > working.
 * - Two break kinds, each with its own clock: `micro` (e.g. 20 s every 15 min) and `rest` (e.g.
 *   10 min every 50 min). A break is due `intervalMs` after the clock was last reset, later if it
 *   was postponed, at once if the lead imposed it. It becomes overdue `overdueAfterMs` after it was
 *   due. A warning is shown `warnBeforeMs` before it is due.
 * - A break counts ("credited") when it lasted at least `creditRatio` × its duration. A credited rest
 *   break also resets the micro clock; a rest break that was cut short but lasted a micro break
 *   still credits the micro break.
 * - Natural breaks: for the local user, an idle period (no input) of at least a credited micro
 *   break resets the micro clock, and one of a credited rest break resets both. Idle periods come
 *   from `idle(at, durationMs)` ("at `at`, no input for `durationMs`", as Electron's
 *   `powerMonitor.getSystemIdleTime()` reports it) or from gaps between `activity(at)` events
 *   minus `activityGranularityMs` (the feeder must send activity at least that often while the
 *   user is active). Overlapping reports of one idle period count once. Feed both from the
 *   system-wide idle time (the main process polls `powerMonitor.getSystemIdleTime()`), never from
 *   input inside Vigie's window alone: a member working in a browser next to Vigie is not idle.
 *   Only the local member gets these events; other members' timers run on wall-clock time.
 * - Postpone: only when the next break is due or in its warning window, at most `maxPostpones`
 *   times per break, each for at most `postponeMaxMs` counted from when it was due. Skip: same
 *   window; recorded and counted against wellbeing. In strict mode (cell config or imposed by the
 *   lead) and for a break the lead imposed, both are refused.
 * - Continuous duty ("stint") counts time on duty, breaks included, since the member came on duty;
 *   going off duty for less than `stintResetAfterMs` does not start a new stint.
 * - Daily limit counts time on duty, breaks included, since the start of the "duty day". A duty day
 *   ends after `dailyResetAfterMs` off duty (11 h by default, the EU minimum daily rest), not at
 *   midnight: a night shift from 20:00 to 04:00 is one day of 8 h.
 * - Time never goes backwards: an event older than the last one seen is applied at the last time
 *   seen.
 * - A refused event leaves the state as it was except `lastRejected` (reason for the UI).
 * - `journal` lists what happened (breaks taken, skipped, postponed, natural, limits reached…) with
 *   a monotonic `seq`; the store appends the entries newer than its last seq (see `journalSince`)
 *   to the `breaks` table. Only the last JOURNAL_MAX entries are kept in the state.
 */
import { z } from 'zod';
import { formatDuration, HOUR, MINUTE } from './format';

export const BREAK_KINDS = ['micro', 'rest'] as const;
export type BreakKind = (typeof BREAK_KINDS)[number];

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

export const JOURNAL_MAX = 500;

const ms = z.number().int().nonnegative();
const positiveMs = z.number().int().positive();

export const breakConfigSchema = z.object({
  enabled: z.boolean(),
  /** Working time between two breaks of this kind. */
  intervalMs: positiveMs,
  /** Length of the break. */
  durationMs: positiveMs,
  /** Lead time of the warning before the break is due. */
  warnBeforeMs: ms,
  /** Grace after the due time before the break is overdue (the lead is told). */
  overdueAfterMs: ms,
  /** Postpones allowed per break. */
  maxPostpones: z.number().int().nonnegative(),
  /** Longest single postpone. */
  postponeMaxMs: ms,
});
export type BreakConfig = z.infer<typeof breakConfigSchema>;

export const restTimerConfigSchema = z.object({
  micro: breakConfigSchema,
  rest: breakConfigSchema,
  maxContinuousDutyMs: positiveMs,
  dailyLimitMs: positiveMs,
  /** Off duty at least this long starts a new stint (continuous duty back to 0). */
  stintResetAfterMs: positiveMs,
  /** Off duty at least this long starts a new duty day (daily count back to 0). */
  dailyResetAfterMs: positiveMs,
  /** Fraction of a break's duration that must be taken for it to count. */
  creditRatio: z.number().gt(0).max(1),
  /** Longest expected gap between two `activity` events while the user is active. */
  activityGranularityMs: ms,
  /** Cell-wide strict mode: no postpone, no skip. */
  strict: z.boolean(),
});
export type RestTimerConfig = z.infer<typeof restTimerConfigSchema>;

export const DEFAULT_TIMER_CONFIG: RestTimerConfig = {
  micro: {
    enabled: true,
    intervalMs: 15 * MINUTE,
    durationMs: 20_000,
    warnBeforeMs: 30_000,
    overdueAfterMs: 2 * MINUTE,
    maxPostpones: 2,
    postponeMaxMs: 2 * MINUTE,
  },
  rest: {
    enabled: true,
    intervalMs: 50 * MINUTE,
    durationMs: 10 * MINUTE,
    warnBeforeMs: 2 * MINUTE,
    overdueAfterMs: 5 * MINUTE,
    maxPostpones: 2,
    postponeMaxMs: 5 * MINUTE,
  },
  maxContinuousDutyMs: 2 * HOUR,
  dailyLimitMs: 8 * HOUR,
  stintResetAfterMs: 30 * MINUTE,
  dailyResetAfterMs: 11 * HOUR,
  creditRatio: 0.9,
  activityGranularityMs: 5_000,
  strict: false,
};

/** Merges a partial (e.g. a cell's settings) over the defaults and validates the result. */
export function timerConfig(partial: DeepPartial<RestTimerConfig> = {}): RestTimerConfig {
  return restTimerConfigSchema.parse({
    ...DEFAULT_TIMER_CONFIG,
    ...partial,
    micro: { ...DEFAULT_TIMER_CONFIG.micro, ...partial.micro },
    rest: { ...DEFAULT_TIMER_CONFIG.rest, ...partial.rest },
  });
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? Partial<T[K]> : T[K] };

// ---------------------------------------------------------------------------------------------
// State

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

// ---------------------------------------------------------------------------------------------
// Reducer

/** Pure: returns a new state, never mutates `state`. */
export function reduce(state: TimerState, event: TimerEvent): TimerState {
  const s: TimerState = structuredClone(state);
  const at = Math.max(Math.floor(event.at), s.lastAt);
  s.lastAt = at;
  const reason = timerEventSchema.safeParse(event).success ? apply(s, event, at) : 'invalid_event';
  if (reason) {
    const kept = structuredClone(state);
    kept.lastRejected = { at: Number.isFinite(at) ? at : state.lastAt, event: String(event.type), reason };
    return kept;
  }
  s.lastRejected = null;
  s.status = deriveStatus(s, at);
  noteLimits(s, at);
  return s;
}

function apply(s: TimerState, e: TimerEvent, at: number): RejectReason | null {
  switch (e.type) {
    case 'start_duty':
      return startDuty(s, at);
    case 'end_duty':
      if (s.phase === 'off_duty') return 'not_on_duty';
      if (s.phase === 'on_break') endBreak(s, at);
      endDuty(s, at);
      return null;
    case 'activity':
      return activity(s, at);
    case 'idle': {
      if (s.phase !== 'working') return null;
      const lastInput = Math.max(at - Math.max(0, Math.floor(e.durationMs)), s.segmentStartedAt ?? 0);
      // The report also tells when the last input was: a later activity gap starts there.
      s.lastActivityAt = Math.max(s.lastActivityAt ?? 0, lastInput);
      naturalBreak(s, lastInput, at);
      return null;
    }
    case 'tick':
      return null;
    case 'postpone':
      return postpone(s, at, e.ms);
    case 'skip':
      return skip(s, at);
    case 'start_break': {
      if (s.phase === 'off_duty') return 'not_on_duty';
      if (s.phase === 'on_break') return 'on_break';
      const kind = e.kind ?? nextBreak(s, at)?.kind ?? 'micro';
      if (!s.config[kind].enabled) return 'break_disabled';
      s.phase = 'on_break';
      const due = dueAt(s, kind);
      s.currentBreak = {
        kind,
        startedAt: at,
        dueAt: due <= at ? due : null,
        imposed: s[kind].imposedAt !== null,
      };
      log(s, { at, type: 'break_started', kind, startedAt: at, dueAt: s.currentBreak.dueAt });
      return null;
    }
    case 'end_break':
      if (s.phase !== 'on_break') return 'not_on_break';
      endBreak(s, at);
      return null;
    case 'lead_impose': {
      if (e.strict !== undefined && e.strict !== s.strictImposed) {
        s.strictImposed = e.strict;
        s.strictBy = e.strict ? e.by : null;
        log(s, { at, type: e.strict ? 'strict_on' : 'strict_off', by: e.by });
      }
      if (e.breakKind) {
        if (!s.config[e.breakKind].enabled) return 'break_disabled';
        s[e.breakKind].imposedAt = at;
        s[e.breakKind].postponedUntil = null;
        log(s, { at, type: 'break_imposed', kind: e.breakKind, dueAt: at, by: e.by });
      }
      return null;
    }
    case 'configure':
      s.config = restTimerConfigSchema.parse(e.config);
      log(s, { at, type: 'config_changed', by: e.by ?? null });
      return null;
  }
}

function startDuty(s: TimerState, at: number): RejectReason | null {
  if (s.phase !== 'off_duty') return 'already_on_duty';
  const cfg = s.config;
  const gap = s.lastDutyEndedAt === null ? Infinity : at - s.lastDutyEndedAt;
  if (gap >= cfg.dailyResetAfterMs || s.day.startedAt === null) {
    s.day = { startedAt: at, accumulatedMs: 0 };
    s.counts = { taken: 0, natural: 0, skipped: 0, postponed: 0, cutShort: 0 };
    s.limitsReached.daily = false;
  }
  if (gap >= cfg.stintResetAfterMs || s.stint.startedAt === null) {
    s.stint = { startedAt: at, accumulatedMs: 0 };
    s.limitsReached.duty = false;
  }
  // Time off duty is a break: long enough, it resets the break clocks.
  if (gap >= credit(cfg, 'rest')) {
    resetClock(s, 'rest', at);
    resetClock(s, 'micro', at);
    s.lastRealBreakAt = at;
  } else if (gap >= credit(cfg, 'micro')) {
    resetClock(s, 'micro', at);
  }
  s.phase = 'working';
  s.segmentStartedAt = at;
  s.lastActivityAt = at;
  s.lastNatural = null;
  log(s, { at, type: 'duty_started' });
  return null;
}

function endDuty(s: TimerState, at: number): void {
  const start = s.segmentStartedAt ?? at;
  const segment = at - start;
  s.stint.accumulatedMs += segment;
  s.day.accumulatedMs += segment;
  s.segmentStartedAt = null;
  s.lastDutyEndedAt = at;
  s.phase = 'off_duty';
  s.currentBreak = null;
  log(s, { at, type: 'duty_ended', startedAt: start, durationMs: segment });
}

function activity(s: TimerState, at: number): RejectReason | null {
  if (s.phase === 'working' && s.lastActivityAt !== null) {
    const idleEnd = at;
    const idleStart = s.lastActivityAt + s.config.activityGranularityMs;
    if (idleEnd > idleStart) naturalBreak(s, idleStart, idleEnd);
  } else if (s.phase === 'on_break' && s.currentBreak) {
    // Back at the keyboard after a complete break: the break ends by itself.
    if (at - s.currentBreak.startedAt >= credit(s.config, s.currentBreak.kind)) endBreak(s, at);
  }
  if (s.phase !== 'off_duty') s.lastActivityAt = at;
  return null;
}

/** An idle period [start, end] of the local user while working. */
function naturalBreak(s: TimerState, start: number, end: number): void {
  const cfg = s.config;
  // Overlapping reports of one idle period (idle polled every few seconds, then the activity
  // that ends it) are one natural break.
  const prev = s.lastNatural;
  const merged = prev !== null && start <= prev.endedAt + cfg.activityGranularityMs;
  const from = merged ? Math.min(prev.startedAt, start) : start;
  const length = end - from;
  const microOk = cfg.micro.enabled && length >= credit(cfg, 'micro');
  const restOk = cfg.rest.enabled && length >= credit(cfg, 'rest');
  if (!microOk && !restOk) return;
  const kind: BreakKind = restOk ? 'rest' : 'micro';
  if (restOk) {
    resetClock(s, 'rest', end);
    s.lastRealBreakAt = end;
  }
  resetClock(s, 'micro', end);
  if (merged) {
    const entry = findNatural(s, prev.startedAt);
    if (entry) Object.assign(entry, { at: end, kind, startedAt: from, durationMs: length });
  } else {
    s.counts.natural += 1;
    log(s, { at: end, type: 'break_natural', kind, startedAt: from, durationMs: length });
  }
  s.lastNatural = { startedAt: from, endedAt: end };
}

function findNatural(s: TimerState, startedAt: number): JournalEntry | undefined {
  for (let i = s.journal.length - 1; i >= 0; i--) {
    const e = s.journal[i];
    if (e && e.type === 'break_natural' && e.startedAt === startedAt) return e;
  }
  return undefined;
}

function endBreak(s: TimerState, at: number): void {
  const b = s.currentBreak;
  s.phase = 'working';
  s.currentBreak = null;
  s.lastActivityAt = at;
  if (!b) return;
  const length = at - b.startedAt;
  const cfg = s.config;
  if (length >= credit(cfg, b.kind)) {
    resetClock(s, b.kind, at);
    if (b.kind === 'rest') {
      resetClock(s, 'micro', at);
      s.lastRealBreakAt = at;
    }
    s.counts.taken += 1;
    log(s, {
      at,
      type: 'break_taken',
      kind: b.kind,
      startedAt: b.startedAt,
      durationMs: length,
      dueAt: b.dueAt,
    });
  } else {
    if (b.kind === 'rest' && cfg.micro.enabled && length >= credit(cfg, 'micro')) resetClock(s, 'micro', at);
    s.counts.cutShort += 1;
    log(s, {
      at,
      type: 'break_cut_short',
      kind: b.kind,
      startedAt: b.startedAt,
      durationMs: length,
      dueAt: b.dueAt,
    });
  }
}

function postpone(s: TimerState, at: number, wanted: number | undefined): RejectReason | null {
  const guard = guardBreakAction(s, at);
  if (typeof guard === 'string') return guard;
  const { kind, due } = guard;
  const clock = s[kind];
  const bc = s.config[kind];
  if (clock.postponesUsed >= bc.maxPostpones) return 'no_postpones_left';
  const length = Math.min(Math.max(0, Math.floor(wanted ?? bc.postponeMaxMs)), bc.postponeMaxMs);
  clock.postponedUntil = Math.max(at, due) + length;
  clock.postponesUsed += 1;
  s.counts.postponed += 1;
  log(s, { at, type: 'break_postponed', kind, durationMs: length, dueAt: due });
  return null;
}

function skip(s: TimerState, at: number): RejectReason | null {
  const guard = guardBreakAction(s, at);
  if (typeof guard === 'string') return guard;
  const { kind, due } = guard;
  resetClock(s, kind, at);
  s.counts.skipped += 1;
  log(s, { at, type: 'break_skipped', kind, dueAt: due });
  return null;
}

/** Postpone and skip apply to the next break, when it is due or in its warning window. */
function guardBreakAction(s: TimerState, at: number): RejectReason | { kind: BreakKind; due: number } {
  if (s.phase === 'off_duty') return 'not_on_duty';
  if (s.phase === 'on_break') return 'on_break';
  if (isStrict(s)) return 'strict_mode';
  const next = nextBreak(s, at);
  if (!next) return 'not_due';
  if (s[next.kind].imposedAt !== null) return 'imposed_break';
  if (at < next.dueAt - s.config[next.kind].warnBeforeMs) return 'not_due';
  return { kind: next.kind, due: next.dueAt };
}

// ---------------------------------------------------------------------------------------------
// Derivations (shared by reduce and view)

function credit(cfg: RestTimerConfig, kind: BreakKind): number {
  return Math.ceil(cfg[kind].durationMs * cfg.creditRatio);
}

function resetClock(s: TimerState, kind: BreakKind, at: number): void {
  s[kind] = { lastResetAt: at, postponedUntil: null, postponesUsed: 0, imposedAt: null };
}

function isStrict(s: TimerState): boolean {
  return s.strictImposed || s.config.strict;
}

function dueAt(s: TimerState, kind: BreakKind): number {
  const c = s[kind];
  const base = c.lastResetAt + s.config[kind].intervalMs;
  if (c.imposedAt !== null) return Math.min(base, c.imposedAt);
  return Math.max(base, c.postponedUntil ?? 0);
}

/**
 * The break that comes next. When breaks are due, the rest break is chosen over the micro break
 * (it includes it) and the chosen break inherits the earliest due and overdue times of the due
 * ones: a member who owes a micro break since 10:44 and a rest break since 10:50 owes a break
 * since 10:44. Otherwise the earliest break (rest on ties).
 */
function nextBreak(s: TimerState, at: number): { kind: BreakKind; dueAt: number; overdueAt: number } | null {
  const candidates = BREAK_KINDS.filter((k) => s.config[k].enabled).map((kind) => {
    const due = dueAt(s, kind);
    return { kind, dueAt: due, overdueAt: due + s.config[kind].overdueAfterMs };
  });
  if (candidates.length === 0) return null;
  const due = candidates.filter((c) => c.dueAt <= at);
  if (due.length > 0) {
    return {
      kind: due.some((c) => c.kind === 'rest') ? 'rest' : 'micro',
      dueAt: Math.min(...due.map((c) => c.dueAt)),
      overdueAt: Math.min(...due.map((c) => c.overdueAt)),
    };
  }
  return candidates.reduce((a, b) =>
    b.dueAt < a.dueAt || (b.dueAt === a.dueAt && b.kind === 'rest') ? b : a,
  );
}

function liveSegment(s: TimerState, at: number): number {
  return s.segmentStartedAt === null ? 0 : Math.max(0, at - s.segmentStartedAt);
}

function stintMs(s: TimerState, at: number): number {
  if (
    s.phase === 'off_duty' &&
    s.lastDutyEndedAt !== null &&
    at - s.lastDutyEndedAt >= s.config.stintResetAfterMs
  )
    return 0;
  return s.stint.accumulatedMs + liveSegment(s, at);
}

function dayMs(s: TimerState, at: number): number {
  if (
    s.phase === 'off_duty' &&
    s.lastDutyEndedAt !== null &&
    at - s.lastDutyEndedAt >= s.config.dailyResetAfterMs
  )
    return 0;
  return s.day.accumulatedMs + liveSegment(s, at);
}

function deriveStatus(s: TimerState, at: number): TimerStatus {
  if (s.phase === 'off_duty') return 'off_duty';
  if (s.phase === 'on_break') return 'on_break';
  if (dayMs(s, at) >= s.config.dailyLimitMs) return 'daily_limit';
  if (stintMs(s, at) >= s.config.maxContinuousDutyMs) return 'duty_limit';
  const next = nextBreak(s, at);
  if (next && at >= next.overdueAt) return 'overdue';
  if (next && at >= next.dueAt) return next.kind === 'rest' ? 'break_due' : 'micro_due';
  return 'working';
}

function noteLimits(s: TimerState, at: number): void {
  if (s.phase === 'off_duty') return;
  if (!s.limitsReached.daily && dayMs(s, at) >= s.config.dailyLimitMs) {
    s.limitsReached.daily = true;
    log(s, { at, type: 'daily_limit_reached', durationMs: dayMs(s, at) });
  }
  if (!s.limitsReached.duty && stintMs(s, at) >= s.config.maxContinuousDutyMs) {
    s.limitsReached.duty = true;
    log(s, { at, type: 'duty_limit_reached', durationMs: stintMs(s, at) });
  }
}

function log(s: TimerState, entry: Partial<JournalEntry> & { at: number; type: JournalType }): void {
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

// ---------------------------------------------------------------------------------------------
// View

export type NotificationKind =
  'break_warning' | 'break_due' | 'break_overdue' | 'break_complete' | 'duty_limit' | 'daily_limit';

export interface TimerNotification {
  /** Stable for one occurrence: the UI shows each id once. */
  id: string;
  kind: NotificationKind;
  audience: 'member' | 'lead';
  breakKind: BreakKind | null;
  /** When the condition started (due time, limit time…). */
  since: number;
  message_fr: string;
  message_en: string;
}

export interface TimerView {
  state: TimerStatus;
  strict: boolean;
  nextBreakAt: number | null;
  nextBreakKind: BreakKind | null;
  /** Time left before the next break is due (0 when due). Null off duty or on break. */
  dueInMs: number | null;
  /** How long the next break has been due (0 when not due yet). */
  overdueByMs: number;
  postponesLeft: number;
  canPostpone: boolean;
  canSkip: boolean;
  /** Continuous duty (current stint, breaks included). */
  onDutyMs: number;
  dutyTodayMs: number;
  dutyLeftMs: number;
  dailyLeftMs: number;
  /** Since the end of the last credited rest break (or the start of duty), null off duty. */
  sinceRealBreakMs: number | null;
  breaksTaken: number;
  breaksNatural: number;
  breaksSkipped: number;
  breaksPostponed: number;
  currentBreak: { kind: BreakKind; startedAt: number; endsAt: number; remainingMs: number } | null;
  notifications: TimerNotification[];
}

const KIND_LABEL = {
  micro: { fr: 'micro-pause', en: 'micro-break' },
  rest: { fr: 'pause', en: 'rest break' },
} as const;

export function view(state: TimerState, now: number): TimerView {
  const s = state;
  const at = Math.max(now, s.lastAt);
  const cfg = s.config;
  const status = deriveStatus(s, at);
  const onDuty = stintMs(s, at);
  const today = dayMs(s, at);
  const strict = isStrict(s);
  const notifications: TimerNotification[] = [];
  const next = s.phase === 'working' ? nextBreak(s, at) : null;
  let dueInMs: number | null = null;
  let overdueByMs = 0;
  let postponesLeft = 0;
  let canPostpone = false;
  let canSkip = false;

  if (next) {
    const bc = cfg[next.kind];
    const clock = s[next.kind];
    const label = KIND_LABEL[next.kind];
    dueInMs = Math.max(0, next.dueAt - at);
    overdueByMs = Math.max(0, at - next.dueAt);
    const imposed = clock.imposedAt !== null;
    postponesLeft = strict || imposed ? 0 : Math.max(0, bc.maxPostpones - clock.postponesUsed);
    const inWindow = at >= next.dueAt - bc.warnBeforeMs;
    canSkip = inWindow && !strict && !imposed;
    canPostpone = canSkip && postponesLeft > 0;
    const key = `${next.kind}:${next.dueAt}`;
    if (at < next.dueAt && inWindow) {
      notifications.push({
        id: `break_warning:${key}`,
        kind: 'break_warning',
        audience: 'member',
        breakKind: next.kind,
        since: next.dueAt - bc.warnBeforeMs,
        message_fr: `${cap(label.fr)} dans ${formatDuration(next.dueAt - at, 'fr')}.`,
        message_en: `${cap(label.en)} in ${formatDuration(next.dueAt - at, 'en')}.`,
      });
    } else if (at >= next.dueAt && at < next.overdueAt) {
      notifications.push({
        id: `break_due:${key}`,
        kind: 'break_due',
        audience: 'member',
        breakKind: next.kind,
        since: next.dueAt,
        message_fr: `C’est l’heure de la ${label.fr} (${formatDuration(bc.durationMs, 'fr')}).`,
        message_en: `Time for your ${label.en} (${formatDuration(bc.durationMs, 'en')}).`,
      });
    } else if (at >= next.overdueAt) {
      const late = { fr: formatDuration(at - next.dueAt, 'fr'), en: formatDuration(at - next.dueAt, 'en') };
      for (const audience of ['member', 'lead'] as const) {
        notifications.push({
          id: `break_overdue:${audience}:${key}`,
          kind: 'break_overdue',
          audience,
          breakKind: next.kind,
          since: next.overdueAt,
          message_fr:
            audience === 'member'
              ? `${cap(label.fr)} en retard de ${late.fr} : arrêtez-vous maintenant.`
              : `${cap(label.fr)} en retard de ${late.fr} pour ce membre.`,
          message_en:
            audience === 'member'
              ? `${cap(label.en)} overdue by ${late.en}: stop now.`
              : `This member's ${label.en} is overdue by ${late.en}.`,
        });
      }
    }
  }

  let currentBreak: TimerView['currentBreak'] = null;
  if (s.phase === 'on_break' && s.currentBreak) {
    const endsAt = s.currentBreak.startedAt + cfg[s.currentBreak.kind].durationMs;
    currentBreak = { ...pick(s.currentBreak), endsAt, remainingMs: Math.max(0, endsAt - at) };
    if (at >= endsAt) {
      notifications.push({
        id: `break_complete:${s.currentBreak.kind}:${s.currentBreak.startedAt}`,
        kind: 'break_complete',
        audience: 'member',
        breakKind: s.currentBreak.kind,
        since: endsAt,
        message_fr: 'Pause terminée : vous pouvez reprendre.',
        message_en: 'Break complete: you can resume.',
      });
    }
  }

  if (s.phase !== 'off_duty') {
    if (today >= cfg.dailyLimitMs) {
      const since = at - (today - cfg.dailyLimitMs);
      for (const audience of ['member', 'lead'] as const)
        notifications.push({
          id: `daily_limit:${audience}:${s.day.startedAt ?? 0}`,
          kind: 'daily_limit',
          audience,
          breakKind: null,
          since,
          message_fr: `Limite quotidienne atteinte (${formatDuration(cfg.dailyLimitMs, 'fr')}) : fin de service.`,
          message_en: `Daily limit reached (${formatDuration(cfg.dailyLimitMs, 'en')}): end of duty.`,
        });
    } else if (onDuty >= cfg.maxContinuousDutyMs) {
      const since = at - (onDuty - cfg.maxContinuousDutyMs);
      for (const audience of ['member', 'lead'] as const)
        notifications.push({
          id: `duty_limit:${audience}:${s.stint.startedAt ?? 0}`,
          kind: 'duty_limit',
          audience,
          breakKind: null,
          since,
          message_fr: `Service continu de ${formatDuration(onDuty, 'fr')} : relève à organiser.`,
          message_en: `On duty for ${formatDuration(onDuty, 'en')} without relief: arrange a handover.`,
        });
    }
  }

  const realBreakFrom =
    s.phase === 'off_duty' ? null : Math.max(s.lastRealBreakAt ?? 0, s.stint.startedAt ?? 0);
  return {
    state: status,
    strict,
    nextBreakAt: next?.dueAt ?? null,
    nextBreakKind: next?.kind ?? null,
    dueInMs,
    overdueByMs,
    postponesLeft,
    canPostpone,
    canSkip,
    onDutyMs: onDuty,
    dutyTodayMs: today,
    dutyLeftMs: Math.max(0, cfg.maxContinuousDutyMs - onDuty),
    dailyLeftMs: Math.max(0, cfg.dailyLimitMs - today),
    sinceRealBreakMs: realBreakFrom === null ? null : Math.max(0, at - realBreakFrom),
    breaksTaken: s.counts.taken,
    breaksNatural: s.counts.natural,
    breaksSkipped: s.counts.skipped,
    breaksPostponed: s.counts.postponed,
    currentBreak,
    notifications,
  };
}

function pick(b: NonNullable<TimerState['currentBreak']>): { kind: BreakKind; startedAt: number } {
  return { kind: b.kind, startedAt: b.startedAt };
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
