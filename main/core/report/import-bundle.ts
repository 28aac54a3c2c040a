// Restores a JSON bundle into a store, idempotently: an incident already present is left as it is
// (only mentions it lacks are added), every insert ignores rows that exist. Row ids are kept when
// they are free, so a restore into an empty store exports the very same bundle; otherwise new ids
// are given and the rows that point to them follow.
import type { Database } from 'better-sqlite3';
import type { ImportBundleResult } from '../../../shared/report-model';
import { VigieError } from '../errors';
import { rebuildRollups } from '../store/rollups-repo';
import { bundleSchema, type Bundle } from './bundle';
import { columnsOf, INCIDENT_TABLES, tableExists, type IncidentTable, type Row } from './record';

/** Tables whose INTEGER PRIMARY KEY `id` may have to be renumbered. */
const INTEGER_IDS = new Set<IncidentTable>([
  'timeline_events',
  'roles',
  'checklist_items',
  'statements',
  'routing_log',
  'evidence',
  'analysis_alerts',
  'shifts',
  'breaks',
  'exposures',
  'tlx_reports',
  'protection_events',
  'evidence_items',
]);

/** Columns pointing at renumbered rows: table → column → parent table. */
const REFERENCES: Partial<Record<IncidentTable, Record<string, IncidentTable>>> = {
  statement_approvals: { statement_id: 'statements' },
  breaks: { shift_id: 'shifts' },
};

export function parseBundle(text: string): Bundle {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (err) {
    throw new VigieError('bad_bundle', `The file is not JSON: ${(err as Error).message}`);
  }
  const parsed = bundleSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new VigieError(
      'bad_bundle',
      `The file is not a Vigie incident bundle (${issue.path.join('.') || 'root'}: ${issue.message}).`,
    );
  }
  return parsed.data;
}

function insertRow(
  db: Database,
  table: string,
  row: Row,
  columns: Set<string>,
  skip: string[] = [],
): number | null {
  const keys = Object.keys(row).filter((k) => columns.has(k) && !skip.includes(k));
  const info = db
    .prepare(
      `INSERT OR IGNORE INTO ${table}(${keys.map((k) => `"${k}"`).join(', ')}) VALUES (${keys.map((k) => `@${k}`).join(', ')})`,
    )
    .run(Object.fromEntries(keys.map((k) => [k, row[k]])));
  return info.changes > 0 ? Number(info.lastInsertRowid) : null;
}

export function importBundle(db: Database, text: string): ImportBundleResult {
  const bundle = parseBundle(text);
  const incidentId = bundle.incident.id;
  return db.transaction((): ImportBundleResult => {
    const exists = db.prepare('SELECT 1 FROM incidents WHERE id = ?').get(incidentId) !== undefined;
    let rowsInserted = 0;
    if (!exists) {
      insertRow(db, 'incidents', bundle.incident, new Set(columnsOf(db, 'incidents')));
      if (bundle.review && tableExists(db, 'incident_reviews'))
        insertRow(db, 'incident_reviews', bundle.review, new Set(columnsOf(db, 'incident_reviews')));
      const renumbered = new Map<IncidentTable, Map<number, number>>();
      for (const table of INCIDENT_TABLES) {
        const rows = bundle.tables[table] ?? [];
        if (rows.length === 0 || !tableExists(db, table)) continue;
        const columns = new Set(columnsOf(db, table));
        const refs = REFERENCES[table] ?? {};
        const fixed = rows.map((r) => {
          const out = { ...r };
          for (const [col, parent] of Object.entries(refs)) {
            const map = renumbered.get(parent);
            if (map && typeof out[col] === 'number') out[col] = map.get(out[col]) ?? null;
          }
          return out;
        });
        const keepIds =
          !INTEGER_IDS.has(table) ||
          !fixed.some((r) => db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(r.id) !== undefined);
        const map = new Map<number, number>();
        for (const r of fixed) {
          const newId = insertRow(db, table, r, columns, keepIds ? [] : ['id']);
          if (newId === null) continue;
          rowsInserted++;
          if (INTEGER_IDS.has(table)) map.set(Number(r.id), keepIds ? Number(r.id) : newId);
        }
        if (INTEGER_IDS.has(table)) renumbered.set(table, map);
      }
    }
    const mentionColumns = new Set(columnsOf(db, 'mentions').filter((c) => c !== 'seq'));
    const fts = db.prepare(
      'INSERT INTO mentions_fts(rowid, text, author_handle, author_name) VALUES (?, ?, ?, ?)',
    );
    let mentionsInserted = 0;
    for (const m of bundle.mentions) {
      const seq = insertRow(db, 'mentions', m, mentionColumns);
      if (seq === null) continue;
      mentionsInserted++;
      fts.run(seq, m.text ?? '', m.author_handle ?? '', m.author_name ?? null);
    }
    if (mentionsInserted > 0) rebuildRollups(db);
    return { incidentId, created: !exists, mentionsInserted, rowsInserted };
  })();
}
