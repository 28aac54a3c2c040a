// The file formats of playbooks (`*.playbook.yaml`) and statement templates (`*.template.yaml`),
// as zod schemas. resources/playbooks/README.md documents them for the people who edit them; the
// loader adds what a schema cannot see (levels of the configured scale, duplicate ids, references
// between files) and turns every problem into "file:line: field: message".
import { z } from 'zod';
import { ROLES, type Localized, type Role } from '../config';

export const PLAYBOOK_FORMAT = 'vigie-playbook/1';
export const TEMPLATE_FORMAT = 'vigie-template/1';
export const PLAYBOOK_SUFFIXES = ['.playbook.yaml', '.playbook.yml'];
export const TEMPLATE_SUFFIXES = ['.template.yaml', '.template.yml'];

const ID_RE = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const idSchema = z
  .string()
  .regex(ID_RE, 'use lowercase letters, digits, "-" or "_" (64 at most, starting with a letter or digit)');

const DURATION_RE = /^(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m(?:in)?)?$/;

/** "45m", "2h", "1h30m", "3d" → milliseconds; null when the text is not a duration. */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  const m = DURATION_RE.exec(t);
  if (!t || !m || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return null;
  const [d, h, min] = [m[1], m[2], m[3]].map((x) => (x === undefined ? 0 : Number(x))) as [
    number,
    number,
    number,
  ];
  return ((d * 24 + h) * 60 + min) * 60_000;
}

const durationSchema = z.string('write a duration such as 45m, 2h, 1h30m or 3d').transform((text, ctx) => {
  const ms = parseDuration(text);
  if (ms === null) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a duration: write 45m, 2h, 1h30m or 3d` });
    return z.NEVER;
  }
  return ms;
});

const text = z.string('expected a text').trim().min(1, 'must not be empty');
const localized = z.strictObject({ fr: text, en: text });
const optionalLocalized = z.strictObject({
  fr: z.string('expected a text').trim(),
  en: z.string('expected a text').trim(),
});

/** 'opening' | 'level' | 'clock:<id>' */
export type DueAnchor = 'opening' | 'level' | `clock:${string}`;

const dueSchema = z.strictObject({
  after: durationSchema,
  from: z
    .string('expected opening, level or clock:<id>')
    .regex(
      /^(opening|level|clock:[a-z0-9][a-z0-9_-]{0,63})$/,
      'expected opening (incident opened), level (the step unlocked) or clock:<id> (a clock started)',
    )
    .transform((v) => v as DueAnchor),
});

export const OPENS = ['protection_case'] as const;

const stepSchema = z
  .strictObject({
    id: idSchema,
    phase: idSchema,
    title: localized,
    detail: optionalLocalized.optional(),
    min_level: z.string('expected a level of the scale (veille, alerte, crise, crise_majeure…)'),
    owner: z.enum(ROLES, `expected one of ${ROLES.join(', ')}`),
    due: dueSchema.optional(),
    template: idSchema.optional(),
    starts_clock: idSchema.optional(),
    stops_clock: idSchema.optional(),
    opens: z.enum(OPENS, `expected one of ${OPENS.join(', ')}`).optional(),
  })
  .transform((s) => ({
    id: s.id,
    phase: s.phase,
    title: s.title,
    detail: s.detail ?? { fr: '', en: '' },
    minLevel: s.min_level,
    owner: s.owner as Role,
    due: s.due ? { afterMs: s.due.after, from: s.due.from } : null,
    template: s.template ?? null,
    startsClock: s.starts_clock ?? null,
    stopsClock: s.stops_clock ?? null,
    opens: s.opens ?? null,
  }));

const clockSchema = z
  .strictObject({
    id: idSchema,
    title: localized,
    duration: durationSchema,
    start: z.enum(['opening', 'manual'], 'expected opening or manual'),
  })
  .transform((c) => ({ id: c.id, title: c.title, durationMs: c.duration, start: c.start }));

export const playbookFileSchema = z
  .strictObject({
    format: z.literal(PLAYBOOK_FORMAT, `expected "${PLAYBOOK_FORMAT}"`),
    id: idSchema,
    revision: z.int('expected a whole number').min(1).optional(),
    title: localized,
    summary: optionalLocalized.optional(),
    opening_level: z.string('expected a level of the scale').optional(),
    clocks: z.array(clockSchema, 'expected a list of clocks').optional(),
    steps: z.array(stepSchema, 'expected a list of steps').min(1, 'a playbook needs at least one step'),
  })
  .transform((p) => ({
    id: p.id,
    revision: p.revision ?? 1,
    title: p.title,
    summary: p.summary ?? { fr: '', en: '' },
    openingLevel: p.opening_level ?? null,
    clocks: p.clocks ?? [],
    steps: p.steps,
  }));

export type PlaybookData = z.output<typeof playbookFileSchema>;
export type PlaybookStep = PlaybookData['steps'][number];
export type PlaybookClock = PlaybookData['clocks'][number];

/** A loaded playbook: its data and the file it came from. */
export interface Playbook extends PlaybookData {
  file: string;
}

export const STATEMENT_KINDS = ['holding', 'update', 'reply', 'faq', 'internal'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];
/** Kinds that go out to the public: they count for the first-statement delay and the cadence. */
export const PUBLIC_STATEMENT_KINDS: readonly StatementKind[] = ['holding', 'update', 'reply'];

const variableSchema = z.strictObject({
  name: z
    .string('expected a variable name')
    .regex(/^[a-z][a-z0-9_]{0,63}$/, 'use lowercase letters, digits and _'),
  description: localized,
});

export const templateFileSchema = z
  .strictObject({
    format: z.literal(TEMPLATE_FORMAT, `expected "${TEMPLATE_FORMAT}"`),
    id: idSchema,
    kind: z.enum(STATEMENT_KINDS, `expected one of ${STATEMENT_KINDS.join(', ')}`),
    title: localized,
    max_length: z.int('expected a whole number').min(1).optional(),
    variables: z.array(variableSchema, 'expected a list of variables').optional(),
    body: localized,
  })
  .transform((t) => ({
    id: t.id,
    kind: t.kind,
    title: t.title,
    maxLength: t.max_length ?? null,
    variables: t.variables ?? [],
    body: t.body,
  }));

export type TemplateData = z.output<typeof templateFileSchema>;

/** A loaded template; `bodyLine` gives the file line of each body's first line (for errors). */
export interface StatementTemplate extends TemplateData {
  file: string;
  bodyLine: Record<'fr' | 'en', number | null>;
}

export type { Localized };
