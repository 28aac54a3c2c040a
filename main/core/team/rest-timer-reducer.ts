// The rest timer's reducer: applies one event (duty, activity, idle, breaks, lead's orders) to a state.
import {
  credit,
  deriveStatus,
  dueAt,
  isStrict,
  nextBreak,
  noteLimits,
  resetClock,
} from './rest-timer-clocks';
import { restTimerConfigSchema, type BreakKind } from './rest-timer-config';
import { log } from './rest-timer-journal';
import {
  timerEventSchema,
  type JournalEntry,
  type RejectReason,
  type TimerEvent,
  type TimerState,
} from './rest-timer-state';

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
