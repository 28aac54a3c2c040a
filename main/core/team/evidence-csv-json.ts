// The evidence dossier as CSV (spreadsheet-safe) and JSON, and the file names of its exports.
import Papa from 'papaparse';
import { formatLocal, type Lang } from './format';
import { LABELS } from './evidence-labels';
import type { Dossier } from './evidence-records';
import { stripSuspicious } from './evidence-safe-text';

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
