// Frozen evidence: a mention frozen into a hashed record, and the dossier that lists them (build, verify).
import { z } from 'zod';
import { VigieError } from '../errors';
import { canonicalHash } from './canonical-json';
import { assertTimeZone, isoUtc } from './format';
import { EXPOSURE_TARGETS } from './load-config';

export const DOSSIER_FORMAT = 'vigie-evidence-dossier';
export const DOSSIER_VERSION = 1;

const isoSchema = z.iso.datetime();

export const evidenceRecordSchema = z.strictObject({
  v: z.literal(1),
  mentionId: z.string(),
  platform: z.string(),
  externalId: z.string().nullable(),
  url: z.string().nullable(),
  authorHandle: z.string(),
  authorName: z.string().nullable(),
  text: z.string(),
  lang: z.string().nullable(),
  replyTo: z.string().nullable(),
  /** When the author posted it (platform time), ISO UTC. */
  createdAt: isoSchema,
  /** When Vigie fetched it, ISO UTC (null when unknown, e.g. a pin copied from the crisis room). */
  capturedAt: isoSchema.nullable(),
  /** When it was frozen into the evidence, ISO UTC, and by whom. */
  frozenAt: isoSchema,
  frozenBy: z.string(),
});
export type EvidenceRecord = z.infer<typeof evidenceRecordSchema>;

export const evidenceItemSchema = z.object({
  record: evidenceRecordSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Not hashed: Vigie's estimate and the cell's notes. */
  annotations: z.object({
    toxicity: z.number().min(0).max(1).nullable(),
    target: z.enum(EXPOSURE_TARGETS).nullable(),
    note: z.string().nullable(),
  }),
});
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;

export const dossierSchema = z.object({
  format: z.literal(DOSSIER_FORMAT),
  version: z.literal(DOSSIER_VERSION),
  caseId: z.string().nullable(),
  subject: z.string(),
  title: z.string().nullable(),
  preparedBy: z.string(),
  generatedAt: isoSchema,
  timeZone: z.string(),
  hashing: z.string(),
  dossierSha256: z.string().regex(/^[0-9a-f]{64}$/),
  items: z.array(evidenceItemSchema),
});
export type Dossier = z.infer<typeof dossierSchema>;

const HASHING =
  'sha256(utf8(canonical-json(record))), canonical JSON = RFC 8785 subset (sorted keys, no whitespace, ' +
  'JSON.stringify string escaping, no Unicode normalization); dossierSha256 = sha256 of canonical JSON of ' +
  '{format, version, caseId, subject, items: [item sha256 in order]}';

export interface FreezableMention {
  id: string;
  platform: string;
  externalId?: string | null;
  url: string | null;
  authorHandle: string;
  authorName: string | null;
  text: string;
  lang?: string | null;
  replyTo?: string | null;
  createdAt: number;
  fetchedAt?: number | null;
  toxicity?: number | null;
}

export function hashRecord(record: EvidenceRecord): string {
  return canonicalHash(evidenceRecordSchema.parse(record));
}

/** Freezes a mention as evidence, at `at` by `by` (the clock is the caller's). */
export function freezeMention(
  m: FreezableMention,
  frozen: { at: number; by: string },
  annotations: { target?: EvidenceItem['annotations']['target']; note?: string | null } = {},
): EvidenceItem {
  const record: EvidenceRecord = {
    v: 1,
    mentionId: m.id,
    platform: m.platform,
    externalId: m.externalId ?? null,
    url: m.url,
    authorHandle: m.authorHandle,
    authorName: m.authorName,
    text: m.text,
    lang: m.lang ?? null,
    replyTo: m.replyTo ?? null,
    createdAt: isoUtc(m.createdAt),
    capturedAt: m.fetchedAt == null ? null : isoUtc(m.fetchedAt),
    frozenAt: isoUtc(frozen.at),
    frozenBy: frozen.by,
  };
  const tox = m.toxicity ?? null;
  return {
    record,
    sha256: hashRecord(record),
    annotations: {
      toxicity: tox === null ? null : Math.min(1, Math.max(0, tox)),
      target: annotations.target ?? null,
      note: annotations.note ?? null,
    },
  };
}

export interface DossierInput {
  caseId: string | null;
  subject: string;
  title?: string | null;
  preparedBy: string;
  generatedAt: number;
  /** IANA zone for the local times, e.g. `Europe/Paris`. */
  timeZone: string;
  items: readonly EvidenceItem[];
}

function dossierHash(caseId: string | null, subject: string, hashes: string[]): string {
  return canonicalHash({ format: DOSSIER_FORMAT, version: DOSSIER_VERSION, caseId, subject, items: hashes });
}

/** Builds the dossier; refuses an item whose record no longer matches its hash. */
export function buildDossier(input: DossierInput): Dossier {
  assertTimeZone(input.timeZone);
  const items = input.items.map((raw, i) => {
    const item = evidenceItemSchema.parse(raw);
    const actual = hashRecord(item.record);
    if (actual !== item.sha256) {
      throw new VigieError(
        'evidence_tampered',
        `Evidence item ${i + 1} (${item.record.mentionId}) does not match its SHA-256: it was changed after it was frozen.`,
      );
    }
    return structuredClone(item);
  });
  const seen = new Set<string>();
  const unique = items.filter((it) => (seen.has(it.sha256) ? false : (seen.add(it.sha256), true)));
  unique.sort(
    (a, b) =>
      Date.parse(a.record.createdAt) - Date.parse(b.record.createdAt) ||
      (a.record.mentionId < b.record.mentionId ? -1 : a.record.mentionId > b.record.mentionId ? 1 : 0) ||
      (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0),
  );
  return {
    format: DOSSIER_FORMAT,
    version: DOSSIER_VERSION,
    caseId: input.caseId,
    subject: input.subject,
    title: input.title ?? null,
    preparedBy: input.preparedBy,
    generatedAt: isoUtc(input.generatedAt),
    timeZone: input.timeZone,
    hashing: HASHING,
    dossierSha256: dossierHash(
      input.caseId,
      input.subject,
      unique.map((it) => it.sha256),
    ),
    items: unique,
  };
}

export interface DossierVerification {
  ok: boolean;
  dossierOk: boolean;
  badItems: number[];
  error: string | null;
}

/** Checks a dossier (e.g. its JSON export read back) against its own hashes. */
export function verifyDossier(data: unknown): DossierVerification {
  const parsed = dossierSchema.safeParse(data);
  if (!parsed.success)
    return { ok: false, dossierOk: false, badItems: [], error: parsed.error.issues[0]?.message ?? 'invalid' };
  const d = parsed.data;
  const badItems = d.items.flatMap((it, i) => (canonicalHash(it.record) === it.sha256 ? [] : [i]));
  const dossierOk =
    dossierHash(
      d.caseId,
      d.subject,
      d.items.map((it) => it.sha256),
    ) === d.dossierSha256;
  return { ok: dossierOk && badItems.length === 0, dossierOk, badItems, error: null };
}
