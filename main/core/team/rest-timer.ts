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
// Entry point of the rest timer: re-exports its parts (config, state, journal, reducer, view).
export {
  BREAK_KINDS,
  breakConfigSchema,
  DEFAULT_TIMER_CONFIG,
  restTimerConfigSchema,
  timerConfig,
  type BreakConfig,
  type BreakKind,
  type DeepPartial,
  type RestTimerConfig,
} from './rest-timer-config';
export {
  createTimer,
  JOURNAL_TYPES,
  journalEntrySchema,
  parseTimer,
  serializeTimer,
  TIMER_STATUSES,
  timerEventSchema,
  timerStateSchema,
  type JournalEntry,
  type JournalType,
  type RejectReason,
  type TimerEvent,
  type TimerState,
  type TimerStatus,
} from './rest-timer-state';
export { breakRow, JOURNAL_MAX, journalSince, type BreakOutcome } from './rest-timer-journal';
export { reduce } from './rest-timer-reducer';
export { view, type NotificationKind, type TimerNotification, type TimerView } from './rest-timer-view';
