import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importBundle } from '../../../main/core/report/import-bundle';
import { openStore } from '../../../main/core/store/open';
import { tempDir } from '../../helpers/tmp';
import { exportText } from './export-helpers';
import { fixtureStore, INCIDENT } from './fixture';

let env: ReturnType<typeof fixtureStore>;
let other: ReturnType<typeof tempDir>;
beforeEach(() => {
  env = fixtureStore();
  other = tempDir('vigie-bundle-');
});
afterEach(() => {
  env.db.close();
  env.tmp.cleanup();
  other.cleanup();
});

const count = (db: ReturnType<typeof openStore>, table: string) =>
  (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('JSON bundle round trip', () => {
  it('export → import into an empty store → export again gives the same bytes', async () => {
    const first = await exportText(env.db, { format: 'json' });
    const target = openStore(other.file('empty.db'));
    try {
      const r = importBundle(target, first);
      expect(r).toMatchObject({ incidentId: INCIDENT, created: true, mentionsInserted: 18 });
      expect(await exportText(target, { format: 'json' })).toBe(first);
      // The documents too: the review is computed from the record alone.
      expect(await exportText(target, { format: 'md', lang: 'fr' })).toBe(
        await exportText(env.db, { format: 'md', lang: 'fr' }),
      );
      // Restored mentions are searchable and counted in the rollups like ingested ones.
      expect(count(target, 'mentions_fts')).toBe(18);
      const rolled = target.prepare('SELECT SUM(count) AS n FROM rollup_minute').get() as { n: number };
      expect(rolled.n).toBe(18);
    } finally {
      target.close();
    }
  });

  it('importing twice changes nothing', async () => {
    const bundle = await exportText(env.db, { format: 'json' });
    const target = openStore(other.file('twice.db'));
    try {
      importBundle(target, bundle);
      const tables = [
        'incidents',
        'timeline_events',
        'statements',
        'statement_approvals',
        'shifts',
        'breaks',
        'mentions',
        'evidence',
        'members',
      ];
      const before = tables.map((t) => count(target, t));
      expect(importBundle(target, bundle)).toEqual({
        incidentId: INCIDENT,
        created: false,
        mentionsInserted: 0,
        rowsInserted: 0,
      });
      expect(tables.map((t) => count(target, t))).toEqual(before);
    } finally {
      target.close();
    }
  });

  it('renumbers rows whose ids are taken in a busy store and keeps their links', async () => {
    const bundle = await exportText(env.db, { format: 'json' });
    const busy = openStore(other.file('busy.db'));
    try {
      busy.prepare("INSERT INTO incidents(id, title, opened_at) VALUES ('autre', 'Autre incident', 0)").run();
      busy
        .prepare(
          "INSERT INTO statements(id, incident_id, kind, lang, body, created_at, updated_at) VALUES (1, 'autre', 'holding', 'fr', 'x', 0, 0)",
        )
        .run();
      importBundle(busy, bundle);
      const approvals = busy
        .prepare(
          `SELECT s.incident_id, a.approver FROM statement_approvals a JOIN statements s ON s.id = a.statement_id ORDER BY a.position`,
        )
        .all();
      expect(approvals).toEqual([
        { incident_id: INCIDENT, approver: 'Léa Dubois' },
        { incident_id: INCIDENT, approver: 'Hugo Bernard' },
      ]);
    } finally {
      busy.close();
    }
  });

  it('refuses what is not a bundle with a clear message and writes nothing', () => {
    const target = openStore(other.file('bad.db'));
    try {
      expect(() => importBundle(target, 'not json')).toThrow(/not JSON/);
      expect(() => importBundle(target, '{"format":"other"}')).toThrow(/not a Vigie incident bundle/);
      expect(count(target, 'incidents')).toBe(0);
    } finally {
      target.close();
    }
  });

  it('refuses to pseudonymize a bundle', async () => {
    await expect(exportText(env.db, { format: 'json', pseudonymize: true })).rejects.toThrow(
      /cannot be pseudonymized/,
    );
  });
});
