// What the screens show of a timer at any instant: status, countdowns, allowed actions, notifications.
import { dayMs, deriveStatus, isStrict, nextBreak, stintMs } from './rest-timer-clocks';
import type { BreakKind } from './rest-timer-config';
import type { TimerState, TimerStatus } from './rest-timer-state';
import { formatDuration } from './format';

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
