// Analysis: alerts, suggested level, what is rising (issue: crisis analysis).
// Every name here is also listed in shared/call-names/analysis.ts (checked by tests/unit/contract.test.ts).
// Build calls with `call(request, response)` and `empty` from './call', as shared/contract.ts does.
import { z } from 'zod';
import { alertEventSchema, alertSchema, risingSchema, suggestionSchema } from '../analysis-model';
import { incidentSchema, levelSchema } from '../model';
import { call } from './call';

const id = z.string().min(1).max(200);
const time = z.number().int();
/** Who acts: the local member by default. */
const actor = z.string().max(120).optional();

export const analysisCalls = {
  /** Spike alerts stored, newest first (optionally one incident's, within a window). */
  'analysis.alerts': call(
    z
      .object({
        incidentId: id.optional(),
        from: time.optional(),
        to: time.optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    z.object({ items: z.array(alertSchema) }),
  ),
  /** The level the analysis suggests for an incident (the focused one by default), with its reasons. */
  'analysis.suggestion': call(
    z
      .object({ incidentId: id.optional(), windowMinutes: z.number().int().min(5).max(1440).default(30) })
      .strict(),
    suggestionSchema.nullable(),
  ),
  /** Accepts the suggestion: a level change through the crisis levels, on the incident timeline. */
  'analysis.acceptSuggestion': call(
    z
      .object({ incidentId: id, level: levelSchema, lang: z.enum(['fr', 'en']).default('fr'), actor })
      .strict(),
    incidentSchema,
  ),
  /** Turns the suggestion down (kept on the timeline); it comes back only for another level. */
  'analysis.dismissSuggestion': call(
    z
      .object({
        incidentId: id,
        level: levelSchema,
        reason: z.string().trim().min(1).max(500),
        lang: z.enum(['fr', 'en']).default('fr'),
        actor,
      })
      .strict(),
    z.object({ dismissed: z.boolean() }),
  ),
  /** What is rising in a window: terms, hashtags, clusters (one voice, many echoes), authors by reach. */
  'analysis.rising': call(
    z
      .object({ from: time, to: time, limit: z.number().int().min(1).max(50).default(10) })
      .strict()
      .refine((r) => r.to > r.from, { message: 'to must be after from' }),
    risingSchema,
  ),
} as const;

export const analysisEvents = {
  /** A spike alert was raised (stored, and on the focused incident's timeline as kind `alert`). */
  'analysis.alert': alertEventSchema,
  /** The suggested level of the focused incident changed. */
  'analysis.suggestion': suggestionSchema.nullable(),
} as const;
