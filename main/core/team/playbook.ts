import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { VigieError } from '../errors';

export const STEP_OWNERS = [
  'lead',
  'comms',
  'scribe',
  'signatory',
  'liaison',
  'delegate',
  'person',
  'security',
  'legal',
] as const;
export type StepOwner = (typeof STEP_OWNERS)[number];

/** What the cell does in Vigie that is the step itself. */
export const STEP_TRIGGERS = ['delegate_named', 'evidence_frozen'] as const;
export type StepTrigger = (typeof STEP_TRIGGERS)[number];

const bilingual = z.object({ fr: z.string().min(1), en: z.string().min(1) });

export const protectionPlaybookSchema = z
  .object({
    id: z.string().min(1),
    version: z.number().int().positive(),
    title: bilingual,
    sources: z.array(z.string()),
    /** Wellbeing follow-ups, as offsets from the opening of the case. */
    followUpOffsetsMs: z.array(z.number().int().positive()),
    steps: z
      .array(
        z.object({
          id: z.string().regex(/^[a-z][a-z0-9_]*$/),
          owner: z.enum(STEP_OWNERS),
          /** Steps that must be done first (e.g. preserve evidence before blocking). */
          requires: z.array(z.string()),
          title: bilingual,
          detail: bilingual,
          /** Vigie ticks the step itself when the cell does it in Vigie (a delegate named, evidence frozen). */
          doneWhen: z.enum(STEP_TRIGGERS).optional(),
        }),
      )
      .min(1),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.steps.forEach((step, i) => {
      if (seen.has(step.id))
        ctx.addIssue({ code: 'custom', message: `duplicate step id ${step.id}`, path: ['steps', i] });
      for (const r of step.requires) {
        if (!seen.has(r))
          ctx.addIssue({
            code: 'custom',
            message: `step ${step.id} requires ${r}, which must come before it`,
            path: ['steps', i, 'requires'],
          });
      }
      seen.add(step.id);
    });
  });
export type ProtectionPlaybook = z.infer<typeof protectionPlaybookSchema>;

export const PROTECTION_PLAYBOOK_FILE = path.join('playbooks', 'protection-go-private.json');

/** Validates a playbook given as data (a cell may keep its own variant). */
export function parseProtectionPlaybook(data: unknown): ProtectionPlaybook {
  const parsed = protectionPlaybookSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new VigieError(
      'playbook_invalid',
      `Protection playbook is invalid: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    );
  }
  return parsed.data;
}

const cache = new Map<string, ProtectionPlaybook>();

/** Reads resources/playbooks/protection-go-private.json once per process. */
export function loadProtectionPlaybook(resourcesDir: string): ProtectionPlaybook {
  const file = path.join(resourcesDir, PROTECTION_PLAYBOOK_FILE);
  const cached = cache.get(file);
  if (cached) return cached;
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    throw new VigieError('playbook_missing', `The protection playbook is missing from ${file}.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (err) {
    throw new VigieError('playbook_invalid', `${file} is not valid JSON: ${(err as Error).message}`);
  }
  const playbook = parseProtectionPlaybook(data);
  cache.set(file, playbook);
  return playbook;
}
