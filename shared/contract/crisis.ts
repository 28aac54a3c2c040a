// Crisis cell: incidents, levels, roles, checklists, statements, triage, timeline events.
// Every name here is also listed in shared/call-names/crisis.ts (checked by tests/unit/contract.test.ts).
// Build calls with `call(request, response)` and `empty` from './call', as shared/contract.ts does.
import { z } from 'zod';
import {
  bulkResultSchema,
  crisisCatalogSchema,
  crisisStateSchema,
  evidenceSchema,
  logEventSchema,
  quickKindSchema,
  roleAssignmentSchema,
  roleSchema,
  statementKindSchema,
  statementSchema,
  triageFilterSchema,
  triageMentionSchema,
} from '../crisis-model';
import { incidentSchema, incidentStatusSchema, levelSchema, mentionStatusSchema } from '../model';
import { call, empty } from './call';

const id = z.string().min(1).max(200);
/** Who acts: the local member by default; the lead may record an action for a colleague. */
const actor = z.string().max(120).optional();
const text = (max: number) => z.string().max(max);
const selection = z.array(id).min(1).max(5000);
const incidentRef = { incidentId: id, actor };

export const crisisCalls = {
  'crisis.catalog': call(empty, crisisCatalogSchema),
  'crisis.state': call(z.object({ incidentId: id }).strict(), crisisStateSchema),
  'incidents.open': call(
    z
      .object({
        title: text(300),
        level: levelSchema.default('veille'),
        terms: z.array(text(200)).max(50).default([]),
        sourceIds: z.array(id).max(50).default([]),
        /** A timeline event of kind `alert` this incident answers. */
        fromAlertId: z.number().int().optional(),
        playbookId: z.string().max(64).optional(),
        actor,
      })
      .strict(),
    incidentSchema,
  ),
  'incidents.setLevel': call(
    z.object({ ...incidentRef, level: levelSchema, reason: text(2000) }).strict(),
    incidentSchema,
  ),
  'incidents.setStatus': call(
    z.object({ ...incidentRef, status: incidentStatusSchema, reason: text(2000).default('') }).strict(),
    incidentSchema,
  ),
  'incidents.setPerimeter': call(
    z
      .object({
        ...incidentRef,
        terms: z.array(text(200)).max(50),
        sourceIds: z.array(id).max(50),
      })
      .strict(),
    z.object({ terms: z.array(z.string()), sourceIds: z.array(z.string()) }),
  ),
  'roles.assume': call(
    z
      .object({ ...incidentRef, role: roleSchema, member: text(200), signature: text(100).optional() })
      .strict(),
    roleAssignmentSchema,
  ),
  'roles.renounce': call(
    z
      .object({ ...incidentRef, role: roleSchema, member: text(200), reason: text(2000).default('') })
      .strict(),
    roleAssignmentSchema,
  ),
  'playbooks.apply': call(
    z.object({ ...incidentRef, playbookId: id }).strict(),
    z.object({ steps: z.number() }),
  ),
  'checklist.complete': call(
    z.object({ itemId: z.number().int(), comment: text(4000).default(''), actor }).strict(),
    z.object({ status: z.string() }),
  ),
  'checklist.skip': call(
    z.object({ itemId: z.number().int(), reason: text(4000), actor }).strict(),
    z.object({ status: z.string() }),
  ),
  'checklist.reopen': call(
    z.object({ itemId: z.number().int(), reason: text(4000).default(''), actor }).strict(),
    z.object({ status: z.string() }),
  ),
  'checklist.comment': call(
    z.object({ itemId: z.number().int(), text: text(4000), actor }).strict(),
    z.object({ status: z.string() }),
  ),
  'checklist.add': call(
    z
      .object({
        ...incidentRef,
        phase: id,
        title: text(300),
        owner: roleSchema.nullable().default(null),
        /** Minutes from now; none when absent. */
        dueInMinutes: z
          .number()
          .int()
          .min(1)
          .max(60 * 24 * 30)
          .optional(),
      })
      .strict(),
    z.object({ id: z.number().int() }),
  ),
  'clocks.start': call(
    z
      .object({ ...incidentRef, clockId: id, startedAt: z.number().int(), note: text(2000).default('') })
      .strict(),
    z.object({ clockId: z.string() }),
  ),
  'statements.draft': call(
    z
      .object({
        ...incidentRef,
        lang: z.enum(['fr', 'en']),
        /** From a template (its values filled by Vigie, then by `values`); otherwise kind + body. */
        templateId: z.string().max(64).optional(),
        values: z.record(z.string().max(64), text(2000)).optional(),
        kind: statementKindSchema.optional(),
        title: text(300).optional(),
        body: text(20_000).optional(),
      })
      .strict(),
    statementSchema,
  ),
  'statements.edit': call(
    z
      .object({ statementId: z.number().int(), title: text(300).optional(), body: text(20_000), actor })
      .strict(),
    statementSchema,
  ),
  'statements.requestApproval': call(
    z
      .object({
        statementId: z.number().int(),
        approvers: z.array(text(200)).min(1).max(20),
        rule: z.enum(['any', 'all']),
        actor,
      })
      .strict(),
    statementSchema,
  ),
  'statements.decide': call(
    z
      .object({
        statementId: z.number().int(),
        /** The approver deciding; the local member by default. */
        approver: text(200).optional(),
        decision: z.enum(['approved', 'rejected']),
        comment: text(4000).default(''),
        /** Who enters it (the local member by default); recorded when not the approver. */
        actor,
      })
      .strict(),
    statementSchema,
  ),
  'statements.publish': call(
    z
      .object({
        statementId: z.number().int(),
        channel: text(200),
        url: text(2000).optional(),
        overrideReason: text(2000).optional(),
        actor,
      })
      .strict(),
    statementSchema,
  ),
  'mentions.query': call(
    z
      .object({
        limit: z.number().int().min(1).max(500).default(100),
        /** Keyset paging: strictly older than this (createdAt, id). */
        before: z.object({ createdAt: z.number().int(), id: z.string() }).optional(),
        filter: triageFilterSchema.default({}),
      })
      .strict(),
    z.object({ items: z.array(triageMentionSchema) }),
  ),
  'mentions.facets': call(
    empty,
    z.object({ languages: z.array(z.string()), assignees: z.array(z.string()) }),
  ),
  'triage.setStatus': call(
    z
      .object({ incidentId: id.nullable(), mentionIds: selection, status: mentionStatusSchema, actor })
      .strict(),
    bulkResultSchema,
  ),
  'triage.assign': call(
    z.object({ ...incidentRef, mentionIds: selection, member: text(200).nullable() }).strict(),
    bulkResultSchema,
  ),
  'triage.route': call(
    z.object({ ...incidentRef, mentionIds: selection, service: id, note: text(2000).default('') }).strict(),
    bulkResultSchema,
  ),
  'evidence.pin': call(
    z.object({ ...incidentRef, mentionId: id, note: text(2000).default('') }).strict(),
    evidenceSchema,
  ),
  'evidence.list': call(z.object({ incidentId: id }).strict(), z.object({ items: z.array(evidenceSchema) })),
  'log.list': call(
    z
      .object({
        incidentId: id,
        /** Exact kinds or families ("checklist.*"). */
        kinds: z.array(text(60)).max(50).optional(),
        actor: text(120).optional(),
        limit: z.number().int().min(1).max(5000).default(1000),
      })
      .strict(),
    z.object({ items: z.array(logEventSchema), actors: z.array(z.string()) }),
  ),
  'log.add': call(
    z
      .object({ ...incidentRef, kind: quickKindSchema, text: text(4000), at: z.number().int().optional() })
      .strict(),
    logEventSchema,
  ),
} as const;

export const crisisEvents = {
  /** Something changed in an incident's crisis state (checklist, roles, statements, log, triage). */
  'crisis.changed': z.object({ incidentId: z.string(), kinds: z.array(z.string()) }),
} as const;
