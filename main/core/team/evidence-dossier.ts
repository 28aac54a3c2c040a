/**
 * Evidence dossier for platforms, employers and lawyers.
 *
 * Freezing: `freezeMention` copies a mention into an `EvidenceRecord` (text as captured, times as
 * ISO UTC, who froze it and when) and hashes it: SHA-256 of its canonical JSON (canonical-json.ts,
 * RFC 8785 subset). The store keeps frozen records (table `evidence_items`) so that a later edit or
 * deletion of the mention does not change the evidence.
 *
 * Dossier: items sorted by creation time then mention id; `dossierSha256` = SHA-256 of the
 * canonical JSON of `{ format, version, caseId, subject, items: [item hashes in order] }`. Titles,
 * labels, language, the local time zone, annotations (estimated toxicity, target, note) and the
 * generation time are presentation: they are not hashed, so the FR and EN renderings of one
 * dossier carry the same hashes.
 *
 * Renderers: self-contained HTML (no script, no external load, strict CSP, every value from the
 * data escaped, only http(s) links clickable, invisible and bidi control characters shown as
 * ⟦U+XXXX⟧), CSV (papaparse; UTF-8 BOM; `,` or `;`; formula-looking cells prefixed with `'`)
 * and JSON (the exact records, verifiable with `verifyDossier`).
 */
import Papa from 'papaparse';
import crypto from 'node:crypto';
import { z } from 'zod';
import { VigieError } from '../errors';
import { canonicalHash } from './canonical-json';
import { assertTimeZone, formatLocal, isoUtc, type Lang } from './format';
import { EXPOSURE_TARGETS } from './load-score';

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

// ---------------------------------------------------------------------------------------------
// Labels

const LABELS = {
  fr: {
    title: 'Dossier de preuves',
    subject: 'Personne visée',
    caseId: 'Dossier',
    preparedBy: 'Préparé par',
    generatedAt: 'Généré le',
    timeZone: 'Fuseau horaire des heures locales',
    count: 'Messages',
    dossierHash: 'Empreinte du dossier (SHA-256)',
    method:
      'Chaque message est reproduit tel que Vigie l’a capturé (texte figé, jamais modifié). Son empreinte SHA-256 ' +
      'est calculée sur le JSON canonique de l’enregistrement (clés triées, sans espaces, chaînes échappées comme ' +
      'JSON.stringify, sous-ensemble de la RFC 8785, encodage UTF-8, sans normalisation Unicode). L’empreinte du ' +
      'dossier est celle du JSON canonique {format, version, caseId, subject, items : [empreintes dans l’ordre]}. ' +
      'L’export JSON contient les enregistrements exacts pour vérification. La toxicité estimée, la cible et les ' +
      'notes ne font pas partie des empreintes.',
    marks:
      'Les caractères invisibles ou de contrôle (inversion de sens d’écriture, espaces de largeur nulle…) sont ' +
      'signalés ainsi : ⟦U+202E⟧. Les liens ne sont cliquables que s’ils sont en http ou https.',
    n: 'N°',
    utc: 'Date (UTC)',
    local: 'Date (heure locale)',
    platform: 'Plateforme',
    author: 'Auteur',
    authorName: 'Nom affiché',
    link: 'Lien',
    text: 'Texte figé',
    sha: 'Empreinte (SHA-256)',
    mentionId: 'Identifiant Vigie',
    externalId: 'Identifiant plateforme',
    replyTo: 'En réponse à',
    lang: 'Langue',
    captured: 'Capturé par Vigie le (UTC)',
    frozen: 'Figé le (UTC)',
    frozenBy: 'Figé par',
    toxicity: 'Toxicité estimée (0-1)',
    target: 'Cible',
    note: 'Note',
    none: '—',
    noLink: 'aucun lien',
    notClickable: (why: string) => `non cliquable : ${why}`,
    scheme: (s: string) => `schéma « ${s} »`,
    invalidUrl: 'adresse invalide',
    host: (h: string) => `domaine réel : ${h}`,
    nonAscii: 'Caractères non ASCII (sosies possibles) :',
    targets: { self: 'la personne elle-même', colleague: 'un·e collègue', other: 'autre' },
    empty: 'Aucun message dans ce dossier.',
  },
  en: {
    title: 'Evidence dossier',
    subject: 'Targeted person',
    caseId: 'Case',
    preparedBy: 'Prepared by',
    generatedAt: 'Generated at',
    timeZone: 'Time zone of local times',
    count: 'Messages',
    dossierHash: 'Dossier fingerprint (SHA-256)',
    method:
      'Each message is reproduced as Vigie captured it (frozen text, never modified). Its SHA-256 fingerprint is ' +
      'computed over the canonical JSON of the record (sorted keys, no whitespace, strings escaped as ' +
      'JSON.stringify does, RFC 8785 subset, UTF-8, no Unicode normalization). The dossier fingerprint is that of ' +
      'the canonical JSON {format, version, caseId, subject, items: [fingerprints in order]}. The JSON export holds ' +
      'the exact records for verification. Estimated toxicity, target and notes are not part of the fingerprints.',
    marks:
      'Invisible or control characters (writing-direction overrides, zero-width spaces…) are shown like this: ' +
      '⟦U+202E⟧. Links are clickable only when they are http or https.',
    n: 'No.',
    utc: 'Date (UTC)',
    local: 'Date (local time)',
    platform: 'Platform',
    author: 'Author',
    authorName: 'Display name',
    link: 'Link',
    text: 'Frozen text',
    sha: 'Fingerprint (SHA-256)',
    mentionId: 'Vigie ID',
    externalId: 'Platform ID',
    replyTo: 'In reply to',
    lang: 'Language',
    captured: 'Captured by Vigie at (UTC)',
    frozen: 'Frozen at (UTC)',
    frozenBy: 'Frozen by',
    toxicity: 'Estimated toxicity (0-1)',
    target: 'Target',
    note: 'Note',
    none: '—',
    noLink: 'no link',
    notClickable: (why: string) => `not clickable: ${why}`,
    scheme: (s: string) => `“${s}” link`,
    invalidUrl: 'invalid address',
    host: (h: string) => `actual domain: ${h}`,
    nonAscii: 'Non-ASCII characters (possible lookalikes):',
    targets: { self: 'the person themself', colleague: 'a colleague', other: 'other' },
    empty: 'No message in this dossier.',
  },
} as const;

