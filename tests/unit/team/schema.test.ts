import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open';
import { freezeMention } from '../../../main/core/team/evidence-dossier';
import { loadProtectionPlaybook } from '../../../main/core/team/playbook';
import { openCase, protectionCaseRow } from '../../../main/core/team/protection-case';
import {
  breakRow,
  createTimer,
  DEFAULT_TIMER_CONFIG,
  journalSince,
  reduce,
  serializeTimer,
} from '../../../main/core/team/rest-timer';
import { TEAM_TABLES } from '../../../main/core/team/schema.sql';
import { RESOURCES, tempDir } from '../../helpers/tmp';

const T = Date.UTC(2025, 2, 10, 12, 0);
let tmp: ReturnType<typeof tempDir>;
let db: Database.Database;

beforeEach(() => {
  tmp = tempDir();
  db = openStore(tmp.file('team.db'));
  db.prepare(`INSERT INTO incidents(id, title, opened_at) VALUES ('inc-1', 'Panne', ?)`).run(T);
  const member = db.prepare(
    `INSERT INTO members(id, display_name, usual_role, is_local, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  member.run('m-1', 'Claire', 'lead', 1, T, T);
  member.run('m-2', 'Malik', 'comms', 0, T, T);
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

const fails = (fn: () => unknown) => expect(fn).toThrow(/constraint|frozen|UNIQUE|CHECK/i);

describe('proposed team schema', () => {
  it('creates every table on top of the current store', () => {
    const names = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]
    ).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining([...TEAM_TABLES]));
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('stores a rest timer and its journal as breaks, idempotently', () => {
    let s = reduce(createTimer(DEFAULT_TIMER_CONFIG, T), { type: 'start_duty', at: T });
    s = reduce(s, { type: 'skip', at: T + 15 * 60_000 });
    db.prepare(
      `INSERT INTO rest_timers(member_id, state, status, journal_seq, updated_at) VALUES (?, ?, ?, ?, ?)`,
    ).run('m-1', serializeTimer(s), s.status, s.seq, s.lastAt);
    const insert = db.prepare(
      `INSERT OR IGNORE INTO breaks(member_id, seq, at, kind, outcome, started_at, duration_ms, due_at, by)
       VALUES (@member_id, @seq, @at, @kind, @outcome, @started_at, @duration_ms, @due_at, @by)`,
    );
    const rows = journalSince(s, 0).flatMap((e) => breakRow('m-1', e) ?? []);
    for (const r of rows) insert.run(r);
    for (const r of rows) insert.run(r);
    expect(db.prepare(`SELECT outcome, kind FROM breaks`).all()).toEqual([
      { outcome: 'skipped', kind: 'micro' },
    ]);
    fails(() => db.prepare(`UPDATE rest_timers SET status = 'napping'`).run());
  });

  it('enforces one open shift per member and sane times', () => {
    const shift = db.prepare(
      `INSERT INTO shifts(member_id, incident_id, started_at, ended_at) VALUES (?, ?, ?, ?)`,
    );
    shift.run('m-1', 'inc-1', T, T + 1000);
    shift.run('m-1', 'inc-1', T + 2000, null);
    fails(() => shift.run('m-1', 'inc-1', T + 3000, null));
    fails(() => shift.run('m-2', 'inc-1', T, T - 1));
    fails(() =>
      db
        .prepare(
          `INSERT INTO members(id, display_name, is_local, created_at, updated_at) VALUES ('m-3', 'X', 1, 0, 0)`,
        )
        .run(),
    );
  });

  it('checks exposures and computes raw TLX', () => {
    const ex = db.prepare(
      `INSERT INTO exposures(member_id, mention_id, action, target, at, toxicity) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    ex.run('m-2', 'x:1', 'opened', 'self', T, 0.9);
    ex.run('m-2', 'x:1', 'handled', 'self', T, 0.9);
    fails(() => ex.run('m-2', 'x:1', 'opened', 'self', T, 0.9));
    fails(() => ex.run('m-2', 'x:2', 'opened', 'self', T, 1.5));
    fails(() => ex.run('m-2', 'x:2', 'liked', 'self', T, 0.5));
    db.prepare(
      `INSERT INTO tlx_reports(member_id, at, mental, physical, temporal, performance, effort, frustration) VALUES ('m-2', ?, 90, 10, 80, 40, 70, 50)`,
    ).run(T);
    expect((db.prepare(`SELECT raw_tlx FROM tlx_reports`).get() as { raw_tlx: number }).raw_tlx).toBeCloseTo(
      340 / 6,
    );
    fails(() =>
      db
        .prepare(
          `INSERT INTO tlx_reports(member_id, at, mental, physical, temporal, performance, effort, frustration) VALUES ('m-2', ?, 101, 0, 0, 0, 0, 0)`,
        )
        .run(T),
    );
  });

  it('stores a protection case, its events and frozen evidence that cannot be edited', () => {
    const c = openCase({
      id: 'case-1',
      incidentId: 'inc-1',
      person: { name: 'Hélène Durand', kind: 'journalist', handles: [{ platform: 'x', handle: '@hdurand' }] },
      openedAt: T,
      openedBy: 'Claire',
      playbook: loadProtectionPlaybook(RESOURCES),
      delegate: { memberId: 'm-2', name: 'Malik' },
    });
    db.prepare(
      `INSERT INTO protection_cases(id, incident_id, person_name, person_kind, handles, status, started_at, cooldown_ms,
         cooldown_until, delegate_member_id, closed_at, steps, state, events_seq, updated_at)
       VALUES (@id, @incident_id, @person_name, @person_kind, @handles, @status, @started_at, @cooldown_ms,
         @cooldown_until, @delegate_member_id, @closed_at, @steps, @state, 0, @updated_at)`,
    ).run(protectionCaseRow(c));
    const ev = db.prepare(
      `INSERT INTO protection_events(case_id, seq, at, kind, actor, text_fr, text_en, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const e of c.events)
      ev.run(c.id, e.seq, e.at, e.kind, e.actor, e.text_fr, e.text_en, JSON.stringify(e.data));
    expect(db.prepare(`SELECT COUNT(*) AS n FROM protection_events`).get()).toEqual({ n: c.events.length });
    fails(() => db.prepare(`UPDATE protection_cases SET status = 'closed'`).run()); // closed needs closed_at

    const item = freezeMention(
      {
        id: 'x:1',
        platform: 'x',
        url: null,
        authorHandle: '@t',
        authorName: null,
        text: 'menace',
        createdAt: T,
        fetchedAt: T,
      },
      { at: T, by: 'Claire' },
    );
    const insert = db.prepare(
      `INSERT INTO evidence_items(case_id, mention_id, record, sha256, toxicity, target, note, frozen_at, frozen_by)
       VALUES (?, ?, ?, ?, NULL, 'self', NULL, ?, ?)`,
    );
    insert.run('case-1', 'x:1', JSON.stringify(item.record), item.sha256, T, 'Claire');
    fails(() => db.prepare(`UPDATE evidence_items SET record = '{}'`).run());
    fails(() => insert.run('case-1', 'x:2', '{}', 'NOTAHASH'.padEnd(64, 'z'), T, 'Claire'));
    db.prepare(`UPDATE evidence_items SET note = 'vue par le juridique'`).run();
    db.prepare(`DELETE FROM protection_cases`).run();
    expect(db.prepare(`SELECT COUNT(*) AS n FROM evidence_items`).get()).toEqual({ n: 0 });
  });
});
