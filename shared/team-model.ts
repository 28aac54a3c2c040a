// Domain schemas of the team feature (members, rest timers, load, protection cases) as they cross the
// contract. The renderer imports only the inferred types.
import { z } from 'zod';

export const TEAM_ROLE_IDS = ['lead', 'comms', 'scribe', 'signatory', 'liaison', 'analyst'] as const;
export const teamRoleSchema = z.enum(TEAM_ROLE_IDS);
export type TeamRoleId = z.infer<typeof teamRoleSchema>;

export const TIMER_STATES = [
  'off_duty',
  'working',
  'micro_due',
  'break_due',
  'on_break',
  'overdue',
  'duty_limit',
  'daily_limit',
] as const;
export const breakKindSchema = z.enum(['micro', 'rest']);

const ms = z.number().int().nonnegative();
const bilingual = z.object({ fr: z.string(), en: z.string() });

export const timerNotificationSchema = z.object({
  id: z.string(),
  kind: z.enum([
    'break_warning',
    'break_due',
    'break_overdue',
    'break_complete',
    'duty_limit',
    'daily_limit',
  ]),
  audience: z.enum(['member', 'lead']),
  breakKind: breakKindSchema.nullable(),
  since: z.number(),
  message_fr: z.string(),
  message_en: z.string(),
});
export type TimerNotificationView = z.infer<typeof timerNotificationSchema>;

export const timerViewSchema = z.object({
  state: z.enum(TIMER_STATES),
  strict: z.boolean(),
  nextBreakAt: z.number().nullable(),
  nextBreakKind: breakKindSchema.nullable(),
  dueInMs: z.number().nullable(),
  overdueByMs: z.number(),
  postponesLeft: z.number(),
  canPostpone: z.boolean(),
  canSkip: z.boolean(),
  onDutyMs: z.number(),
  dutyTodayMs: z.number(),
  dutyLeftMs: z.number(),
  dailyLeftMs: z.number(),
  sinceRealBreakMs: z.number().nullable(),
  breaksTaken: z.number(),
  breaksNatural: z.number(),
  breaksSkipped: z.number(),
  breaksPostponed: z.number(),
  currentBreak: z
    .object({ kind: breakKindSchema, startedAt: z.number(), endsAt: z.number(), remainingMs: z.number() })
    .nullable(),
  notifications: z.array(timerNotificationSchema),
});
export type TimerViewData = z.infer<typeof timerViewSchema>;

export const loadPartSchema = z.object({
  key: z.enum(['duty', 'since_break', 'exposure', 'tlx', 'role', 'cap']),
  value: z.number().nullable(),
  weight: z.number(),
  contribution: z.number(),
  explanation_fr: z.string(),
  explanation_en: z.string(),
});
export type LoadPartView = z.infer<typeof loadPartSchema>;

export const loadViewSchema = z.object({
  score: z.number(),
  band: z.enum(['ok', 'watch', 'high', 'critical']),
  parts: z.array(loadPartSchema),
  suggestRotation: z.boolean(),
  rotationReasons: z.array(z.enum(['score', 'targeted'])),
});
export type LoadView = z.infer<typeof loadViewSchema>;

export const memberViewSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  /** The first name used to sign replies. */
  signature: z.string(),
  usualRole: teamRoleSchema.nullable(),
  /** The role held on the focused incident, else the usual one. */
  role: teamRoleSchema.nullable(),
  services: z.array(z.string()),
  isLocal: z.boolean(),
  onDuty: z.boolean(),
  dutySince: z.number().nullable(),
  timer: timerViewSchema,
  load: loadViewSchema,
  exposure: z.object({
    opened: z.number().int(),
    handled: z.number().int(),
    targetedToxic: z.number().int(),
    units: z.number(),
  }),
  tlx: z.object({ at: z.number(), raw: z.number() }).nullable(),
  tlxPromptDue: z.boolean(),
});
export type MemberView = z.infer<typeof memberViewSchema>;

/** The parts of the rest-timer configuration a cell may change (durations in ms). */
export const timerSettingsSchema = z
  .object({
    micro: z
      .object({
        enabled: z.boolean(),
        intervalMs: z.number().int().min(1000),
        durationMs: z.number().int().min(1000),
        warnBeforeMs: ms,
        overdueAfterMs: ms,
        maxPostpones: z.number().int().min(0).max(10),
        postponeMaxMs: ms,
      })
      .partial(),
    rest: z
      .object({
        enabled: z.boolean(),
        intervalMs: z.number().int().min(1000),
        durationMs: z.number().int().min(1000),
        warnBeforeMs: ms,
        overdueAfterMs: ms,
        maxPostpones: z.number().int().min(0).max(10),
        postponeMaxMs: ms,
      })
      .partial(),
    maxContinuousDutyMs: z.number().int().min(60_000),
    dailyLimitMs: z.number().int().min(60_000),
    strict: z.boolean(),
  })
  .partial()
  .strict();
