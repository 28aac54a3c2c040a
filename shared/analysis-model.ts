// Analysis schemas shared by the core and the renderer (alerts, suggested level, what is rising).
import { z } from 'zod';
import { incidentSchema, levelSchema, platformSchema } from './model';

const localized = z.object({ fr: z.string(), en: z.string() });

export const ALERT_METRICS = [
  'count',
  'neg',
  'negShare',
  'toxic',
  'crisis',
  'crisisShare',
  'reach',
  'pressure',
  'cluster',
] as const;
export const alertMetricSchema = z.enum(ALERT_METRICS);

export const alertReasonSchema = z.object({
  metric: alertMetricSchema,
  /** Per-minute value over the window (shares 0..1; cluster: copies in the window). */
  value: z.number(),
  baseline: z.number(),
  ratio: z.number(),
  text: localized,
});
export type AlertReason = z.infer<typeof alertReasonSchema>;

/** A copy-paste campaign or quote chain: one voice, many echoes. */
export const alertClusterSchema = z.object({
  clusterId: z.string(),
  copies: z.number().int(),
  text: z.string(),
});

export const alertSchema = z.object({
  id: z.number().int(),
  /** The minute (stream time, ms) the alert was raised at. */
  at: z.number().int(),
  incidentId: z.string().nullable(),
  metric: alertMetricSchema,
  value: z.number(),
  baseline: z.number(),
  ratio: z.number(),
  escalation: z.boolean(),
  reasons: z.array(alertReasonSchema),
  cluster: alertClusterSchema.nullable(),
});
export type Alert = z.infer<typeof alertSchema>;

/** `analysis.alert`: live is false for alerts found while catching up on past minutes. */
export const alertEventSchema = alertSchema.extend({ live: z.boolean() });
export type AlertEvent = z.infer<typeof alertEventSchema>;

export const levelReasonSchema = z.object({
  code: z.string(),
  value: z.number(),
  threshold: z.number(),
  points: z.number(),
  text: localized,
});
export type LevelReasonView = z.infer<typeof levelReasonSchema>;

export const suggestionSchema = z.object({
  incidentId: z.string(),
  current: levelSchema,
  level: levelSchema,
  score: z.number(),
  reasons: z.array(levelReasonSchema),
  /** Stream time the suggestion was computed at, and the window it looked at. */
  at: z.number().int(),
  windowFrom: z.number().int(),
  /** The suggestion differs from the current level and was not dismissed. */
  actionable: z.boolean(),
  /** The cell dismissed this very level: quiet until the analysis suggests another one. */
  dismissed: z.boolean(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const termCountSchema = z.object({ term: z.string(), count: z.number().int() });

export const risingClusterSchema = z.object({
  clusterId: z.string(),
  /** Copies in the window (echoes of one voice). */
  copies: z.number().int(),
  authors: z.number().int(),
  reach: z.number().int(),
  text: z.string(),
  /** Share of the window's mentions (0..1). */
  share: z.number(),
});

export const risingAuthorSchema = z.object({
  handle: z.string(),
  name: z.string().nullable(),
  platform: platformSchema,
  reach: z.number().int(),
  mentions: z.number().int(),
  negative: z.number().int(),
});

export const risingSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  total: z.number().int(),
  /** Distinct voices: clusters count once however many copies they have. */
  voices: z.number().int(),
  terms: z.array(termCountSchema),
  hashtags: z.array(termCountSchema),
  clusters: z.array(risingClusterSchema),
  authors: z.array(risingAuthorSchema),
});
export type Rising = z.infer<typeof risingSchema>;

export { incidentSchema };
