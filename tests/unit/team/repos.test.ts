// Storage around the team core on a real SQLite file: members and their profile, the exposure
// target rules, the full-text query of a protected person, alerts aimed at people.
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open';
import { classifyTarget, ExposuresRepo } from '../../../main/core/team/exposures';
import { MembersRepo } from '../../../main/core/team/members-repo';
import { ftsQueryFor } from '../../../main/core/team/protection-repo';
import { personsOfAlert } from '../../../main/core/team/protection-room';
import { tempDir } from '../../helpers/tmp';

const T = Date.UTC(2026, 0, 5, 10, 0);
let tmp: ReturnType<typeof tempDir>;
let db: Database.Database;

beforeEach(() => {
  tmp = tempDir();
  db = openStore(tmp.file('t.db'));
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

describe('members', () => {
  it('keeps one local member, a signature and services, and refuses a second member of the same name', () => {
    const repo = new MembersRepo(db);
    const a = repo.save({ displayName: 'Claire Dubois', usualRole: 'lead', isLocal: true }, T);
    expect(a.signature).toBe('Claire');
    const b = repo.save(
      { displayName: 'Karim Benali', signature: 'K.', services: ['juridique'], isLocal: true },
      T + 1,
    );
    expect(repo.local()?.id).toBe(b.id);
    expect(repo.get(a.id)?.isLocal).toBe(false);
    expect(repo.get(b.id)).toMatchObject({ signature: 'K.', services: ['juridique'] });
    expect(() => repo.save({ displayName: ' claire dubois ' }, T)).toThrow(/already called/);
    expect(repo.byName('KARIM BENALI')?.id).toBe(b.id);
    expect(repo.remove(b.id, T + 2)).toBe(true);
    expect(repo.list().map((m) => m.displayName)).toEqual(['Claire Dubois']);
    expect(repo.local()).toBeNull();
  });
});

describe('whom abuse targets', () => {
  const member = { displayName: 'Karim Benali' };
  const colleagues = [
    { name: 'Julie Marchand', handles: [{ platform: 'x', handle: 'julie_marchand' }], keywords: [] },
  ];

  it('reads the text when the analysis gave no target list', () => {
    expect(classifyTarget({ text: 'karim benali démission', author_handle: 'a' }, member, colleagues)).toBe(
      'self',
    );
    expect(
      classifyTarget({ text: 'Bravo @julie_marchand, nulle', author_handle: 'a' }, member, colleagues),
    ).toBe('colleague');
    expect(classifyTarget({ text: 'Ondaline en panne', author_handle: 'a' }, member, colleagues)).toBe(
      'other',
    );
    // Their own post is not abuse aimed at them.
    expect(
      classifyTarget({ text: 'Julie Marchand ici', author_handle: 'julie_marchand' }, member, colleagues),
    ).toBe('other');
  });

  it('prefers the analysis target list when the store has one', () => {
    const m = (targets: string) => ({ text: 'texte sans nom', author_handle: 'a', targets });
    expect(classifyTarget(m('["Karim Benali"]'), member, colleagues)).toBe('self');
    expect(classifyTarget(m('["Julie Marchand"]'), member, colleagues)).toBe('colleague');
    expect(classifyTarget(m('Quelqu’un'), member, colleagues)).toBe('other');
  });

  it('reads the analysis columns when the migration added them', () => {
    const cols = (db.prepare('PRAGMA table_info(mentions)').all() as { name: string }[]).map((c) => c.name);
    const repo = new ExposuresRepo(db);
    db.prepare(
      `INSERT INTO mentions(id, platform, external_id, author_handle, text, created_at, fetched_at, toxicity)
       VALUES ('x:1', 'x', '1', 'a', 'sans nom', ?, ?, 0.9)`,
    ).run(T, T);
    if (cols.includes('targets')) db.prepare(`UPDATE mentions SET targets = '["Karim Benali"]'`).run();
    db.prepare(
      `INSERT INTO members(id, display_name, is_local, created_at, updated_at) VALUES ('m', 'Karim Benali', 0, ?, ?)`,
    ).run(T, T);
    const karim = new MembersRepo(db).get('m')!;
    expect(repo.record(karim, 'x:1', 'opened', T, null, [])).toBe(true);
    const row = db.prepare('SELECT target, toxicity FROM exposures').get();
    expect(row).toEqual({ target: cols.includes('targets') ? 'self' : 'other', toxicity: 0.9 });
  });
});

describe('protection helpers', () => {
  it('builds a full-text query of phrases from the name, keywords and handles', () => {
    expect(
      ftsQueryFor({
        name: 'Julie Marchand',
        keywords: ['la DRH'],
        handles: [
          { platform: 'x', handle: '@julie_marchand' },
          { platform: 'mastodon', handle: 'juliemarchand@mastodon.social' },
        ],
      }),
    ).toBe('"julie marchand" OR "la drh" OR "juliemarchand mastodon social"');
    expect(ftsQueryFor({ name: '"', keywords: [], handles: [] })).toBeNull();
  });

  it('finds the people a person-targeted alert is about, and nobody in other alerts', () => {
    expect(
      personsOfAlert(JSON.stringify({ aimedAt: 'person', targets: ['Julie Marchand', 'Julie Marchand'] })),
    ).toEqual(['Julie Marchand']);
    expect(personsOfAlert(JSON.stringify({ person: { name: 'Ana' } }))).toEqual(['Ana']);
    expect(personsOfAlert(JSON.stringify({ aimedAt: 'people', targets: ['Ondaline'] }))).toEqual([]);
    expect(personsOfAlert('not json')).toEqual([]);
    expect(personsOfAlert(null)).toEqual([]);
  });
});
