// The JSON bundle: the incident, its review, every row attached to it and its mentions, plus the
// computed metrics. Another Vigie restores it with `vigie import-bundle`. No export timestamp inside:
// the same record always gives the same bytes (a round trip through an empty store is identical).
import { z } from 'zod';
import { IDENTITY } from './aliases';
import { buildModel } from './model';
import { INCIDENT_TABLES, type IncidentRecord } from './record';

export const BUNDLE_FORMAT = 'vigie-incident-bundle';
export const BUNDLE_VERSION = 1;

const cell = z.union([z.string(), z.number(), z.null()]);
const row = z.record(z.string(), cell);

export const bundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  schemaVersion: z.number().int(),
  incident: row.and(z.object({ id: z.string().min(1), title: z.string(), opened_at: z.number() })),
  review: row.nullable(),
  scope: z.object({ sourceIds: z.array(z.string()), from: z.number(), to: z.number() }),
  metrics: z.unknown(),
  tables: z.object(Object.fromEntries(INCIDENT_TABLES.map((t) => [t, z.array(row).default([])]))),
  mentions: z.array(row.and(z.object({ id: z.string().min(1) }))),
});
export type Bundle = z.output<typeof bundleSchema>;

export function renderBundle(record: IncidentRecord, schemaVersion: number): string {
  const m = buildModel(record, {
    lang: 'en',
    timeZone: 'UTC',
    generatedAt: 0,
    includePrivate: false,
    aliases: IDENTITY,
  });
  const { onTime, late, overdue, skipped, open, noDeadline } = m.checklist;
  const bundle = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    schemaVersion,
    incident: record.incident,
    review: record.review,
    scope: record.scope,
    metrics: {
      maxLevel: m.incident.maxLevel,
      times: m.times,
      impact: m.impact,
      approvals: m.approvals.map(({ title, requestedAt, decidedAt, latencyMs, outcome }) => ({
        title,
        requestedAt,
        decidedAt,
        latencyMs,
        outcome,
      })),
      checklist: { onTime, late, overdue, skipped, open, noDeadline },
      routing: m.routing,
      team: m.team,
    },
    tables: record.tables,
    mentions: record.mentions,
  };
  return `${JSON.stringify(bundle, null, 2)}\n`;
}
