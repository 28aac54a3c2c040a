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
// Entry point of the evidence dossier: re-exports its parts (records, safe text, HTML, CSV and JSON).
export {
  buildDossier,
  DOSSIER_FORMAT,
  DOSSIER_VERSION,
  dossierSchema,
  evidenceItemSchema,
  evidenceRecordSchema,
  freezeMention,
  hashRecord,
  verifyDossier,
  type Dossier,
  type DossierInput,
  type DossierVerification,
  type EvidenceItem,
  type EvidenceRecord,
  type FreezableMention,
} from './evidence-records';
export { displayText, escapeHtml, isSuspiciousCodePoint, safeHttpUrl } from './evidence-safe-text';
export { renderDossierHtml } from './evidence-html';
export { dossierFileName, renderDossierCsv, renderDossierJson, type CsvOptions } from './evidence-csv-json';
