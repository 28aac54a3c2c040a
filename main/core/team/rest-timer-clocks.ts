// Derivations shared by the reducer and the view: break credit and clocks, next break, duty totals, status.
import { BREAK_KINDS, type BreakKind, type RestTimerConfig } from './rest-timer-config';
import { log } from './rest-timer-journal';
import type { TimerState, TimerStatus } from './rest-timer-state';

export function credit(cfg: RestTimerConfig, kind: BreakKind): number {
  return Math.ceil(cfg[kind].durationMs * cfg.creditRatio);
}

export function resetClock(s: TimerState, kind: BreakKind, at: number): void {
  s[kind] = { lastResetAt: at, postponedUntil: null, postponesUsed: 0, imposedAt: null };
}

export function isStrict(s: TimerState): boolean {
  return s.strictImposed || s.config.strict;
}

export function dueAt(s: TimerState, kind: BreakKind): number {
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
export function nextBreak(
  s: TimerState,
  at: number,
): { kind: BreakKind; dueAt: number; overdueAt: number } | null {
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

export function stintMs(s: TimerState, at: number): number {
  if (
    s.phase === 'off_duty' &&
    s.lastDutyEndedAt !== null &&
    at - s.lastDutyEndedAt >= s.config.stintResetAfterMs
  )
    return 0;
  return s.stint.accumulatedMs + liveSegment(s, at);
}

export function dayMs(s: TimerState, at: number): number {
  if (
    s.phase === 'off_duty' &&
    s.lastDutyEndedAt !== null &&
    at - s.lastDutyEndedAt >= s.config.dailyResetAfterMs
  )
    return 0;
  return s.day.accumulatedMs + liveSegment(s, at);
}

export function deriveStatus(s: TimerState, at: number): TimerStatus {
  if (s.phase === 'off_duty') return 'off_duty';
  if (s.phase === 'on_break') return 'on_break';
  if (dayMs(s, at) >= s.config.dailyLimitMs) return 'daily_limit';
  if (stintMs(s, at) >= s.config.maxContinuousDutyMs) return 'duty_limit';
  const next = nextBreak(s, at);
  if (next && at >= next.overdueAt) return 'overdue';
  if (next && at >= next.dueAt) return next.kind === 'rest' ? 'break_due' : 'micro_due';
  return 'working';
}

export function noteLimits(s: TimerState, at: number): void {
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
