// Why a record was set aside, as a code the interface can put in its own language. The English
// sentence each parser writes stays beside it as the technical detail (CLI, logs, older records).
import { z } from 'zod';

export const QUARANTINE_CODES = [
  'not_json',
  'not_object',
  'malformed',
  'unexpected_record',
  'incomplete',
  'no_id',
  'no_author',
  'no_date',
  'bad_date',
  'no_text',
  'no_platform',
  'unknown_platform',
  'cell_count',
  'share_unlinked',
] as const;
export type QuarantineCode = (typeof QUARANTINE_CODES)[number];

/** Where in a file the record was: CSV row, NDJSON line, JSON item, feed entry (1-based). */
export const QUARANTINE_UNITS = ['row', 'line', 'item', 'entry'] as const;
export type QuarantineUnit = (typeof QUARANTINE_UNITS)[number];

/** What the sentence needs besides its code: the unreadable value, the cell counts, the position. */
export const quarantineDetailSchema = z.object({
  value: z.string().max(200).optional(),
  cells: z.number().int().nonnegative().optional(),
  columns: z.number().int().nonnegative().optional(),
  unit: z.enum(QUARANTINE_UNITS).optional(),
  n: z.number().int().positive().optional(),
});
export type QuarantineDetail = z.infer<typeof quarantineDetailSchema>;

const CODE_SET: ReadonlySet<string> = new Set(QUARANTINE_CODES);

/** The code read back from the store, or null for a record set aside before codes existed. */
export function quarantineCodeOf(value: unknown): QuarantineCode | null {
  return typeof value === 'string' && CODE_SET.has(value) ? (value as QuarantineCode) : null;
}

/** The stored detail, or an empty one when it is missing or unreadable (the sentence still shows). */
export function quarantineDetailOf(json: unknown): QuarantineDetail {
  if (typeof json !== 'string') return {};
  try {
    const parsed = quarantineDetailSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
