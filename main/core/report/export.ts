// One entry for every export: the app (contract call) and the CLI (`vigie export`) both end here,
// so they write the same bytes.
import type { Database } from 'better-sqlite3';
import type { ExportOptions, ReportLang } from '../../../shared/report-model';
import { loadScenarioMeta } from '../demo/scenario';
import { DEMO_INCIDENT_ID } from '../demo/seed';
import { VigieError } from '../errors';
import { schemaVersion } from '../store/open';
import { aliasSalt, IDENTITY, makeAliaser, type Aliaser } from './aliases';
import { renderBundle } from './bundle';
import { buildDocument } from './document';
import { assertZone } from './format';
import { buildModel } from './model';
import { readIncidentRecord, type IncidentRecord } from './record';
import { renderCsv } from './render-csv';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-md';
import { pdfFonts, renderPdf } from './render-pdf';

export interface ExportedFile {
  filename: string;
  mime: string;
  bytes: Buffer;
}

export interface ExportEnv {
  now: number;
  resourcesDir: string;
  /** Names and accounts of the organisation in the storm: pseudonymization keeps them. */
  organisation?: string[];
}

const MIME = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
} as const;

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[^\w-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'incident';

function aliasesFor(db: Database, record: IncidentRecord, options: ExportOptions, env: ExportEnv): Aliaser {
  if (!options.pseudonymize) return IDENTITY;
  const t = record.tables;
  const handles = [
    ...record.mentions.map((m) => String(m.author_handle)),
    ...t.evidence.map((e) => String(e.author_handle)),
  ];
  const names = [...record.mentions, ...t.evidence]
    .map((m) => m.author_name)
    .filter((n): n is string => typeof n === 'string');
  const members = [
    ...t.members.map((m) => String(m.display_name)),
    ...t.timeline_events.map((e) => e.actor),
    ...t.roles.map((r) => r.member),
  ].filter((n): n is string => typeof n === 'string');
  return makeAliaser(aliasSalt(db), options.lang, {
    handles,
    authorNames: names,
    members,
    organisation: env.organisation ?? [],
  });
}

export async function exportIncident(
  db: Database,
  incidentId: string,
  options: ExportOptions,
  env: ExportEnv,
): Promise<ExportedFile> {
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  try {
    assertZone(timeZone);
  } catch (err) {
    throw new VigieError('bad_request', (err as Error).message);
  }
  const record = readIncidentRecord(db, incidentId, env.now);
  const base = slug(incidentId);
  if (options.format === 'json') {
    if (options.pseudonymize)
      throw new VigieError(
        'bad_request',
        'A JSON bundle restores the incident as recorded and cannot be pseudonymized; export Markdown, HTML, PDF or CSV instead.',
      );
    return {
      filename: `vigie-bundle-${base}.json`,
      mime: MIME.json,
      bytes: Buffer.from(renderBundle(record, schemaVersion(db)), 'utf8'),
    };
  }
  const aliases = aliasesFor(db, record, options, env);
  if (options.format === 'csv') {
    return {
      filename: `vigie-${options.csvTable}-${base}.csv`,
      mime: MIME.csv,
      bytes: Buffer.from(renderCsv(record, options, aliases), 'utf8'),
    };
  }
  const model = buildModel(record, {
    lang: options.lang,
    timeZone,
    generatedAt: env.now,
    includePrivate: options.includePrivate,
    aliases,
    title: demoTitle(record, options.lang, env.resourcesDir),
  });
  const blocks = buildDocument(model);
  const filename = `vigie-review-${base}-${options.lang}.${options.format}`;
  if (options.format === 'md')
    return { filename, mime: MIME.md, bytes: Buffer.from(renderMarkdown(blocks, model), 'utf8') };
  if (options.format === 'html')
    return { filename, mime: MIME.html, bytes: Buffer.from(renderHtml(blocks, model), 'utf8') };
  return { filename, mime: MIME.pdf, bytes: await renderPdf(blocks, model, pdfFonts(env.resourcesDir)) };
}

/** The demo incident is stored with its French title; an English document gets the English one. */
function demoTitle(record: IncidentRecord, lang: ReportLang, resourcesDir: string): string | undefined {
  if (record.incident.is_demo !== 1 || record.incident.id !== DEMO_INCIDENT_ID) return undefined;
  try {
    return loadScenarioMeta(resourcesDir).title[lang];
  } catch {
    return undefined; // the stored title will do
  }
}
