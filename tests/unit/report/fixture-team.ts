// The people side of the report fixture: members, shifts, breaks, exposures, TLX and the protection case.
import type Database from 'better-sqlite3';
import { at, HOUR, INCIDENT, MIN, T0 } from './fixture-constants';

export function insertTeam(db: Database.Database): void {
  // Team: Camille 08:15–12:15 (4 h); Hugo 08:30–10:00 and 10:30–13:00 (4 h).
  const member = db.prepare(
    `INSERT INTO members(id, display_name, usual_role, is_local, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  member.run('m-camille', 'Camille Martin', 'lead', 1, T0, T0);
  member.run('m-hugo', 'Hugo Bernard', 'comms', 0, T0, T0);
  member.run('m-idle', 'Paul Absent', 'analyst', 0, T0, T0);
  const shift = db.prepare(
    `INSERT INTO shifts(id, member_id, incident_id, role, started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  shift.run(1, 'm-camille', INCIDENT, 'lead', at(8, 15), at(12, 15));
  shift.run(2, 'm-hugo', INCIDENT, 'comms', at(8, 30), at(10, 0));
  shift.run(3, 'm-hugo', null, 'comms', at(10, 30), at(13, 0));
  const brk = db.prepare(
    `INSERT INTO breaks(member_id, shift_id, seq, at, kind, outcome, started_at, duration_ms) VALUES (?, ?, ?, ?, 'rest', ?, ?, ?)`,
  );
  brk.run('m-camille', 1, 1, at(10, 0), 'taken', at(9, 45), 15 * MIN);
  brk.run('m-camille', 1, 2, at(11, 30), 'skipped', null, null);
  brk.run('m-hugo', 2, 1, at(10, 0), 'natural', at(10, 0), 30 * MIN);
  brk.run('m-hugo', 3, 2, at(12, 0), 'postponed', null, null);
  const expo = db.prepare(
    `INSERT INTO exposures(member_id, mention_id, incident_id, action, target, at, toxicity) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  expo.run('m-hugo', 'x:s10', INCIDENT, 'handled', 'self', at(9, 5), 0.95);
  expo.run('m-hugo', 'x:s4', INCIDENT, 'opened', 'other', at(9, 10), 0.9);
  expo.run('m-hugo', 'reviews:r9', INCIDENT, 'opened', 'other', at(9, 20), 0.7);
  expo.run('m-hugo', 'reviews:r11', INCIDENT, 'handled', 'other', at(10, 15), 0);
  db.prepare(
    `INSERT INTO tlx_reports(member_id, at, mental, physical, temporal, performance, effort, frustration) VALUES ('m-hugo', ?, 60, 20, 70, 40, 60, 50)`,
  ).run(at(10, 20));
}

export function insertProtection(db: Database.Database): void {
  db.prepare(
    `INSERT INTO protection_cases(id, incident_id, person_name, person_kind, handles, status, started_at, cooldown_ms, cooldown_until,
        delegate_member_id, steps, state, updated_at) VALUES ('pc1', ?, 'Nadia Roux', 'journalist', '["@nadia_r"]', 'open', ?, ?, ?, 'm-camille', '[]', '{}', ?)`,
  ).run(INCIDENT, at(9, 30), 24 * HOUR, at(9, 30) + 24 * HOUR, at(9, 30));
  db.prepare(
    `INSERT INTO protection_events(case_id, seq, at, kind, actor, text_fr, text_en) VALUES ('pc1', 1, ?, 'opened', 'Camille Martin', 'Dossier ouvert pour Nadia Roux', 'Case opened for Nadia Roux')`,
  ).run(at(9, 30));
  db.prepare(
    `INSERT INTO evidence_items(case_id, mention_id, record, sha256, toxicity, target, frozen_at, frozen_by) VALUES ('pc1', 'x:s10', '{"text":"@hugo_ondaline tu vas le payer"}', ?, 0.95, 'colleague', ?, 'Camille Martin')`,
  ).run('cd'.repeat(32), at(9, 35));
}
