// Everything recorded about one incident, read as plain rows: the incident, its review, the crisis and
// team tables, and the mentions in its scope. The report model, the JSON bundle and the CSV files
// are all built from this one record, so an imported bundle reproduces the same document.
import type { Database } from 'better-sqlite3';
import { VigieError } from '../errors';

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

/** Hours of mentions read before the first signal: the baseline for the onset and "rating before". */
export const LOOKBACK_MS = 6 * 3_600_000;

/** Tables copied per incident, in the order an import must restore them (parents first). */
export const INCIDENT_TABLES = [
  'timeline_events',
  'roles',
  'checklist_items',
  'incident_clocks',
  'statements',
  'statement_approvals',
  'routing_log',
  'evidence',
  'analysis_alerts',
  'members',
  'shifts',
  'breaks',
  'exposures',
  'tlx_reports',
  'protection_cases',
  'protection_events',
  'evidence_items',
] as const;
export type IncidentTable = (typeof INCIDENT_TABLES)[number];

/** The tables about protected people: in a bundle only when private details are chosen. */
export const PRIVATE_TABLES: readonly IncidentTable[] = [
  'protection_cases',
  'protection_events',
  'evidence_items',
];

/** Member columns that travel: not the local-machine flag nor personal timer settings. */
const MEMBER_COLUMNS = ['id', 'display_name', 'usual_role', 'active', 'created_at', 'updated_at'];

export interface Scope {
  /** Mentions from these sources (empty = every source). */
  sourceIds: string[];
  from: number;
  to: number;
}

export interface IncidentRecord {
  incident: Row;
  review: Row | null;
  scope: Scope;
  tables: Record<IncidentTable, Row[]>;
  mentions: Row[];
}