// ---------------------------------------------------------------------------------------------
// HTML

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * Characters that hide or disguise text: controls (but tab and newlines), bidi embeddings,
 * overrides and isolates, zero-width and invisible format characters, Unicode tags, lone
 * surrogates. ZWJ/ZWNJ are kept: emoji sequences and several scripts need them.
 */
export function isSuspiciousCodePoint(cp: number): boolean {
  return (
    (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) ||
    (cp >= 0x7f && cp <= 0x9f) ||
    cp === 0xad ||
    cp === 0x061c ||
    cp === 0x180e ||
    cp === 0x200b ||
    cp === 0x200e ||
    cp === 0x200f ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    cp === 0xfeff ||
    (cp >= 0xfff9 && cp <= 0xfffb) ||
    (cp >= 0xd800 && cp <= 0xdfff) ||
    (cp >= 0xe0000 && cp <= 0xe007f)
  );
}

const u = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** Escaped text with suspicious characters replaced by a visible ⟦U+XXXX⟧ mark. */
export function displayText(text: string): string {
  let out = '';
  let plain = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isSuspiciousCodePoint(cp)) {
      out += escapeHtml(plain);
      plain = '';
      out += `<span class="cc" title="${u(cp)}">⟦${u(cp)}⟧</span>`;
    } else plain += ch;
  }
  return out + escapeHtml(plain);
}

function nonAsciiNote(value: string, lang: Lang): string {
  const cps = [
    ...new Set([...value].map((c) => c.codePointAt(0) ?? 0).filter((cp) => cp > 0x7e || cp < 0x20)),
  ];
  if (cps.length === 0) return '';
  const list = cps
    .slice(0, 20)
    .map((cp) => (isSuspiciousCodePoint(cp) ? u(cp) : `${displayText(String.fromCodePoint(cp))} ${u(cp)}`))
    .join(', ');
  return ` <span class="warn">${escapeHtml(LABELS[lang].nonAscii)} ${list}${cps.length > 20 ? ', …' : ''}</span>`;
}

