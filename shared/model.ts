// Domain schemas shared by the core and the renderer. Types are inferred from them.
import { z } from 'zod';

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
