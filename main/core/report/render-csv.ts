// CSV for analysts: the incident's mentions, or its timeline events. UTF-8 with a BOM so Excel reads
// the accents, `;` by default so French Excel splits the columns. Written by papaparse, which quotes
// what needs quoting and neutralizes cells a spreadsheet would run as a formula (= + - @).
import Papa from 'papaparse';
import type { ExportOptions } from '../../../shared/report-model';
import type { Aliaser } from './aliases';
import type { IncidentRecord } from './record';

const MENTION_COLUMNS = [
  'id',
  'platform',
  'created_at',
  'author_handle',
  'author_name',
  'author_followers',
  'text',
  'url',
  'lang',
  'likes',
  'shares',
  'replies',
  'reach',
  'rating',
  'sentiment',
  'toxicity',
  'cluster_id',
  'status',
  'routed_to',
] as const;

const EVENT_COLUMNS = ['at', 'kind', 'actor', 'text', 'mention_id', 'data'] as const;

const iso = (v: unknown) => (typeof v === 'number' ? new Date(v).toISOString() : '');

const guard = (v: unknown): string | number =>
  typeof v === 'number' ? v : v === null || v === undefined ? '' : String(v);

export function renderCsv(
  record: IncidentRecord,
  options: Pick<ExportOptions, 'delimiter' | 'csvTable' | 'includePrivate'>,
  a: Aliaser,
): string {
  let fields: readonly string[];
  let data: (string | number)[][];
  if (options.csvTable === 'timeline') {
    fields = EVENT_COLUMNS;
    data = record.tables.timeline_events
      .filter((e) => options.includePrivate || !String(e.kind).startsWith('protection'))
      .map((e) => [
        iso(e.at),
        guard(e.kind),
        guard(a.member(e.actor === null ? null : String(e.actor)) ?? ''),
        guard(a.text(String(e.text ?? ''))),
        guard(a.active ? '' : e.mention_id),
        guard(a.active ? '' : e.data),
      ]);
  } else {
    fields = MENTION_COLUMNS;
    data = record.mentions.map((m) =>
      MENTION_COLUMNS.map((c) => {
        if (c === 'created_at') return iso(m.created_at);
        // Without the "@": a cell starting with one is read as a formula, so it would be escaped ('@…).
        if (c === 'author_handle') return guard(a.author(String(m.author_handle)).replace(/^@/, ''));
        if (a.active && (c === 'author_name' || c === 'url' || c === 'id')) return '';
        if (c === 'cluster_id') return guard(a.cluster(m.cluster_id == null ? null : String(m.cluster_id)));
        if (c === 'text') return guard(a.text(String(m.text)));
        return guard(m[c] ?? '');
      }),
    );
  }
  const body = Papa.unparse(
    { fields: [...fields], data },
    {
      delimiter: options.delimiter,
      newline: '\r\n',
      escapeFormulae: true,
    },
  );
  return `\ufeff${body}\r\n`;
}