/** An http(s) URL, parsed; null for anything else (javascript:, data:, file:, relative, broken). */
export function safeHttpUrl(raw: string): URL | null {
  if (!/^\s*https?:\/\//i.test(raw)) return null;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function linkHtml(raw: string | null, lang: Lang): string {
  const L = LABELS[lang];
  if (raw === null || raw === '') return `<span class="muted">${escapeHtml(L.noLink)}</span>`;
  const shown = `<bdi class="url">${displayText(raw)}</bdi>`;
  const url = safeHttpUrl(raw);
  if (!url) {
    const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1];
    const why = scheme ? L.scheme(`${scheme.toLowerCase()}:`) : L.invalidUrl;
    return `${shown} <span class="warn">(${escapeHtml(L.notClickable(why))})</span>`;
  }
  const host = url.hostname.includes('xn--')
    ? ` <span class="warn">(${escapeHtml(L.host(url.hostname))})</span>`
    : '';
  return `<a href="${escapeHtml(url.href)}" rel="noopener noreferrer" target="_blank">${shown}</a>${host}`;
}

const STYLE = [
  'body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1a1a1a;line-height:1.45}',
  'h1{font-size:1.6rem;margin-bottom:.5rem}',
  'h2{font-size:1.1rem;margin:0 0 .5rem}',
  'dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}',
  'dt{font-weight:600;color:#444}',
  'dd{margin:0;overflow-wrap:anywhere}',
  '.item{border:1px solid #ccc;border-radius:6px;padding:1rem;margin:1rem 0;page-break-inside:avoid}',
  '.text{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f6f6;border-left:3px solid #999;padding:.5rem .75rem;margin:0;font-family:inherit}',
  'code,.hash{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em;overflow-wrap:anywhere}',
  '.cc{background:#ffe08a;color:#000;border-radius:3px;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.8em;padding:0 .15em}',
  '.warn{color:#a40000;font-size:.9em}',
  '.muted{color:#777}',
  '.method{font-size:.9em;color:#444}',
  '@media print{body{margin:0;max-width:none}a{color:inherit}}',
].join('\n');

const STYLE_HASH = crypto.createHash('sha256').update(STYLE, 'utf8').digest('base64');

/**
 * Self-contained HTML: one inline <style> allowed by its hash in a CSP that forbids everything
 * else (no script, no image, no font, no frame, no form, no base). Nothing from the data reaches
 * the markup unescaped; the only attribute built from data is the href of http(s) links.
 */
