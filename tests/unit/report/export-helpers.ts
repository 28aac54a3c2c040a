// Shared by the report tests: export one format from a store with the fixed clock and zone.
import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { exportIncident } from '../../../main/core/report/export';
import { exportOptionsSchema, type ExportOptionsInput } from '../../../shared/report-model';
import { RESOURCES, ROOT } from '../../helpers/tmp';
import { INCIDENT, NOW } from './fixture';

export const GOLDEN_DIR = path.join(ROOT, 'tests', 'fixtures', 'report');

export async function exportText(
  db: Database.Database,
  options: Omit<ExportOptionsInput, 'timeZone'>,
  incidentId = INCIDENT,
): Promise<string> {
  return (await exportBytes(db, options, incidentId)).toString('utf8');
}

export async function exportBytes(
  db: Database.Database,
  options: Omit<ExportOptionsInput, 'timeZone'>,
  incidentId = INCIDENT,
): Promise<Buffer> {
  const parsed = exportOptionsSchema.parse({ timeZone: 'Europe/Paris', ...options });
  const file = await exportIncident(db, incidentId, parsed, { now: NOW, resourcesDir: RESOURCES });
  return file.bytes;
}

/** Compares with the golden file; `UPDATE_GOLDEN=1` rewrites it (then read the diff before keeping it). */
export function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, actual);
  expect(fs.existsSync(file), `golden file ${name} is missing (run with UPDATE_GOLDEN=1 once)`).toBe(true);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}
