// Domain schemas of the crisis cell as they cross the contract: incidents and their perimeter, roles,
// checklists, clocks, statements, triage, the event log. The core shapes live in main/core/crisis;
// these mirror them for the renderer (types only there).
import { z } from 'zod';
import { incidentSchema, levelSchema, mentionSchema, mentionStatusSchema, platformSchema } from './model';

export const localizedSchema = z.object({ fr: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof localizedSchema>;

export const ROLE_IDS = ['lead', 'comms', 'scribe', 'signatory', 'liaison'] as const;
export const roleSchema = z.enum(ROLE_IDS);
export type RoleId = z.infer<typeof roleSchema>;

export const QUICK_KINDS = ['decision', 'note', 'action'] as const;
export const quickKindSchema = z.enum(QUICK_KINDS);
export type QuickKind = z.infer<typeof quickKindSchema>;

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export const sentimentSchema = z.enum(SENTIMENTS);
export type SentimentClass = z.infer<typeof sentimentSchema>;

/** The search terms and sources that define what an incident is about. */
export const perimeterSchema = z.object({
  terms: z.array(z.string()),
  sourceIds: z.array(z.string()),
  /** The alert it was opened from (a timeline event id), if any. */
  fromAlertId: z.number().int().nullable(),
});
export type Perimeter = z.infer<typeof perimeterSchema>;

export const roleAssignmentSchema = z.object({
  id: z.number().int(),
  role: roleSchema,
  member: z.string(),
  signature: z.string(),
  assumedAt: z.number().int(),
  assumedBy: z.string().nullable(),
  renouncedAt: z.number().int().nullable(),
  renouncedBy: z.string().nullable(),
});
export type RoleAssignmentView = z.infer<typeof roleAssignmentSchema>;

export const checklistItemSchema = z.object({
  id: z.number().int(),
  playbookId: z.string().nullable(),
  stepId: z.string(),
  phase: z.string(),
  title: localizedSchema,
  detail: localizedSchema,
  minLevel: z.string(),
  owner: roleSchema.nullable(),
  templateId: z.string().nullable(),
  startsClock: z.string().nullable(),
  stopsClock: z.string().nullable(),
  unlockedAt: z.number().int().nullable(),
  dueAt: z.number().int().nullable(),
  status: z.enum(['todo', 'done', 'skipped']),
  doneAt: z.number().int().nullable(),
  doneBy: z.string().nullable(),
  note: z.string(),
  locked: z.boolean(),
  overdue: z.boolean(),
});
export type ChecklistItemView = z.infer<typeof checklistItemSchema>;

export const checklistPhaseSchema = z.object({
  phase: z.string(),
  label: localizedSchema,
  items: z.array(checklistItemSchema),
  done: z.number().int(),
  total: z.number().int(),
  overdue: z.number().int(),
});
export type ChecklistPhase = z.infer<typeof checklistPhaseSchema>;

export const clockSchema = z.object({
  clockId: z.string(),
  label: localizedSchema,
  state: z.enum(['not_started', 'running', 'expired', 'met']),
  startedAt: z.number().int().nullable(),
  deadlineAt: z.number().int().nullable(),
  durationMs: z.number().int(),
  metAt: z.number().int().nullable(),
  marginMs: z.number().nullable(),
});
export type ClockView = z.infer<typeof clockSchema>;

export const cadenceSchema = z.object({
  level: z.string(),
  cadenceMinutes: z.number().nullable(),
  since: z.number().int().nullable(),
  dueAt: z.number().int().nullable(),
  warnMinutes: z.number(),
});
export type CadenceView = z.infer<typeof cadenceSchema>;

export const STATEMENT_KIND_IDS = ['holding', 'update', 'reply', 'faq', 'internal'] as const;
export const statementKindSchema = z.enum(STATEMENT_KIND_IDS);

export const approvalSchema = z.object({
  approver: z.string(),
  position: z.number().int(),
  requestedAt: z.number().int(),
  decision: z.enum(['pending', 'approved', 'rejected']),
  decidedAt: z.number().int().nullable(),
  comment: z.string(),
  /** Who entered the decision when it was not the approver (given by phone…). */
  recordedBy: z.string().nullable(),
});

export const statementSchema = z.object({
  id: z.number().int(),
  kind: statementKindSchema,
  lang: z.enum(['fr', 'en']),
  templateId: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  signature: z.string().nullable(),
  status: z.enum(['draft', 'pending', 'approved', 'rejected', 'published']),
  version: z.number().int(),
  rule: z.enum(['any', 'all']).nullable(),
  createdAt: z.number().int(),
  createdBy: z.string().nullable(),
  requestedAt: z.number().int().nullable(),
  decidedAt: z.number().int().nullable(),
  publishedAt: z.number().int().nullable(),
  publishedBy: z.string().nullable(),
  channel: z.string().nullable(),
  /** The public post's address, when the cell gave it (http or https only). */
  publishedUrl: z.string().nullable(),
  approvals: z.array(approvalSchema),
  /** Request → final decision, ms (null while undecided). */
  approvalMs: z.number().nullable(),
});
export type StatementView = z.infer<typeof statementSchema>;

export const firstStatementSchema = z.object({
  firstAlertAt: z.number().int(),
  firstStatementAt: z.number().int().nullable(),
  delayMs: z.number().nullable(),
});
export type FirstStatementView = z.infer<typeof firstStatementSchema>;

export const optionSchema = z.object({ id: z.string(), label: localizedSchema });
export type CrisisOption = z.infer<typeof optionSchema>;

export const levelDefSchema = z.object({
  id: levelSchema,
  label: localizedSchema,
  updateCadenceMinutes: z.number().nullable(),
});

/** Everything the crisis panels show for one incident, in one answer. */
export const crisisStateSchema = z.object({
  incident: incidentSchema,
  perimeter: perimeterSchema,
  /** The incident's clock when this was computed (simulated time for the demo during its replay). */
  clock: z.number().int(),
  roles: z.array(roleAssignmentSchema),
  checklist: z.array(checklistPhaseSchema),
  clocks: z.array(clockSchema),
  cadence: cadenceSchema,
  statements: z.array(statementSchema),
  firstStatement: firstStatementSchema,
  appliedPlaybooks: z.array(z.string()),
  evidenceCount: z.number().int(),
  localActor: z.string(),
  /** What Vigie fills itself in statement templates now, per language (signatory, next update…). */
  templateValues: z.object({
    fr: z.record(z.string(), z.string()),
    en: z.record(z.string(), z.string()),
  }),
});
export type CrisisState = z.infer<typeof crisisStateSchema>;

/** The configured words of the field and the playbook library. */
export const crisisCatalogSchema = z.object({
  levels: z.array(levelDefSchema),
  roles: z.array(z.object({ id: roleSchema, label: localizedSchema, single: z.boolean() })),
  phases: z.array(optionSchema),
  services: z.array(optionSchema),
  playbooks: z.array(
    z.object({ id: z.string(), title: localizedSchema, summary: localizedSchema, steps: z.number().int() }),
  ),
  templates: z.array(
    z.object({
      id: z.string(),
      kind: statementKindSchema,
      title: localizedSchema,
      variables: z.array(z.object({ name: z.string(), description: localizedSchema })),
      /** Every {{variable}} its bodies use. */
      uses: z.array(z.string()),
    }),
  ),
  /** Playbook or template files that could not be loaded, "file:line: field: message". */
  libraryErrors: z.array(z.string()),
  /** Where the user's own playbooks are read from. */
  userFolder: z.string(),
});
export type CrisisCatalog = z.infer<typeof crisisCatalogSchema>;

/** A mention as the triage feed sees it: its triage fields and, for a search, the highlighted text. */
export const triageMentionSchema = mentionSchema.extend({
  assignee: z.string().nullable(),
  routedTo: z.string().nullable(),
  clusterId: z.string().nullable(),
  /** The text with the matched words between \u0002 and \u0003 (FTS5 highlight()); null without search. */
  highlight: z.string().nullable(),
});
export type TriageMention = z.infer<typeof triageMentionSchema>;

export const triageFilterSchema = z
  .object({
    platforms: z.array(platformSchema).max(20).optional(),
    sentiment: sentimentSchema.optional(),
    /** Toxicity at or above this (0..1). */
    minToxicity: z.number().min(0).max(1).optional(),
    lang: z.string().max(10).optional(),
    minReach: z.number().int().min(0).optional(),
    statuses: z.array(mentionStatusSchema).max(4).optional(),
    /** A member's name, or "" for mentions assigned to nobody. */
    assignee: z.string().max(200).optional(),
    routedTo: z.string().max(60).optional(),
    clusterId: z.string().max(200).optional(),
    /** Time window on the mention's creation time, ms UTC. */
    from: z.number().int().optional(),
    to: z.number().int().optional(),
    search: z.string().max(200).optional(),
  })
  .strict();
export type TriageFilter = z.infer<typeof triageFilterSchema>;

export const logEventSchema = z.object({
  id: z.number().int(),
  at: z.number().int(),
  kind: z.string(),
  actor: z.string().nullable(),
  text: z.string(),
  mentionId: z.string().nullable(),
  data: z.unknown(),
});
export type LogEvent = z.infer<typeof logEventSchema>;

export const evidenceSchema = z.object({
  id: z.number().int(),
  mentionId: z.string(),
  platform: z.string(),
  url: z.string().nullable(),
  authorHandle: z.string(),
  authorName: z.string().nullable(),
  text: z.string(),
  mentionCreatedAt: z.number().int(),
  sha256: z.string(),
  note: z.string(),
  pinnedAt: z.number().int(),
  pinnedBy: z.string().nullable(),
});
export type EvidenceView = z.infer<typeof evidenceSchema>;

export const bulkResultSchema = z.object({ changed: z.number().int(), mentionIds: z.array(z.string()) });