export function renderDossierHtml(d: Dossier, lang: Lang): string {
  const L = LABELS[lang];
  const row = (label: string, valueHtml: string) => `<dt>${escapeHtml(label)}</dt><dd>${valueHtml}</dd>`;
  const opt = (v: string | null) =>
    v === null || v === '' ? escapeHtml(L.none) : `<bdi>${displayText(v)}</bdi>`;
  const title = `${L.title} — ${d.subject}`;
  const items = d.items.map((it, i) => {
    const r = it.record;
    const created = Date.parse(r.createdAt);
    const a = it.annotations;
    return [
      `<section class="item" id="item-${i + 1}">`,
      `<h2>${escapeHtml(`${L.n} ${i + 1}`)} — ${displayText(r.platform)} — ${escapeHtml(r.createdAt)}</h2>`,
      '<dl>',
      row(L.utc, escapeHtml(r.createdAt)),
      row(L.local, escapeHtml(formatLocal(created, d.timeZone))),
      row(L.platform, `<bdi>${displayText(r.platform)}</bdi>`),
      row(L.author, `<bdi>${displayText(r.authorHandle)}</bdi>${nonAsciiNote(r.authorHandle, lang)}`),
      row(
        L.authorName,
        r.authorName === null ? escapeHtml(L.none) : `<bdi>${displayText(r.authorName)}</bdi>`,
      ),
      row(L.link, linkHtml(r.url, lang)),
      row(L.text, `<div class="text" dir="auto">${displayText(r.text)}</div>`),
      row(L.sha, `<code class="hash">${escapeHtml(it.sha256)}</code>`),
      row(L.mentionId, opt(r.mentionId)),
      row(L.externalId, opt(r.externalId)),
      row(L.replyTo, opt(r.replyTo)),
      row(L.lang, opt(r.lang)),
      row(L.captured, escapeHtml(r.capturedAt ?? L.none)),
      row(L.frozen, escapeHtml(r.frozenAt)),
      row(L.frozenBy, `<bdi>${displayText(r.frozenBy)}</bdi>`),
      row(L.toxicity, escapeHtml(a.toxicity === null ? L.none : formatTox(a.toxicity, lang))),
      row(L.target, escapeHtml(a.target === null ? L.none : L.targets[a.target])),
      ...(a.note ? [row(L.note, `<bdi>${displayText(a.note)}</bdi>`)] : []),
      '</dl>',
      '</section>',
    ].join('\n');
  });
  const csp = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src 'none'; font-src 'none'; connect-src 'none'; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(stripSuspicious(title))}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(L.title)}${d.title ? ` — <bdi>${displayText(d.title)}</bdi>` : ''}</h1>`,
    '<dl>',
    row(L.subject, `<bdi>${displayText(d.subject)}</bdi>`),
    row(L.caseId, d.caseId === null ? escapeHtml(L.none) : `<bdi>${displayText(d.caseId)}</bdi>`),
    row(L.preparedBy, `<bdi>${displayText(d.preparedBy)}</bdi>`),
    row(
      L.generatedAt,
      `${escapeHtml(d.generatedAt)} (${escapeHtml(formatLocal(Date.parse(d.generatedAt), d.timeZone))})`,
    ),
    row(L.timeZone, escapeHtml(d.timeZone)),
    row(L.count, escapeHtml(String(d.items.length))),
    row(L.dossierHash, `<code class="hash">${escapeHtml(d.dossierSha256)}</code>`),
    '</dl>',
    `<p class="method">${escapeHtml(L.method)}</p>`,
    `<p class="method">${escapeHtml(L.marks)}</p>`,
    '</header>',
    '<main>',
    ...(items.length ? items : [`<p>${escapeHtml(L.empty)}</p>`]),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function stripSuspicious(text: string): string {
  return [...text].filter((c) => !isSuspiciousCodePoint(c.codePointAt(0) ?? 0)).join('');
}

function formatTox(t: number, lang: Lang): string {
  const s = t.toFixed(2);
  return lang === 'fr' ? s.replace('.', ',') : s;
}

// ---------------------------------------------------------------------------------------------
// CSV

export interface CsvOptions {
  /** `;` for Excel in French (the default in French), `,` otherwise. */
  delimiter?: ',' | ';';
}

/**
 * Cells that a spreadsheet would read as a formula (OWASP "CSV injection": = + - @ tab CR, also
 * their full-width forms) get a leading `'`. Unlike papaparse's default pattern this also catches
 * multi-line cells. The JSON export keeps the exact text.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function renderDossierCsv(d: Dossier, lang: Lang, options: CsvOptions = {}): string {
  const L = LABELS[lang];
  const delimiter = options.delimiter ?? (lang === 'fr' ? ';' : ',');
  const decimalComma = delimiter === ';';
  const fields = [
    L.n,
    L.utc,
    L.local,
    L.platform,
    L.author,
    L.authorName,
    L.link,
    L.text,
    L.sha,
    L.mentionId,
    L.externalId,
    L.replyTo,
    L.lang,
    L.captured,
    L.frozen,
    L.frozenBy,
    L.toxicity,
    L.target,
    L.note,
  ];
  const data = d.items.map((it, i) => {
    const r = it.record;
    const a = it.annotations;
    return [
      String(i + 1),
      r.createdAt,
      formatLocal(Date.parse(r.createdAt), d.timeZone),
      r.platform,
      r.authorHandle,
      r.authorName ?? '',
      r.url ?? '',
      r.text,
      it.sha256,
      r.mentionId,
      r.externalId ?? '',
      r.replyTo ?? '',
      r.lang ?? '',
      r.capturedAt ?? '',
      r.frozenAt,
      r.frozenBy,
      a.toxicity === null
        ? ''
        : decimalComma
          ? a.toxicity.toFixed(2).replace('.', ',')
          : a.toxicity.toFixed(2),
      a.target === null ? '' : L.targets[a.target],
      a.note ?? '',
    ];
  });
  const body = Papa.unparse(
    { fields, data },
    { delimiter, newline: '\r\n', quotes: true, escapeFormulae: FORMULA_START, header: true },
  );
  return `\uFEFF${body}\r\n`;
}

// ---------------------------------------------------------------------------------------------
// JSON

/** The dossier as JSON (2-space indent): the exact records, checkable with `verifyDossier`. */
export function renderDossierJson(d: Dossier): string {
  return `${JSON.stringify(d, null, 2)}\n`;
}

/** A file name without characters that any OS or mail client would choke on. */
export function dossierFileName(d: Dossier, ext: 'html' | 'csv' | 'json', lang: Lang): string {
  const base = stripSuspicious(d.subject)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const day = d.generatedAt.slice(0, 10);
  return `${lang === 'fr' ? 'preuves' : 'evidence'}-${base || 'dossier'}-${day}-${d.dossierSha256.slice(0, 8)}.${ext}`;
}