export function tableExists(db: Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

export function columnsOf(db: Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${JSON.stringify(table)})`).all() as { name: string }[]).map(
    (c) => c.name,
  );
}

function parseIds(json: Cell | undefined): string[] {
  try {
    const v = JSON.parse(String(json ?? '[]')) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** When the storm was first signalled: the earliest alert (timeline or analysis table). */
export function firstAlertAt(db: Database, incidentId: string): number | null {
  const fromTimeline = db
    .prepare("SELECT MIN(at) AS at FROM timeline_events WHERE incident_id = ? AND kind = 'alert'")
    .get(incidentId) as { at: number | null };
  let at = fromTimeline.at;
  if (tableExists(db, 'analysis_alerts')) {
    const row = db
      .prepare('SELECT MIN(at) AS at FROM analysis_alerts WHERE incident_id = ?')
      .get(incidentId) as { at: number | null };
    if (row.at !== null && (at === null || row.at < at)) at = row.at;
  }
  return at;
}

/** Which mentions belong to the incident: its sources, from the lookback before the first signal to its close. */
export function incidentScope(db: Database, incident: Row, review: Row | null, now: number): Scope {
  const opened = Number(incident.opened_at);
  const signals = [opened, firstAlertAt(db, String(incident.id)), review ? review.onset_at : null].filter(
    (v): v is number => typeof v === 'number',
  );
  const to = typeof incident.closed_at === 'number' ? incident.closed_at : Math.max(now, opened);
  return { sourceIds: parseIds(incident.source_ids), from: Math.min(...signals) - LOOKBACK_MS, to };
}

const ORDER: Record<IncidentTable, string> = {
  timeline_events: 'at, id',
  roles: 'assumed_at, id',
  checklist_items: 'position, id',
  incident_clocks: 'clock_id',
  statements: 'created_at, id',
  statement_approvals: 'statement_id, version, position, approver',
  routing_log: 'routed_at, id',
  evidence: 'pinned_at, id',
  analysis_alerts: 'at, id',
  members: 'id',
  shifts: 'started_at, id',
  breaks: 'at, id',
  exposures: 'at, id',
  tlx_reports: 'at, id',
  protection_cases: 'started_at, id',
  protection_events: 'case_id, seq',
  evidence_items: 'case_id, frozen_at, id',
};

/** WHERE clause of each table for one incident (@id, @from, @to bound). */
const WHERE: Record<IncidentTable, string> = {
  timeline_events: 'incident_id = @id',
  roles: 'incident_id = @id',
  checklist_items: 'incident_id = @id',
  incident_clocks: 'incident_id = @id',
  statements: 'incident_id = @id',
  statement_approvals: 'statement_id IN (SELECT id FROM statements WHERE incident_id = @id)',
  routing_log: 'incident_id = @id',
  evidence: 'incident_id = @id',
  analysis_alerts: 'incident_id = @id',
  // Members are selected from the rows that name them (see below).
  members: '0',
  shifts: `incident_id = @id OR (incident_id IS NULL AND started_at <= @to
    AND (ended_at IS NULL OR ended_at >= @from))`,
  breaks: '0',
  exposures: 'incident_id = @id OR (incident_id IS NULL AND at BETWEEN @from AND @to)',
  tlx_reports: '0',
  protection_cases: 'incident_id = @id',
  protection_events: 'case_id IN (SELECT id FROM protection_cases WHERE incident_id = @id)',
  evidence_items: 'case_id IN (SELECT id FROM protection_cases WHERE incident_id = @id)',
};

function selectRows(db: Database, table: string, where: string, order: string, args: object): Row[] {
  return db.prepare(`SELECT * FROM ${table} WHERE ${where} ORDER BY ${order}`).all(args) as Row[];
}

/** Reads the incident and everything attached to it; absent tables (older stores) read as empty. */
export function readIncidentRecord(db: Database, incidentId: string, now: number): IncidentRecord {
  const incident = db.prepare('SELECT * FROM incidents WHERE id = ?').get(incidentId) as Row | undefined;
  if (!incident) throw new VigieError('not_found', `No incident with id ${incidentId}.`);
  const review = tableExists(db, 'incident_reviews')
    ? ((db.prepare('SELECT * FROM incident_reviews WHERE incident_id = ?').get(incidentId) as
        Row | undefined) ?? null)
    : null;
  const scope = incidentScope(db, incident, review, now);
  const args = { id: incidentId, from: scope.from, to: scope.to };
  const tables = {} as Record<IncidentTable, Row[]>;
  for (const t of INCIDENT_TABLES) {
    tables[t] = tableExists(db, t) ? selectRows(db, t, WHERE[t], ORDER[t], args) : [];
  }
  // Breaks and TLX reports of the members on duty during the incident, inside its window.
  const onDuty = [...new Set(tables.shifts.map((s) => String(s.member_id)))].sort();
  if (onDuty.length > 0 && tableExists(db, 'breaks')) {
    const list = JSON.stringify(onDuty);
    const shiftIds = JSON.stringify(tables.shifts.map((s) => s.id));
    tables.breaks = selectRows(
      db,
      'breaks',
      `member_id IN (SELECT value FROM json_each(@list)) AND at BETWEEN @from AND @to
        AND (shift_id IS NULL OR shift_id IN (SELECT value FROM json_each(@shiftIds)))`,
      ORDER.breaks,
      { ...args, list, shiftIds },
    );
    tables.tlx_reports = selectRows(
      db,
      'tlx_reports',
      'member_id IN (SELECT value FROM json_each(@list)) AND at BETWEEN @from AND @to',
      ORDER.tlx_reports,
      { ...args, list },
    );
  }
  const memberIds = new Set<string>();
  for (const t of ['shifts', 'breaks', 'exposures', 'tlx_reports'] as const)
    for (const r of tables[t]) memberIds.add(String(r.member_id));
  for (const s of tables.shifts) if (typeof s.handoff_to === 'string') memberIds.add(s.handoff_to);
  for (const c of tables.protection_cases)
    if (typeof c.delegate_member_id === 'string') memberIds.add(c.delegate_member_id);
  if (memberIds.size > 0 && tableExists(db, 'members')) {
    tables.members = (
      selectRows(db, 'members', 'id IN (SELECT value FROM json_each(@list))', ORDER.members, {
        list: JSON.stringify([...memberIds]),
      }) as Row[]
    ).map((m) => Object.fromEntries(MEMBER_COLUMNS.map((c) => [c, m[c] ?? null])) as Row);
  }
  return { incident, review, scope, tables, mentions: readScopeMentions(db, scope) };
}

/** Mentions of the scope, oldest first; the store's internal row number stays out. */
export function readScopeMentions(db: Database, scope: Scope): Row[] {
  const bySource = scope.sourceIds.length > 0;
  const rows = db
    .prepare(
      `SELECT * FROM mentions WHERE created_at BETWEEN @from AND @to
       ${bySource ? 'AND source_id IN (SELECT value FROM json_each(@sources))' : ''}
       ORDER BY created_at, id`,
    )
    .all({ from: scope.from, to: scope.to, sources: JSON.stringify(scope.sourceIds) }) as Row[];
  for (const r of rows) delete r.seq;
  return rows;
}
