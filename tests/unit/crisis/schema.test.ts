import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IncidentsRepo } from '../../../main/core/store/incidents-repo';
import { openStore } from '../../../main/core/store/open';
import { tempDir } from '../../helpers/tmp';
import { openIncident, setup, T0, type Env } from './helpers';

let env: Env;
beforeEach(() => {
  env = setup();
  openIncident(env);
});
afterEach(() => env.cleanup());

const run = (sql: string, ...args: unknown[]) => env.db.prepare(sql).run(...args);

describe('crisis schema', () => {
  it('applies on a real store file, after the existing migrations, and survives reopening', () => {
    const tmp = tempDir();
    try {
      const file = tmp.file('store.db');
      const db = openStore(file);
      db.close();
      const again = new Database(file, { readonly: true });
      const names = (
        again.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]
      ).map((r) => r.name);
      expect(names).toEqual(
        expect.arrayContaining([
          'roles',
          'checklist_items',
          'incident_clocks',
          'statements',
          'statement_approvals',
          'routing_log',
          'evidence',
        ]),
      );
      again.close();
    } finally {
      tmp.cleanup();
    }
  });

  it('CHECK constraints refuse values outside the closed lists', () => {
    expect(() =>
      run(`INSERT INTO roles(incident_id, role, member, assumed_at) VALUES ('inc-1', 'boss', 'x', 0)`),
    ).toThrow(/CHECK/);
    expect(() =>
      run(
        `INSERT INTO checklist_items(incident_id, step_id, position, phase, title_fr, title_en, min_level, status, created_at)
         VALUES ('inc-1', 's', 0, 'detecter', 't', 't', 'veille', 'done', 0)`,
      ),
    ).toThrow(/CHECK/); // done without done_at
    expect(() =>
      run(
        `INSERT INTO statements(incident_id, kind, lang, body, created_at, updated_at) VALUES ('inc-1', 'tweet', 'fr', 'x', 0, 0)`,
      ),
    ).toThrow(/CHECK/);
    expect(() =>
      run(
        `INSERT INTO statements(incident_id, kind, lang, body, status, created_at, updated_at) VALUES ('inc-1', 'holding', 'fr', 'x', 'published', 0, 0)`,
      ),
    ).toThrow(/CHECK/); // published without a time
  });

  it('one holder at a time for lead, scribe and signatory', () => {
    run(`INSERT INTO roles(incident_id, role, member, assumed_at) VALUES ('inc-1', 'lead', 'a', 0)`);
    expect(() =>
      run(`INSERT INTO roles(incident_id, role, member, assumed_at) VALUES ('inc-1', 'lead', 'b', 0)`),
    ).toThrow(/UNIQUE/);
    run(`INSERT INTO roles(incident_id, role, member, assumed_at) VALUES ('inc-1', 'comms', 'a', 0)`);
    run(`INSERT INTO roles(incident_id, role, member, assumed_at) VALUES ('inc-1', 'comms', 'b', 0)`);
  });

  it('an incident takes its crisis rows with it; no row refers to a missing incident', () => {
    run(`INSERT INTO roles(incident_id, role, member, assumed_at) VALUES ('inc-1', 'lead', 'a', ?)`, T0);
    run(
      `INSERT INTO routing_log(incident_id, mention_id, service, routed_at) VALUES ('inc-1', 'x:1', 'rh', ?)`,
      T0,
    );
    expect(new IncidentsRepo(env.db).delete('inc-1')).toBe(true);
    expect((env.db.prepare('SELECT COUNT(*) AS n FROM roles').get() as { n: number }).n).toBe(0);
    expect((env.db.prepare('SELECT COUNT(*) AS n FROM routing_log').get() as { n: number }).n).toBe(0);
    expect(() =>
      run(
        `INSERT INTO routing_log(incident_id, mention_id, service, routed_at) VALUES ('nope', 'x:1', 'rh', 0)`,
      ),
    ).toThrow(/FOREIGN KEY/);
  });
});
