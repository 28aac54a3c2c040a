// Team: members, rest timers, mental load, protection cases.
// Every name here is also listed in shared/call-names/team.ts (checked by tests/unit/contract.test.ts).
// Build calls with `call(request, response)` and `empty` from './call', as shared/contract.ts does.
import { z } from 'zod';
import {
  boardSchema,
  breakActionSchema,
  breakKindSchema,
  caseDetailSchema,
  caseSummarySchema,
  handleSchema,
  memberInputSchema,
  memberViewSchema,
  PERSON_KIND_IDS,
  personSuggestionSchema,
  timerConfigViewSchema,
  timerNotificationSchema,
  timerSettingsSchema,
  tlxInputSchema,
} from '../team-model';
import { call, empty } from './call';

const id = z.string().min(1).max(64);
const note = z.string().max(2000).optional();
const ok = z.object({ ok: z.boolean() });

export const teamCalls = {
  /** Every member with their timer, load and state at a glance. */
  'team.board': call(empty, boardSchema),
  /** Creates (no id) or updates a member. */
  'team.members.save': call(memberInputSchema, memberViewSchema),
  'team.members.remove': call(z.object({ id }).strict(), z.object({ removed: z.boolean() })),
  'team.duty': call(z.object({ memberId: id, onDuty: z.boolean() }).strict(), memberViewSchema),
  /** start/end a break, postpone/skip the next one, impose one (lead, optionally strict), release strict. */
  'team.break': call(
    z
      .object({
        memberId: id,
        action: breakActionSchema,
        kind: breakKindSchema.optional(),
        strict: z.boolean().optional(),
        postponeMs: z.number().int().min(0).max(3_600_000).optional(),
      })
      .strict(),
    memberViewSchema,
  ),
  'team.timerConfig.set': call(timerSettingsSchema, timerConfigViewSchema),
  /** The local user's input activity (keyboard, mouse, page visible); `idleMs` = no input that long. */
  'team.activity': call(
    z.object({ idleMs: z.number().int().min(0).max(86_400_000).optional() }).strict(),
    ok,
  ),
  /** The local user opened a mention (exposure). */
  'team.exposure.opened': call(
    z.object({ mentionId: z.string().min(1).max(300) }).strict(),
    z.object({ recorded: z.boolean() }),
  ),
  'team.tlx.submit': call(tlxInputSchema, memberViewSchema),
  'team.tlx.dismiss': call(z.object({ memberId: id.optional() }).strict(), ok),
  /** A handoff note (FR and EN) for a member who rotates out. */
  'team.handoff': call(
    z.object({ memberId: id, toMemberId: id.nullable().optional(), notes: note }).strict(),
    z.object({ fr: z.string(), en: z.string() }),
  ),

  /** People the cell may want to protect: the demo's targeted employee, person-targeted alerts. */
  'protection.suggestions': call(empty, z.object({ items: z.array(personSuggestionSchema) })),
  'protection.list': call(empty, z.object({ items: z.array(caseSummarySchema) })),
  'protection.open': call(
    z
      .object({
        name: z.string().trim().min(1).max(120),
        kind: z.enum(PERSON_KIND_IDS),
        handles: z.array(handleSchema).max(20),
        keywords: z.array(z.string().trim().min(2).max(80)).max(20).optional(),
        cooldownHours: z
          .number()
          .min(0.01)
          .max(24 * 30)
          .optional(),
        delegateMemberId: id.nullable().optional(),
        alertId: z.number().int().optional(),
      })
      .strict(),
    caseDetailSchema,
  ),
  'protection.get': call(z.object({ id }).strict(), caseDetailSchema),
  'protection.step': call(
    z
      .object({
        id,
        stepId: z.string().min(1).max(64),
        done: z.boolean(),
        force: z.boolean().optional(),
        note,
      })
      .strict(),
    caseDetailSchema,
  ),
  'protection.delegate': call(z.object({ id, memberId: id.nullable() }).strict(), caseDetailSchema),
  'protection.cooldown': call(
    z
      .object({
        id,
        hours: z
          .number()
          .min(0.01)
          .max(24 * 30),
      })
      .strict(),
    caseDetailSchema,
  ),
  'protection.allClear': call(z.object({ id, accept: z.boolean(), note }).strict(), caseDetailSchema),
  'protection.close': call(z.object({ id, note }).strict(), caseDetailSchema),
  'protection.reopen': call(z.object({ id, note }).strict(), caseDetailSchema),
  /** Freezes the abusive mentions of the person (toxic or not yet scored) as evidence. */
  'protection.evidence.collect': call(
    z.object({ id }).strict(),
    z.object({ added: z.number().int(), total: z.number().int() }),
  ),
  'protection.dossier': call(
    z.object({ id, format: z.enum(['html', 'csv', 'json']), lang: z.enum(['fr', 'en']) }).strict(),
    z.object({
      fileName: z.string(),
      mime: z.string(),
      content: z.string(),
      items: z.number().int(),
      sha256: z.string(),
    }),
  ),
} as const;

export const teamEvents = {
  /** Members, timers or loads changed: reload the board. */
  'team.changed': z.object({ memberIds: z.array(z.string()) }),
  /** A break warning, due, overdue or limit, once per occurrence. */
  'team.notification': timerNotificationSchema.extend({ memberId: z.string(), memberName: z.string() }),
  'protection.changed': z.object({ id: z.string() }),
} as const;
