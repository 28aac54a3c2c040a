// Post-mortem review: what the cell edits before exporting, and the export options. Schemas are used
// by the contract (shared/contract/report.ts) and the core; the renderer imports the types only.
import { z } from 'zod';

export const REPORT_FORMATS = ['md', 'html', 'pdf', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_LANGS = ['fr', 'en'] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];

const line = z.string().trim().min(1).max(2000);

export const actionItemSchema = z
  .object({
    text: line,
    owner: z.string().trim().max(120).default(''),
    /** Optional due date, YYYY-MM-DD. */
    due: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
      .nullable()
      .default(null),
  })
  .strict();
export type ActionItem = z.output<typeof actionItemSchema>;

/** What the team writes in the app: summary, went well, did not, action items, agreed onset. */
export const reviewEditsSchema = z
  .object({
    summary: z.string().max(20_000).default(''),
    wentWell: z.array(line).max(100).default([]),
    wentBadly: z.array(line).max(100).default([]),
    actionItems: z.array(actionItemSchema).max(100).default([]),
    /** The onset the cell agrees on (ms UTC); null = computed from the mentions. */
    onsetAt: z.number().int().nullable().default(null),
  })
  .strict();
export type ReviewEdits = z.output<typeof reviewEditsSchema>;

export const reviewSchema = reviewEditsSchema.extend({
  incidentId: z.string(),
  updatedAt: z.number().int().nullable(),
  updatedBy: z.string().nullable(),
});
export type Review = z.output<typeof reviewSchema>;

export const exportOptionsSchema = z
  .object({
    format: z.enum(REPORT_FORMATS),
    lang: z.enum(REPORT_LANGS).default('fr'),
    /** Authors (and cell members) replaced by stable aliases, for sharing outside the cell. */
    pseudonymize: z.boolean().default(false),
    /** Show protected people's names and handles (off by default). */
    includePrivate: z.boolean().default(false),
    /** CSV only: `;` (French Excel) or `,`. */
    delimiter: z.enum([';', ',']).default(';'),
    /** CSV only: which table. */
    csvTable: z.enum(['mentions', 'timeline']).default('mentions'),
    /** IANA time zone for local times; defaults to the machine's. */
    timeZone: z.string().max(64).optional(),
  })
  .strict();
export type ExportOptions = z.output<typeof exportOptionsSchema>;
export type ExportOptionsInput = z.input<typeof exportOptionsSchema>;

export const exportResultSchema = z.object({
  filename: z.string(),
  mime: z.string(),
  /** The file's bytes, base64 (the same bytes the CLI writes). */
  base64: z.string(),
  size: z.number().int(),
});
export type ExportResult = z.output<typeof exportResultSchema>;

export const importBundleResultSchema = z.object({
  incidentId: z.string(),
  /** False when the incident was already in the store (nothing changed). */
  created: z.boolean(),
  mentionsInserted: z.number().int(),
  rowsInserted: z.number().int(),
});
export type ImportBundleResult = z.output<typeof importBundleResultSchema>;