export type TimerSettings = z.infer<typeof timerSettingsSchema>;

const breakSettings = z.object({
  enabled: z.boolean(),
  intervalMs: z.number(),
  durationMs: z.number(),
  warnBeforeMs: z.number(),
  overdueAfterMs: z.number(),
  maxPostpones: z.number(),
  postponeMaxMs: z.number(),
});
export const timerConfigViewSchema = z.object({
  micro: breakSettings,
  rest: breakSettings,
  maxContinuousDutyMs: z.number(),
  dailyLimitMs: z.number(),
  strict: z.boolean(),
});
export type TimerConfigView = z.infer<typeof timerConfigViewSchema>;

export const boardSchema = z.object({
  now: z.number(),
  localMemberId: z.string().nullable(),
  members: z.array(memberViewSchema),
  config: timerConfigViewSchema,
});
export type TeamBoard = z.infer<typeof boardSchema>;

export const memberInputSchema = z
  .object({
    id: z.string().min(1).max(64).optional(),
    displayName: z.string().trim().min(1).max(120),
    signature: z.string().trim().max(60).optional(),
    usualRole: teamRoleSchema.nullable().optional(),
    services: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
    isLocal: z.boolean().optional(),
  })
  .strict();

export const breakActionSchema = z.enum(['start', 'end', 'postpone', 'skip', 'impose', 'release']);

const slider = z.number().int().min(0).max(100);
export const tlxInputSchema = z
  .object({
    memberId: z.string().min(1).optional(),
    mental: slider,
    physical: slider,
    temporal: slider,
    performance: slider,
    effort: slider,
    frustration: slider,
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// Protection cases

export const PERSON_KIND_IDS = ['journalist', 'employee', 'executive', 'other'] as const;
export const handleSchema = z.object({
  platform: z.string().trim().min(1).max(40),
  handle: z.string().trim().min(1).max(200),
});

export const caseSummarySchema = z.object({
  id: z.string(),
  personName: z.string(),
  personKind: z.enum(PERSON_KIND_IDS),
  status: z.enum(['open', 'all_clear_suggested', 'closed']),
  openedAt: z.number(),
  cooldownUntil: z.number(),
  cooldownMs: z.number(),
  stepsDone: z.number().int(),
  stepsTotal: z.number().int(),
  lastRatePerHour: z.number().nullable(),
  baselinePerHour: z.number(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseDetailSchema = z.object({
  now: z.number(),
  id: z.string(),
  incidentId: z.string().nullable(),
  person: z.object({
    name: z.string(),
    kind: z.enum(PERSON_KIND_IDS),
    handles: z.array(handleSchema),
    keywords: z.array(z.string()),
  }),
  status: z.enum(['open', 'all_clear_suggested', 'closed']),
  openedAt: z.number(),
  openedBy: z.string(),
  closedAt: z.number().nullable(),
  delegate: z.object({ memberId: z.string().nullable(), name: z.string() }).nullable(),
  steps: z.array(
    z.object({
      id: z.string(),
      owner: z.string(),
      requires: z.array(z.string()),
      title: bilingual,
      detail: bilingual,
      doneAt: z.number().nullable(),
      doneBy: z.string().nullable(),
      note: z.string().nullable(),
      forced: z.boolean(),
    }),
  ),
  followUps: z.array(z.object({ dueAt: z.number(), doneAt: z.number().nullable() })),
  cooldown: z.object({
    startedAt: z.number(),
    until: z.number(),
    durationMs: z.number(),
    remainingMs: z.number(),
    elapsed: z.boolean(),
    progress: z.number(),
  }),
  watch: z.object({
    baselinePerHour: z.number(),
    baselineSource: z.enum(['computed', 'manual']),
    lastRatePerHour: z.number().nullable(),
    /** Mentions of the person over the last rate window, per hour, counted now. */
    liveRatePerHour: z.number(),
    quietForMs: z.number(),
    quietMs: z.number(),
    allClearEarliestAt: z.number().nullable(),
    suggestedAt: z.number().nullable(),
    relapses: z.number().int(),
    /** Mentions of the person per hour over the last 24 h, oldest first. */
    hourly: z.array(z.object({ hour: z.number(), count: z.number().int() })),
    matched: z.number().int(),
  }),
  evidenceCount: z.number().int(),
  events: z.array(
    z.object({
      seq: z.number().int(),
      at: z.number(),
      kind: z.string(),
      actor: z.string().nullable(),
      text_fr: z.string(),
      text_en: z.string(),
    }),
  ),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const personSuggestionSchema = z.object({
  name: z.string(),
  kind: z.enum(PERSON_KIND_IDS),
  role: bilingual.nullable(),
  handles: z.array(handleSchema),
  source: z.enum(['demo', 'alert']),
  alertId: z.number().int().nullable(),
});
export type PersonSuggestion = z.infer<typeof personSuggestionSchema>;
