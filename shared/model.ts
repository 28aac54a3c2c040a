// Domain schemas shared by the core and the renderer. Types are inferred from them.
import { z } from 'zod';
import { QUARANTINE_CODES, quarantineDetailSchema } from './quarantine';

export const PLATFORMS = [
  'x',
  'mastodon',
  'bluesky',
  'reddit',
  'youtube',
  'facebook',
  'rss',
  'reviews',
  'file',
] as const;
export const platformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof platformSchema>;

export const LEVELS = ['veille', 'alerte', 'crise', 'crise_majeure'] as const;
export const levelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof levelSchema>;

export const INCIDENT_STATUSES = ['active', 'stable', 'closed'] as const;
export const incidentStatusSchema = z.enum(INCIDENT_STATUSES);

export const MENTION_STATUSES = ['new', 'seen', 'handled', 'escalated'] as const;
export const mentionStatusSchema = z.enum(MENTION_STATUSES);

/** A mention as it crosses the contract (camelCase; times are ms UTC). */
export const mentionSchema = z.object({
  id: z.string(),
  platform: platformSchema,
  externalId: z.string(),
  url: z.string().nullable(),
  authorHandle: z.string(),
  authorName: z.string().nullable(),
  authorFollowers: z.number().int().nullable(),
  text: z.string(),
  lang: z.string().nullable(),
  createdAt: z.number().int(),
  fetchedAt: z.number().int(),
  likes: z.number().int(),
  shares: z.number().int(),
  replies: z.number().int(),
  reach: z.number().int(),
  rating: z.number().int().min(1).max(5).nullable(),
  sentiment: z.number().nullable(),
  toxicity: z.number().nullable(),
  sourceId: z.string().nullable(),
  status: mentionStatusSchema,
});
export type Mention = z.infer<typeof mentionSchema>;

export const incidentSchema = z.object({
  id: z.string(),
  title: z.string(),
  level: levelSchema,
  status: incidentStatusSchema,
  openedAt: z.number().int(),
  stableAt: z.number().int().nullable(),
  closedAt: z.number().int().nullable(),
  isDemo: z.boolean(),
});
export type Incident = z.infer<typeof incidentSchema>;

export const replayStatusSchema = z.object({
  sourceId: z.string(),
  running: z.boolean(),
  speed: z.number(),
  done: z.number().int(),
  total: z.number().int(),
  simulatedNow: z.number().int(),
  startsAt: z.number().int(),
  endsAt: z.number().int(),
});
export type ReplayStatus = z.infer<typeof replayStatusSchema>;

export const volumeBucketSchema = z.object({
  at: z.number().int(),
  total: z.number().int(),
  reach: z.number().int(),
  byPlatform: z.record(z.string(), z.number().int()),
  /** Analysis (feature analysis): sentiment split, toxic, crisis-word and person-aimed abuse counts. */
  neg: z.number().int().default(0),
  neu: z.number().int().default(0),
  pos: z.number().int().default(0),
  toxic: z.number().int().default(0),
  crisis: z.number().int().default(0),
  aimed: z.number().int().default(0),
  /** Star ratings of reviews in the bucket: sum and count (average = sum / count). */
  ratingSum: z.number().int().default(0),
  ratingCount: z.number().int().default(0),
});
export type VolumeBucket = z.infer<typeof volumeBucketSchema>;

export const countersSchema = z.object({
  total: z.number().int(),
  lastHour: z.number().int(),
  perMinute: z.number(),
  reach: z.number().int(),
  latestAt: z.number().int().nullable(),
  /** The incident's clock: simulated time during the demo replay, wall time otherwise. */
  clock: z.number().int(),
});
export type Counters = z.infer<typeof countersSchema>;

export const SOURCE_STATUSES = [
  'idle',
  'running',
  'ok',
  'paused',
  'offline',
  'rate_limited',
  'error',
  'auth_error',
  'config_error',
  'done',
] as const;

/** A source as the screens see it: settings without secrets, and its health. */
export const sourceViewSchema = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  /** Settings with secret values removed (names of env variables and files are kept). */
  config: z.record(z.string(), z.unknown()),
  status: z.enum(SOURCE_STATUSES),
  lastError: z.string().nullable(),
  lastSuccessAt: z.number().int().nullable(),
  lastRunAt: z.number().int().nullable(),
  lastRunNew: z.number().int().nullable(),
  nextRunAt: z.number().int().nullable(),
  cursor: z.string().nullable(),
  rateLimit: z
    .object({
      limit: z.number().nullable(),
      remaining: z.number().nullable(),
      resetAt: z.number().nullable(),
    })
    .nullable(),
});
export type SourceView = z.infer<typeof sourceViewSchema>;

export const importReportSchema = z.object({
  file: z.string(),
  format: z.string(),
  inserted: z.number().int(),
  duplicates: z.number().int(),
  shares: z.number().int(),
  quarantined: z.number().int(),
});
export type ImportReportView = z.infer<typeof importReportSchema>;

export const quarantineItemSchema = z.object({
  id: z.number().int(),
  sourceId: z.string().nullable(),
  at: z.number().int(),
  /** The technical sentence (English), shown as the detail, or alone for records without a code. */
  reason: z.string(),
  code: z.enum(QUARANTINE_CODES).nullable(),
  detail: quarantineDetailSchema,
  rawExcerpt: z.string(),
  /** Times the same record was refused (a feed re-read with the same bad item, a file imported again). */
  seenCount: z.number().int().min(1),
  /** When it was last refused again; null when seen once. */
  lastSeenAt: z.number().int().nullable(),
});
export type QuarantineItem = z.infer<typeof quarantineItemSchema>;

export const runReportSchema = z.object({
  sourceId: z.string(),
  inserted: z.number().int(),
  duplicates: z.number().int(),
  shares: z.number().int(),
  quarantined: z.number().int(),
  pages: z.number().int(),
  complete: z.boolean(),
  status: z.enum(SOURCE_STATUSES),
  error: z.object({ kind: z.string(), message: z.string() }).nullable(),
  retryAt: z.number().int().nullable(),
});
export type RunReportView = z.infer<typeof runReportSchema>;
