// Shared by the csv-*.test.ts files: the export fixtures, the parse context, and a fresh store per test.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import { openStore } from '../../../main/core/store/open';
import { decodeText } from '../../../main/core/sync/formats/decode';
import { Ingestor } from '../../../main/core/sync/ingest';
// importFile finds the CSV format (and the others it sniffs against) in the registry.
import '../../../main/core/sync/sources/all';
import { ROOT, tempDir } from '../../helpers/tmp';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'csv');
export const fixturePath = (name: string) => path.join(FIXTURES, name);
/** As the importer reads a file: bytes, then decodeText. */
export const fixture = (name: string) => decodeText(fs.readFileSync(fixturePath(name)));
export const NOW = Date.UTC(2026, 10, 26);
export const ctx = (fileName = 'export.csv') => ({ now: NOW, fileName });
export const local = (mo: number, d: number, h: number, mi = 0) => new Date(2026, mo - 1, d, h, mi).getTime();

// Live bindings: set by useCsvStore's hooks before each test, read by the tests as plain names.
export let tmp: ReturnType<typeof tempDir>;
export let db: Database.Database;
export let ingestor: Ingestor;

/** Registers hooks that give each test of the calling file its own temp folder, store and Ingestor. */
export function useCsvStore(): void {
  beforeEach(() => {
    tmp = tempDir();
    db = openStore(tmp.file('store.db'));
    ingestor = new Ingestor(db, () => NOW);
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });
}

export const row = (id: string) =>
  db.prepare('SELECT * FROM mentions WHERE id = ?').get(id) as Record<string, unknown>;
