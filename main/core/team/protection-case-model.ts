// The shape of a protection case: statuses, watch settings, steps, cooldown and timeline events (zod).
import { z } from 'zod';
import { DAY, HOUR, MINUTE } from './format';
import { STEP_OWNERS, STEP_TRIGGERS } from './playbook';

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
  'evidence_frozen',
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
      /** See the playbook: absent on cases opened before it existed. */
      doneWhen: z.enum(STEP_TRIGGERS).optional(),
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
