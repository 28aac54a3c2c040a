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
import { z } from 'zod';
import { VigieError } from '../errors';
import { DAY, formatDuration, formatLocal, HOUR, MINUTE, oneLine, type Bilingual } from './format';
import { STEP_OWNERS, type ProtectionPlaybook } from './playbook';

export const CASE_STATUSES = ['open', 'all_clear_suggested', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const PERSON_KINDS = ['journalist', 'employee', 'executive', 'other'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export const DEFAULT_COOLDOWN_MS = 24 * HOUR;
export const CPJ_COOLDOWN_MS = 48 * HOUR;

const ms = z.number().int().nonnegative();
const bilingual = z.object({ fr: z.string(), en: z.string() });

export const watchConfigSchema = z.object({
  baselineWindowMs: z.number().int().positive(),
  baselineFloorPerHour: z.number().nonnegative(),
  rateWindowMs: z
    .number()
    .int()
    .positive()
    .refine((v) => v % MINUTE === 0, 'whole minutes'),
  quietMs: z.number().int().positive(),
  requireCooldownElapsed: z.boolean(),
});
export type WatchConfig = z.infer<typeof watchConfigSchema>;

export const DEFAULT_WATCH_CONFIG: WatchConfig = {
  baselineWindowMs: 7 * DAY,
  baselineFloorPerHour: 2,
  rateWindowMs: HOUR,
  quietMs: 6 * HOUR,
  requireCooldownElapsed: true,
};

/** A quiet period is mentioned in the timeline once it has lasted this long. */
const QUIET_LOG_MS = 30 * MINUTE;

const baselineSchema = z.object({
  perHour: z.number().nonnegative(),
  medianPerHour: z.number().nonnegative(),
  floorPerHour: z.number().nonnegative(),
  hours: z.number().int().nonnegative(),
  nonZeroHours: z.number().int().nonnegative(),
  windowStart: ms,
  windowEnd: ms,
  source: z.enum(['computed', 'manual']),
});
export type Baseline = z.infer<typeof baselineSchema>;

export const PROTECTION_EVENT_KINDS = [
  'case_opened',
  'baseline_set',
  'delegate_set',
  'step_done',
  'step_reopened',
  'step_note',
  'followup_done',
  'cooldown_restarted',
  'cooldown_elapsed',
  'watch_quiet',
  'watch_relapse',
  'all_clear_suggested',
  'all_clear_withdrawn',
  'all_clear_accepted',
  'all_clear_rejected',
  'case_closed',
  'case_reopened',
] as const;
export type ProtectionEventKind = (typeof PROTECTION_EVENT_KINDS)[number];

const caseEventSchema = z.object({
  seq: z.number().int().positive(),
  at: ms,
  kind: z.enum(PROTECTION_EVENT_KINDS),
  actor: z.string().nullable(),
  text_fr: z.string(),
  text_en: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type CaseEvent = z.infer<typeof caseEventSchema>;

const handleSchema = z.object({ platform: z.string().min(1), handle: z.string().min(1) });

export const protectionCaseSchema = z.object({
  v: z.literal(1),
  id: z.string().min(1),
  incidentId: z.string().nullable(),
  person: z.object({
    name: z.string().min(1),
    kind: z.enum(PERSON_KINDS),
    handles: z.array(handleSchema),
    /** Extra words that designate the person (nickname, show name…). */
    keywords: z.array(z.string()),
  }),
  openedAt: ms,
  openedBy: z.string(),
  status: z.enum(CASE_STATUSES),
  closedAt: ms.nullable(),
  delegate: z.object({ memberId: z.string().nullable(), name: z.string().min(1) }).nullable(),
  playbook: z.object({ id: z.string(), version: z.number().int() }),
  steps: z.array(
    z.object({
      id: z.string(),
      owner: z.enum(STEP_OWNERS),
      requires: z.array(z.string()),
      title: bilingual,
      detail: bilingual,
      doneAt: ms.nullable(),
      doneBy: z.string().nullable(),
      note: z.string().nullable(),
      forced: z.boolean(),
    }),
  ),
  followUps: z.array(
    z.object({
      dueAt: ms,
      doneAt: ms.nullable(),
      doneBy: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  cooldown: z.object({
    durationMs: z.number().int().positive(),
    startedAt: ms,
    until: ms,
    elapsedNoted: z.boolean(),
  }),
  watch: z.object({
    config: watchConfigSchema,
    baseline: baselineSchema,
    /** Start of the next minute to evaluate. */
    evaluatedUntil: ms,
    quietSince: ms.nullable(),
    quietNoted: z.boolean(),
    lastRatePerHour: z.number().nonnegative().nullable(),
    suggestedAt: ms.nullable(),
    suppressedUntil: ms.nullable(),
    relapses: z.number().int().nonnegative(),
  }),
  seq: z.number().int().nonnegative(),
  events: z.array(caseEventSchema),
});
export type ProtectionCase = z.infer<typeof protectionCaseSchema>;
export type CaseStep = ProtectionCase['steps'][number];

export interface MinuteCount {
  /** Any time inside the minute (ms UTC); floored to the minute. */
  minute: number;
  count: number;
}

export interface Actor {
  at: number;
  by: string;
  note?: string | null;
}

// ---------------------------------------------------------------------------------------------
// Baseline

const floorMinute = (t: number) => Math.floor(t / MINUTE) * MINUTE;

/**
 * Median hourly count over `baselineWindowMs` before `before`, hours without data counting as 0,
 * floored at `baselineFloorPerHour`. Hours are counted back from `before` (floored to the minute).
 */
export function computeBaseline(
  counts: readonly MinuteCount[],
  before: number,
  config: WatchConfig = DEFAULT_WATCH_CONFIG,
): Baseline {
  const windowEnd = floorMinute(before);
  const hours = Math.max(1, Math.floor(config.baselineWindowMs / HOUR));
  const windowStart = windowEnd - hours * HOUR;
  const buckets = new Array<number>(hours).fill(0);
  for (const c of counts) {
    const m = floorMinute(c.minute);
    if (m < windowStart || m >= windowEnd) continue;
    const i = Math.floor((m - windowStart) / HOUR);
    buckets[i] = (buckets[i] ?? 0) + Math.max(0, c.count);
  }
  const sorted = [...buckets].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return {
    perHour: Math.max(median, config.baselineFloorPerHour),
    medianPerHour: median,
    floorPerHour: config.baselineFloorPerHour,
    hours,
    nonZeroHours: buckets.filter((b) => b > 0).length,
    windowStart,
    windowEnd,
    source: 'computed',
  };
}

// ---------------------------------------------------------------------------------------------
// Lifecycle

export interface OpenCaseInput {
  id: string;
  incidentId?: string | null;
  person: {
    name: string;
    kind: PersonKind;
    handles: { platform: string; handle: string }[];
    keywords?: string[];
  };
  openedAt: number;
  openedBy: string;
  playbook: ProtectionPlaybook;
  cooldownMs?: number;
  watch?: Partial<WatchConfig>;
  /** Per-minute counts of mentions of the person before the case (for the baseline). */
  baselineCounts?: readonly MinuteCount[];
  delegate?: { memberId: string | null; name: string } | null;
}

export function openCase(input: OpenCaseInput): ProtectionCase {
  const config = watchConfigSchema.parse({ ...DEFAULT_WATCH_CONFIG, ...input.watch });
  const cooldownMs = input.cooldownMs ?? DEFAULT_COOLDOWN_MS;
  if (!Number.isInteger(cooldownMs) || cooldownMs <= 0)
    throw new VigieError('invalid_cooldown', 'The cooldown must be a positive duration.');
  const at = input.openedAt;
  const baseline = computeBaseline(input.baselineCounts ?? [], at, config);
  const c: ProtectionCase = {
    v: 1,
    id: input.id,
    incidentId: input.incidentId ?? null,
    person: {
      name: input.person.name,
      kind: input.person.kind,
      handles: input.person.handles.map((h) => ({ platform: h.platform, handle: h.handle })),
      keywords: input.person.keywords ?? [],
    },
    openedAt: at,
    openedBy: input.openedBy,
    status: 'open',
    closedAt: null,
    delegate: null,
    playbook: { id: input.playbook.id, version: input.playbook.version },
    steps: input.playbook.steps.map((s) => ({
      id: s.id,
      owner: s.owner,
      requires: [...s.requires],
      title: { ...s.title },
      detail: { ...s.detail },
      doneAt: null,
      doneBy: null,
      note: null,
      forced: false,
    })),
    followUps: input.playbook.followUpOffsetsMs.map((o) => ({
      dueAt: at + o,
      doneAt: null,
      doneBy: null,
      note: null,
    })),
    cooldown: { durationMs: cooldownMs, startedAt: at, until: at + cooldownMs, elapsedNoted: false },
    watch: {
      config,
      baseline,
      evaluatedUntil: floorMinute(at),
      quietSince: null,
      quietNoted: false,
      lastRatePerHour: null,
      suggestedAt: null,
      suppressedUntil: null,
      relapses: 0,
    },
    seq: 0,
    events: [],
  };
  protectionCaseSchema.parse(c);
  const name = oneLine(c.person.name);
  push(
    c,
    at,
    'case_opened',
    input.openedBy,
    {
      fr: `Mise à l’abri ouverte pour ${name} ; délai de ${formatDuration(cooldownMs, 'fr')} jusqu’au ${formatLocalUtc(c.cooldown.until)}.`,
      en: `Protection case opened for ${name}; cooldown of ${formatDuration(cooldownMs, 'en')} until ${formatLocalUtc(c.cooldown.until)}.`,
    },
    { personKind: c.person.kind, handles: c.person.handles, cooldownMs },
  );
  logBaseline(c, at, input.openedBy);
  if (input.delegate) applyDelegate(c, input.delegate, at, input.openedBy);
  return c;
}

export function serializeCase(c: ProtectionCase): string {
  return JSON.stringify(c);
}

export function parseCase(json: string | unknown): ProtectionCase {
  return protectionCaseSchema.parse(typeof json === 'string' ? JSON.parse(json) : json);
}

/** Events newer than `seq` (what the store has not mirrored into the timeline yet). */
export function eventsSince(c: ProtectionCase, seq: number): CaseEvent[] {
  return c.events.filter((e) => e.seq > seq);
}

/** Recomputes the baseline from counts (e.g. once older mentions were imported). */
export function setBaseline(
  c0: ProtectionCase,
  counts: readonly MinuteCount[],
  actor: Actor,
): ProtectionCase {
  const c = clone(c0);
  c.watch.baseline = computeBaseline(counts, c.openedAt, c.watch.config);
  logBaseline(c, actor.at, actor.by);
  return c;
}

/** A human knows better: sets the baseline by hand (still never below 0). */
export function overrideBaseline(c0: ProtectionCase, perHour: number, actor: Actor): ProtectionCase {
  if (!(perHour >= 0) || !Number.isFinite(perHour))
    throw new VigieError('invalid_baseline', 'The baseline must be a rate of 0 or more per hour.');
  const c = clone(c0);
  c.watch.baseline = { ...c.watch.baseline, perHour, source: 'manual' };
  logBaseline(c, actor.at, actor.by, actor.note);
  return c;
}

function logBaseline(c: ProtectionCase, at: number, by: string | null, note?: string | null): void {
  const b = c.watch.baseline;
  const rate = (n: number) => (Math.round(n * 10) / 10).toString();
  const fr =
    b.source === 'manual'
      ? `Rythme habituel fixé à la main : ${rate(b.perHour)} mention(s)/h.`
      : `Rythme habituel : ${rate(b.perHour)} mention(s)/h (médiane ${rate(b.medianPerHour)}/h sur ${b.hours} h, plancher ${rate(b.floorPerHour)}/h).`;
  const en =
    b.source === 'manual'
      ? `Normal rate set by hand: ${rate(b.perHour)} mention(s)/h.`
      : `Normal rate: ${rate(b.perHour)} mention(s)/h (median ${rate(b.medianPerHour)}/h over ${b.hours} h, floor ${rate(b.floorPerHour)}/h).`;
  push(c, at, 'baseline_set', by, withNote({ fr, en }, note), { ...b });
}

export function setDelegate(
  c0: ProtectionCase,
  delegate: { memberId: string | null; name: string } | null,
  actor: Actor,
): ProtectionCase {
  const c = clone(c0);
  applyDelegate(c, delegate, actor.at, actor.by);
  return c;
}

function applyDelegate(
  c: ProtectionCase,
  delegate: { memberId: string | null; name: string } | null,
  at: number,
  by: string,
): void {
  c.delegate = delegate ? { memberId: delegate.memberId, name: delegate.name } : null;
  const name = delegate ? oneLine(delegate.name) : null;
  push(
    c,
    at,
    'delegate_set',
    by,
    name
      ? {
          fr: `${name} surveille les mentions à la place de la personne.`,
          en: `${name} monitors the mentions instead of the person.`,
        }
      : { fr: 'Plus de délégué à la surveillance.', en: 'No monitoring delegate any more.' },
    { delegate: c.delegate },
  );
}

export function completeStep(
  c0: ProtectionCase,
  stepId: string,
  actor: Actor & { force?: boolean },
): ProtectionCase {
  const c = clone(c0);
  const step = findStep(c, stepId);
  if (step.doneAt !== null) throw new VigieError('step_done', `Step ${stepId} is already done.`);
  const missing = step.requires.filter((r) => findStep(c, r).doneAt === null);
  if (missing.length > 0 && !actor.force) {
    throw new VigieError('step_blocked', `Step ${stepId} must wait for: ${missing.join(', ')}.`);
  }
  step.doneAt = actor.at;
  step.doneBy = actor.by;
  step.note = actor.note ?? step.note;
  step.forced = missing.length > 0;
  const forced: Bilingual | null = step.forced
    ? {
        fr: ` — FAIT AVANT : ${missing.map((m) => findStep(c, m).title.fr).join(', ')}`,
        en: ` — DONE BEFORE: ${missing.map((m) => findStep(c, m).title.en).join(', ')}`,
      }
    : null;
  push(
    c,
    actor.at,
    'step_done',
    actor.by,
    withNote(
      {
        fr: `Étape faite : ${step.title.fr}${forced?.fr ?? ''}.`,
        en: `Step done: ${step.title.en}${forced?.en ?? ''}.`,
      },
      actor.note,
    ),
    { stepId, forced: step.forced, missing },
  );
  return c;
}

export function reopenStep(c0: ProtectionCase, stepId: string, actor: Actor): ProtectionCase {
  const c = clone(c0);
  const step = findStep(c, stepId);
  if (step.doneAt === null) throw new VigieError('step_not_done', `Step ${stepId} is not done.`);
  step.doneAt = null;
  step.doneBy = null;
  step.forced = false;
  push(
    c,
    actor.at,
    'step_reopened',
    actor.by,
    withNote(
      { fr: `Étape rouverte : ${step.title.fr}.`, en: `Step reopened: ${step.title.en}.` },
      actor.note,
    ),
    { stepId },
  );
  return c;
}

export function noteStep(
  c0: ProtectionCase,
  stepId: string,
  actor: Actor & { note: string },
): ProtectionCase {
  const c = clone(c0);
  const step = findStep(c, stepId);
  step.note = actor.note;
  push(
    c,
    actor.at,
    'step_note',
    actor.by,
    withNote({ fr: `Note sur « ${step.title.fr} »`, en: `Note on “${step.title.en}”` }, actor.note),
    { stepId },
  );
  return c;
}

export function completeFollowUp(c0: ProtectionCase, index: number, actor: Actor): ProtectionCase {
  const c = clone(c0);
  const f = c.followUps[index];
  if (!f) throw new VigieError('unknown_followup', `No follow-up #${index + 1}.`);
  if (f.doneAt !== null) throw new VigieError('followup_done', `Follow-up #${index + 1} is already done.`);
  f.doneAt = actor.at;
  f.doneBy = actor.by;
  f.note = actor.note ?? null;
  push(
    c,
    actor.at,
    'followup_done',
    actor.by,
    withNote(
      { fr: `Suivi bien-être n° ${index + 1} fait.`, en: `Wellbeing follow-up #${index + 1} done.` },
      actor.note,
    ),
    { index, dueAt: f.dueAt },
  );
  return c;
}

/** Starts the cooldown again from `at` (optionally with another length, e.g. CPJ's 48 h). */
export function restartCooldown(c0: ProtectionCase, actor: Actor & { durationMs?: number }): ProtectionCase {
  const c = clone(c0);
  const durationMs = actor.durationMs ?? c.cooldown.durationMs;
  if (!Number.isInteger(durationMs) || durationMs <= 0)
    throw new VigieError('invalid_cooldown', 'The cooldown must be a positive duration.');
  c.cooldown = { durationMs, startedAt: actor.at, until: actor.at + durationMs, elapsedNoted: false };
  push(
    c,
    actor.at,
    'cooldown_restarted',
    actor.by,
    withNote(
      {
        fr: `Délai relancé : ${formatDuration(durationMs, 'fr')}, jusqu’au ${formatLocalUtc(c.cooldown.until)}.`,
        en: `Cooldown restarted: ${formatDuration(durationMs, 'en')}, until ${formatLocalUtc(c.cooldown.until)}.`,
      },
      actor.note,
    ),
    { durationMs, until: c.cooldown.until },
  );
  return c;
}

/** Earliest minute for which `observe` needs counts (the rate window before the next minute). */
export function watchCountsFrom(c: ProtectionCase): number {
  return c.watch.evaluatedUntil - c.watch.config.rateWindowMs;
}

/**
 * Feeds the watch with per-minute counts of mentions of the person, covering at least
 * [`watchCountsFrom(case)`, now); minutes absent from `counts` count as 0. Evaluates every
 * complete minute since the last call, notes the end of the cooldown, suggests or withdraws the
 * all clear. Does nothing to a closed case.
 */
export function observe(c0: ProtectionCase, counts: readonly MinuteCount[], now: number): ProtectionCase {
  const c = clone(c0);
  if (c.status === 'closed') return c;
  const w = c.watch;
  const cfg = w.config;
  const byMinute = new Map<number, number>();
  for (const x of counts) {
    const m = floorMinute(x.minute);
    byMinute.set(m, (byMinute.get(m) ?? 0) + Math.max(0, x.count));
  }
  const perHour = HOUR / cfg.rateWindowMs;
  const windowMinutes = cfg.rateWindowMs / MINUTE;
  const last = floorMinute(now); // minutes strictly before this one are complete
  let m = w.evaluatedUntil;
  let windowSum = 0;
  for (let k = 1; k <= windowMinutes; k++) windowSum += byMinute.get(m - k * MINUTE) ?? 0;

  while (m < last) {
    windowSum += byMinute.get(m) ?? 0;
    windowSum -= byMinute.get(m - cfg.rateWindowMs) ?? 0;
    const te = m + MINUTE;
    noteCooldown(c, te);
    const rate = windowSum * perHour;
    w.lastRatePerHour = rate;
    if (rate <= w.baseline.perHour) {
      if (w.quietSince === null) {
        w.quietSince = te;
        w.quietNoted = false;
      }
      const quietFor = te - w.quietSince;
      if (!w.quietNoted && quietFor >= Math.min(QUIET_LOG_MS, cfg.quietMs)) {
        w.quietNoted = true;
        push(
          c,
          te,
          'watch_quiet',
          null,
          {
            fr: `Mentions revenues sous le rythme habituel (${fmtRate(rate)}/h ≤ ${fmtRate(w.baseline.perHour)}/h) depuis ${formatLocalUtc(w.quietSince)}.`,
            en: `Mentions back under the normal rate (${fmtRate(rate)}/h ≤ ${fmtRate(w.baseline.perHour)}/h) since ${formatLocalUtc(w.quietSince)}.`,
          },
          { quietSince: w.quietSince, ratePerHour: rate, baselinePerHour: w.baseline.perHour },
        );
      }
      const cooldownOk = !cfg.requireCooldownElapsed || te >= c.cooldown.until;
      const notSuppressed = w.suppressedUntil === null || te >= w.suppressedUntil;
      if (c.status === 'open' && quietFor >= cfg.quietMs && cooldownOk && notSuppressed) {
        c.status = 'all_clear_suggested';
        w.suggestedAt = te;
        push(
          c,
          te,
          'all_clear_suggested',
          null,
          {
            fr: `Levée de l’alerte suggérée : sous le rythme habituel depuis ${formatDuration(quietFor, 'fr')}. À décider par un humain.`,
            en: `All clear suggested: under the normal rate for ${formatDuration(quietFor, 'en')}. A human decides.`,
          },
          { quietSince: w.quietSince, quietForMs: quietFor, baselinePerHour: w.baseline.perHour },
        );
      }
    } else if (w.quietSince !== null || c.status === 'all_clear_suggested') {
      const quietFor = w.quietSince === null ? 0 : te - w.quietSince;
      const noted = w.quietNoted;
      w.quietSince = null;
      w.quietNoted = false;
      if (noted || c.status === 'all_clear_suggested') {
        w.relapses += 1;
        push(
          c,
          te,
          'watch_relapse',
          null,
          {
            fr: `Reprise : ${fmtRate(rate)} mention(s)/h, au-dessus du rythme habituel (${fmtRate(w.baseline.perHour)}/h) ; période calme remise à zéro après ${formatDuration(quietFor, 'fr')}.`,
            en: `Relapse: ${fmtRate(rate)} mention(s)/h, above the normal rate (${fmtRate(w.baseline.perHour)}/h); quiet period reset after ${formatDuration(quietFor, 'en')}.`,
          },
          { ratePerHour: rate, baselinePerHour: w.baseline.perHour, quietForMs: quietFor },
        );
      }
      if (c.status === 'all_clear_suggested') {
        c.status = 'open';
        w.suggestedAt = null;
        push(
          c,
          te,
          'all_clear_withdrawn',
          null,
          {
            fr: 'Suggestion de levée retirée : l’attaque reprend.',
            en: 'All-clear suggestion withdrawn: the attack resumes.',
          },
          { ratePerHour: rate },
        );
      }
    }
    m += MINUTE;
  }
  w.evaluatedUntil = Math.max(w.evaluatedUntil, last);
  noteCooldown(c, now);
  return c;
}

function noteCooldown(c: ProtectionCase, at: number): void {
  if (c.cooldown.elapsedNoted || at < c.cooldown.until) return;
  c.cooldown.elapsedNoted = true;
  push(
    c,
    c.cooldown.until,
    'cooldown_elapsed',
    null,
    {
      fr: `Délai de ${formatDuration(c.cooldown.durationMs, 'fr')} écoulé : réévaluer la situation avec la personne.`,
      en: `Cooldown of ${formatDuration(c.cooldown.durationMs, 'en')} over: review the situation with the person.`,
    },
    { until: c.cooldown.until },
  );
}

/** The human decision on a suggested all clear. */
export function decideAllClear(
  c0: ProtectionCase,
  decision: 'accept' | 'reject',
  actor: Actor,
): ProtectionCase {
  if (c0.status !== 'all_clear_suggested')
    throw new VigieError('no_all_clear', 'There is no all-clear suggestion to decide on.');
  const c = clone(c0);
  if (decision === 'accept') {
    push(
      c,
      actor.at,
      'all_clear_accepted',
      actor.by,
      withNote({ fr: 'Levée de l’alerte acceptée.', en: 'All clear accepted.' }, actor.note),
      { suggestedAt: c.watch.suggestedAt },
    );
    close(c, actor.at, actor.by, null);
  } else {
    c.status = 'open';
    c.watch.suppressedUntil = actor.at + c.watch.config.quietMs;
    c.watch.suggestedAt = null;
    push(
      c,
      actor.at,
      'all_clear_rejected',
      actor.by,
      withNote(
        {
          fr: `Levée refusée : prochaine suggestion au plus tôt après ${formatDuration(c.watch.config.quietMs, 'fr')}.`,
          en: `All clear rejected: next suggestion after ${formatDuration(c.watch.config.quietMs, 'en')} at the earliest.`,
        },
        actor.note,
      ),
      { suppressedUntil: c.watch.suppressedUntil },
    );
  }
  return c;
}

/** Closes the case without waiting for a suggestion (a human decision, recorded). */
export function closeCase(c0: ProtectionCase, actor: Actor): ProtectionCase {
  if (c0.status === 'closed') throw new VigieError('case_closed', 'The case is already closed.');
  const c = clone(c0);
  close(c, actor.at, actor.by, actor.note ?? null);
  return c;
}

function close(c: ProtectionCase, at: number, by: string, note: string | null): void {
  c.status = 'closed';
  c.closedAt = at;
  c.watch.suggestedAt = null;
  push(
    c,
    at,
    'case_closed',
    by,
    withNote({ fr: 'Mise à l’abri close.', en: 'Protection case closed.' }, note),
    {},
  );
}

export function reopenCase(c0: ProtectionCase, actor: Actor): ProtectionCase {
  if (c0.status !== 'closed') throw new VigieError('case_open', 'The case is not closed.');
  const c = clone(c0);
  c.status = 'open';
  c.closedAt = null;
  c.watch.quietSince = null;
  c.watch.quietNoted = false;
  c.watch.suppressedUntil = null;
  c.watch.evaluatedUntil = Math.max(c.watch.evaluatedUntil, floorMinute(actor.at));
  push(
    c,
    actor.at,
    'case_reopened',
    actor.by,
    withNote({ fr: 'Mise à l’abri rouverte.', en: 'Protection case reopened.' }, actor.note),
    {},
  );
  return c;
}

// ---------------------------------------------------------------------------------------------
// Views

export interface CooldownView {
  startedAt: number;
  until: number;
  durationMs: number;
  remainingMs: number;
  elapsed: boolean;
  /** 0..1 */
  progress: number;
  label_fr: string;
  label_en: string;
}

export function cooldownView(c: ProtectionCase, now: number): CooldownView {
  const { startedAt, until, durationMs } = c.cooldown;
  const remainingMs = Math.max(0, until - now);
  const elapsed = remainingMs === 0;
  return {
    startedAt,
    until,
    durationMs,
    remainingMs,
    elapsed,
    progress: Math.min(1, Math.max(0, (now - startedAt) / durationMs)),
    label_fr: elapsed
      ? `Délai de ${formatDuration(durationMs, 'fr')} écoulé`
      : `Encore ${formatDuration(remainingMs, 'fr')} sur ${formatDuration(durationMs, 'fr')}`,
    label_en: elapsed
      ? `Cooldown of ${formatDuration(durationMs, 'en')} over`
      : `${formatDuration(remainingMs, 'en')} left of ${formatDuration(durationMs, 'en')}`,
  };
}

export interface CaseView {
  status: CaseStatus;
  stepsDone: number;
  stepsTotal: number;
  nextStep: { id: string; title: Bilingual; owner: CaseStep['owner']; blockedBy: string[] } | null;
  cooldown: CooldownView;
  baselinePerHour: number;
  lastRatePerHour: number | null;
  quietForMs: number;
  /** Earliest time the all clear can be suggested if it stays quiet; null while not quiet. */
  allClearEarliestAt: number | null;
  followUpsDue: { index: number; dueAt: number }[];
  nextFollowUpAt: number | null;
}

export function caseView(c: ProtectionCase, now: number): CaseView {
  const next = c.steps.find((s) => s.doneAt === null) ?? null;
  const w = c.watch;
  const quietSince = c.status === 'closed' ? null : w.quietSince;
  const pendingFollowUps = c.followUps.map((f, index) => ({ ...f, index })).filter((f) => f.doneAt === null);
  return {
    status: c.status,
    stepsDone: c.steps.filter((s) => s.doneAt !== null).length,
    stepsTotal: c.steps.length,
    nextStep: next && {
      id: next.id,
      title: next.title,
      owner: next.owner,
      blockedBy: next.requires.filter((r) => c.steps.find((s) => s.id === r)?.doneAt === null),
    },
    cooldown: cooldownView(c, now),
    baselinePerHour: w.baseline.perHour,
    lastRatePerHour: w.lastRatePerHour,
    quietForMs: quietSince === null ? 0 : Math.max(0, now - quietSince),
    allClearEarliestAt:
      quietSince === null
        ? null
        : Math.max(
            quietSince + w.config.quietMs,
            w.config.requireCooldownElapsed ? c.cooldown.until : 0,
            w.suppressedUntil ?? 0,
          ),
    followUpsDue: pendingFollowUps
      .filter((f) => f.dueAt <= now)
      .map((f) => ({ index: f.index, dueAt: f.dueAt })),
    nextFollowUpAt: pendingFollowUps.find((f) => f.dueAt > now)?.dueAt ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Matching mentions to the person

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A predicate telling whether a mention is about the person: one of their handles (with or
 * without `@`), their name or a keyword, case- and accent-insensitive, as whole words. Their own
 * posts are not counted. Lookalike characters (homoglyphs) are not matched.
 */
export function personMatcher(
  person: ProtectionCase['person'],
): (m: { text: string; authorHandle?: string | null }) => boolean {
  const handles = person.handles.map((h) => fold(h.handle.replace(/^@/, ''))).filter(Boolean);
  const words = [person.name, ...person.keywords].map((w) => fold(w.trim())).filter((w) => w.length >= 2);
  const terms = [
    ...handles.map((h) => `@?${escapeRe(h)}`),
    ...words.map((w) => escapeRe(w).replace(/\s+/g, '\\s+')),
  ];
  if (terms.length === 0) return () => false;
  const re = new RegExp(
    `(?<![\\p{L}\\p{N}_@.])(?:${terms.join('|')})(?![\\p{L}\\p{N}_]|\\.[\\p{L}\\p{N}])`,
    'u',
  );
  const own = new Set(handles);
  return (m) => {
    if (m.authorHandle && own.has(fold(m.authorHandle.replace(/^@/, '')))) return false;
    return re.test(fold(m.text));
  };
}

/** Per-minute counts of the mentions matching `match` (input for `computeBaseline`/`observe`). */
export function countPerMinute<T extends { createdAt: number }>(
  mentions: Iterable<T>,
  match: (m: T) => boolean,
): MinuteCount[] {
  const by = new Map<number, number>();
  for (const m of mentions) {
    if (!match(m)) continue;
    const minute = floorMinute(m.createdAt);
    by.set(minute, (by.get(minute) ?? 0) + 1);
  }
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([minute, count]) => ({ minute, count }));
}

/** Row for the `protection_cases` table (see schema.sql.ts). */
export function protectionCaseRow(c: ProtectionCase): {
  id: string;
  incident_id: string | null;
  person_name: string;
  person_kind: PersonKind;
  handles: string;
  status: CaseStatus;
  started_at: number;
  cooldown_ms: number;
  cooldown_until: number;
  delegate_member_id: string | null;
  closed_at: number | null;
  steps: string;
  state: string;
  updated_at: number;
} {
  return {
    id: c.id,
    incident_id: c.incidentId,
    person_name: c.person.name,
    person_kind: c.person.kind,
    handles: JSON.stringify(c.person.handles),
    status: c.status,
    started_at: c.openedAt,
    cooldown_ms: c.cooldown.durationMs,
    cooldown_until: c.cooldown.until,
    delegate_member_id: c.delegate?.memberId ?? null,
    closed_at: c.closedAt,
    steps: JSON.stringify(
      c.steps.map((s) => ({ id: s.id, doneAt: s.doneAt, doneBy: s.doneBy, note: s.note })),
    ),
    state: serializeCase(c),
    updated_at: Math.max(c.openedAt, c.events.at(-1)?.at ?? 0, c.watch.evaluatedUntil),
  };
}

// ---------------------------------------------------------------------------------------------
// Internals

function clone(c: ProtectionCase): ProtectionCase {
  return structuredClone(c);
}

function findStep(c: ProtectionCase, id: string): CaseStep {
  const step = c.steps.find((s) => s.id === id);
  if (!step) throw new VigieError('unknown_step', `No step ${id} in this case.`);
  return step;
}

function push(
  c: ProtectionCase,
  at: number,
  kind: ProtectionEventKind,
  actor: string | null,
  text: Bilingual,
  data: Record<string, unknown>,
): void {
  c.seq += 1;
  c.events.push({ seq: c.seq, at, kind, actor, text_fr: text.fr, text_en: text.en, data });
}

function withNote(text: Bilingual, note: string | null | undefined): Bilingual {
  if (!note || !note.trim()) return text;
  const n = oneLine(note);
  return { fr: `${text.fr} Note : ${n}`, en: `${text.en} Note: ${n}` };
}

function fmtRate(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

/** Timeline texts carry UTC; the screens format times in the user's zone from `at`/`data`. */
function formatLocalUtc(ms: number): string {
  return formatLocal(ms, 'UTC');
}
