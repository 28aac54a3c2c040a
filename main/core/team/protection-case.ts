/**
 * "Go private" case for a targeted person (journalist, employee, executive…).
 *
 * Pure functions over a plain-JSON case: each returns a new case and appends what happened to
 * `events` (for the incident timeline); none reads the clock. Invalid operations throw a
 * VigieError with a stable code.
 *
 * - Steps come from a playbook (resources/playbooks/protection-go-private.json), in order, each
 *   with an owner role. A step cannot be done before the steps it `requires` (evidence is
 *   preserved before blocking) unless forced, and a forced step says so in the timeline.
 * - Cooldown: the person stays private for `cooldownMs` (24 h by default as community managers
 *   practise it; CPJ suggests 48 h: `CPJ_COOLDOWN_MS`), shown as a countdown.
 * - Watch: per-minute counts of mentions matching the person are compared with their normal rate.
 *   Baseline = median of the hourly counts over the 7 days before the case (hours without a
 *   mention count as 0), never below `baselineFloorPerHour`. The current rate is the count over
 *   the last `rateWindowMs` (1 h) expressed per hour, evaluated at the end of every minute. When
 *   it has stayed at or under the baseline for `quietMs` (6 h) — and, by default, the cooldown is
 *   over — the case suggests "all clear". A rate above the baseline resets the quiet period (and
 *   withdraws a pending suggestion). A human decides: `decideAllClear(accept | reject)`; a
 *   rejection waits for another full quiet period before suggesting again.
 */
// Entry point of the protection case: re-exports its parts (model, lifecycle, steps, watch, views…).
export {
  CASE_STATUSES,
  CPJ_COOLDOWN_MS,
  DEFAULT_COOLDOWN_MS,
  DEFAULT_WATCH_CONFIG,
  PERSON_KINDS,
  PROTECTION_EVENT_KINDS,
  protectionCaseSchema,
  watchConfigSchema,
  type Actor,
  type Baseline,
  type CaseEvent,
  type CaseStatus,
  type CaseStep,
  type MinuteCount,
  type PersonKind,
  type ProtectionCase,
  type ProtectionEventKind,
  type WatchConfig,
} from './protection-case-model';
export { computeBaseline, overrideBaseline, setBaseline } from './protection-baseline';
export {
  closeCase,
  decideAllClear,
  openCase,
  reopenCase,
  setDelegate,
  type OpenCaseInput,
} from './protection-case-lifecycle';
export {
  completeFollowUp,
  completeStep,
  completeTriggered,
  noteStep,
  recordEvidence,
  reopenStep,
} from './protection-steps';
export { observe, restartCooldown, watchCountsFrom } from './protection-watch';
export { caseView, cooldownView, type CaseView, type CooldownView } from './protection-case-views';
export { countPerMinute, personMatcher } from './person-matcher';
export { eventsSince, parseCase, protectionCaseRow, serializeCase } from './protection-case-storage';
