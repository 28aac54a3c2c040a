// A fixed incident written with plain SQL into a real store file: mentions before and during the
// storm (with hostile texts, author names and URLs), alerts, levels, a statement and its approvals,
// checklist, routing, evidence, team shifts/breaks/exposures/TLX, a protection case and the review.
// Every figure asserted in report.test.ts is worked out by hand from this data (see the comments).
import type Database from 'better-sqlite3';
import { openStore } from '../../../main/core/store/open';
import { tempDir } from '../../helpers/tmp';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
/** 2026-03-14 08:00 UTC (09:00 in Paris). */
export const T0 = Date.UTC(2026, 2, 14, 8, 0, 0);
export const at = (h: number, m = 0) => Date.UTC(2026, 2, 14, h, m, 0);
/** The export clock of the golden files. */
export const NOW = Date.UTC(2026, 2, 15, 9, 0, 0);
export const INCIDENT = 'panne-2026-03';
export const XSS_TEXT = '<script>alert("x")</script> Rendez l\'argent ! 100 € perdus, c\'est révoltant';
export const XSS_NAME = '<img src=x onerror=alert(1)>';
export const XSS_URL = 'https://evil.test/"><script>alert(2)</script>';

interface M {
  id: string;
  at: number;
  handle: string;
  name?: string;
  reach: number;
  sentiment: number;
  toxicity: number;
  rating?: number;
  cluster?: string;
  text: string;
  url?: string;
  source?: string;
}

/**
 * Before the onset: b1..b4 (ratings 4 and 5). From the onset (08:02) to the close (14:00): 14
 * mentions, 11 distinct authors, reach 8,550, peak minute 08:11 (2), 4 toxic (≥ 0.5) out of 14,
 * ratings 1 and 2, cluster c1 = 5 mentions (4 authors), c2 = 2. Outside the scope: another source
 * (o1) and after the close (late1).
 */
export const MENTIONS: M[] = [
  {
    id: 'reviews:r1',
    at: at(6, 10),
    handle: 'alice',
    reach: 100,
    sentiment: 0.6,
    toxicity: 0,
    rating: 4,
    text: 'Très bon service, rien à dire.',
    url: 'https://reviews.test/r1',
  },
  {
    id: 'x:b2',
    at: at(6, 40),
    handle: 'bob',
    reach: 50,
    sentiment: 0,
    toxicity: 0.1,
    text: "Ondaline, quelqu'un a des nouvelles ?",
  },
  {
    id: 'reviews:r3',
    at: at(7, 10),
    handle: 'carla',
    reach: 80,
    sentiment: 0.3,
    toxicity: 0,
    rating: 5,
    text: 'Réseau stable chez moi.',
  },
  {
    id: 'mastodon:b4',
    at: at(7, 40),
    handle: 'dan',
    reach: 20,
    sentiment: -0.1,
    toxicity: 0,
    text: 'Petite coupure ce matin ?',
  },
  {
    id: 'x:s1',
    at: at(8, 2),
    handle: 'eve',
    name: 'Ève Durand',
    reach: 1000,
    sentiment: -0.8,
    toxicity: 0.2,
    cluster: 'c1',
    text: 'Panne totale chez Ondaline depuis 8h ! 😡🔥',
    url: 'https://x.com/eve/status/1',
  },
  {
    id: 'x:s2',
    at: at(8, 3),
    handle: 'frank',
    reach: 200,
    sentiment: -0.6,
    toxicity: 0.1,
    cluster: 'c1',
    text: 'Panne totale chez Ondaline depuis 8h',
  },
  {
    id: 'bluesky:s3',
    at: at(8, 5),
    handle: 'gina',
    reach: 300,
    sentiment: -0.7,
    toxicity: 0.6,
    cluster: 'c1',
    text: 'Ondaline en panne, encore. Vous êtes nuls.',
  },
  {
    id: 'x:s4',
    at: at(8, 7),
    handle: 'mallory',
    name: XSS_NAME,
    reach: 10,
    sentiment: -0.9,
    toxicity: 0.9,
    text: XSS_TEXT,
    url: 'javascript:alert(1)',
  },
  {
    id: 'reddit:s5',
    at: at(8, 9),
    handle: 'henri',
    reach: 400,
    sentiment: 0,
    toxicity: 0,
    text: 'Quelqu’un sait combien de temps ça va durer ?',
  },
  {
    id: 'x:s6',
    at: at(8, 11),
    handle: 'eve',
    name: 'Ève Durand',
    reach: 1000,
    sentiment: -0.5,
    toxicity: 0.3,
    cluster: 'c1',
    text: 'Toujours en panne totale chez Ondaline',
  },
  {
    id: 'x:s6b',
    at: at(8, 11),
    handle: 'olga',
    reach: 30,
    sentiment: -0.6,
    toxicity: 0.1,
    cluster: 'c1',
    text: 'PANNE TOTALE chez Ondaline',
  },
  {
    id: 'mastodon:s7',
    at: at(8, 13),
    handle: 'ines',
    reach: 150,
    sentiment: -0.2,
    toxicity: 0,
    cluster: 'c2',
    text: '#OndalinePanne rien ne marche',
  },
  {
    id: 'mastodon:s8',
    at: at(8, 14),
    handle: 'jules',
    reach: 150,
    sentiment: -0.3,
    toxicity: 0,
    cluster: 'c2',
    text: '#OndalinePanne rien ne marche ici non plus',
  },
  {
    id: 'reviews:r9',
    at: at(8, 15),
    handle: 'karim',
    reach: 0,
    sentiment: -0.9,
    toxicity: 0.7,
    rating: 1,
    text: 'Une étoile. Inadmissible.',
  },
  {
    id: 'x:s10',
    at: at(9, 0),
    handle: 'mallory',
    name: XSS_NAME,
    reach: 10,
    sentiment: -0.4,
    toxicity: 0.95,
    text: '@hugo_ondaline tu vas le payer',
    url: XSS_URL,
  },
  {
    id: 'reviews:r11',
    at: at(10, 30),
    handle: 'lucie',
    reach: 0,
    sentiment: -0.5,
    toxicity: 0,
    rating: 2,
    text: 'Service client injoignable.',
  },
  {
    id: 'bluesky:s12',
    at: at(12, 0),
    handle: 'gina',
    reach: 300,
    sentiment: 0.4,
    toxicity: 0,
    text: 'Ça revient enfin, merci.',
  },
  {
    id: 'x:s13',
    at: at(13, 30),
    handle: 'nadia_r',
    name: 'Nadia Roux',
    reach: 5000,
    sentiment: 0.02,
    toxicity: 0,
    text: 'Article publié sur la panne Ondaline : https://news.test/a?x=1&y=2',
    url: 'https://news.test/a',
  },
  {
    id: 'x:o1',
    at: at(9, 30),
    handle: 'zoe',
    reach: 999,
    sentiment: 0,
    toxicity: 0,
    text: 'Autre sujet',
    source: 'src-other',
  },
  {
    id: 'x:late1',
    at: at(14, 30),
    handle: 'zoe',
    reach: 999,
    sentiment: 0,
    toxicity: 0,
    text: 'Après la clôture',
  },
];

export function insertMentions(db: Database.Database, rows: M[]): void {
  const ins =
    db.prepare(`INSERT INTO mentions(id, platform, external_id, url, author_handle, author_name, author_followers,
      text, lang, created_at, fetched_at, likes, shares, replies, reach, rating, sentiment, toxicity, cluster_id, source_id)
    VALUES (@id, @platform, @ext, @url, @handle, @name, NULL, @text, 'fr', @at, @at, 0, 0, 0, @reach, @rating, @sentiment,
      @toxicity, @cluster, @source)`);
  const fts = db.prepare(
    'INSERT INTO mentions_fts(rowid, text, author_handle, author_name) VALUES (?, ?, ?, ?)',
  );
  for (const m of rows) {
    const [platform, ext] = m.id.split(':') as [string, string];
    const info = ins.run({
      id: m.id,
      platform,
      ext,
      url: m.url ?? null,
      handle: m.handle,
      name: m.name ?? null,
      text: m.text,
      at: m.at,
      reach: m.reach,
      rating: m.rating ?? null,
      sentiment: m.sentiment,
      toxicity: m.toxicity,
      cluster: m.cluster ?? null,
      source: m.source ?? 'src-a',
    });
    fts.run(info.lastInsertRowid, m.text, m.handle, m.name ?? null);
  }
}

function ev(
  db: Database.Database,
  t: number,
  kind: string,
  actor: string | null,
  text: string,
  data?: unknown,
  mentionId?: string,
) {
  db.prepare(
    'INSERT INTO timeline_events(incident_id, at, kind, actor, text, mention_id, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(INCIDENT, t, kind, actor, text, mentionId ?? null, data === undefined ? null : JSON.stringify(data));
}

/**
 * Key times: alert 08:12, opened 08:20, levels veille→alerte 08:25, alerte→crise 09:00,
 * crise→alerte 11:00; holding statement requested 08:40, approved 08:52 (Léa) and 08:55 (Hugo),
 * published 09:05 (an internal note published at 08:50 does not count); stable 11:00; closed 14:00.
 */
export function buildIncident(db: Database.Database): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO incidents(id, title, level, status, opened_at, stable_at, closed_at, is_demo, source_ids)
       VALUES (?, ?, 'alerte', 'closed', ?, ?, ?, 0, '["src-a"]')`,
    ).run(INCIDENT, 'Panne réseau « Ondaline » — mars', at(8, 20), at(11, 0), at(14, 0));
    insertMentions(db, MENTIONS);

    ev(db, at(8, 12), 'alert', 'Vigie', 'Hausse du volume : ×5,2', { metric: 'count', ratio: 5.2 });
    ev(db, at(8, 20), 'incident.opened', 'Camille Martin', 'Panne réseau « Ondaline » — mars');
    ev(db, at(8, 21), 'role.assumed', 'Camille Martin', 'lead: Camille Martin', {
      role: 'lead',
      member: 'Camille Martin',
    });
    ev(db, at(8, 25), 'level.changed', 'Camille Martin', 'Volume en forte hausse', {
      from: 'veille',
      to: 'alerte',
    });
    ev(db, at(8, 30), 'checklist.done', 'Camille Martin', '', { itemId: 1 });
    ev(db, at(8, 45), 'log.decision', 'Camille Martin', "Publier une déclaration d'attente sur X");
    ev(db, at(9, 0), 'level.changed', 'Camille Martin', 'Reprise par la presse', {
      from: 'alerte',
      to: 'crise',
    });
    ev(db, at(9, 5), 'statement.published', 'Hugo Bernard', "Déclaration d'attente", {
      statementId: 1,
      channel: 'x',
    });
    ev(db, at(9, 15), 'mention.pinned', 'Camille Martin', 'Menace', {
      mentionId: 'x:s4',
      authorHandle: 'mallory',
      text: XSS_TEXT,
    });
    ev(db, at(9, 30), 'protection.opened', 'Camille Martin', 'Nadia Roux mise sous protection');
    ev(db, at(11, 0), 'incident.stable', 'Camille Martin', 'Retour du réseau');
    ev(db, at(11, 0), 'level.changed', 'Camille Martin', 'Décrue', { from: 'crise', to: 'alerte' });
    ev(db, at(14, 0), 'incident.closed', 'Camille Martin', '');

    db.prepare(
      `INSERT INTO roles(incident_id, role, member, assumed_at, assumed_by) VALUES (?, 'lead', 'Camille Martin', ?, 'Camille Martin')`,
    ).run(INCIDENT, at(8, 21));

    // Checklist: on time, late, overdue, skipped, no deadline, and one never unlocked (left out).
    const item =
      db.prepare(`INSERT INTO checklist_items(incident_id, playbook_id, step_id, position, phase, title_fr, title_en,
        min_level, unlocked_at, due_at, status, done_at, done_by, created_at)
      VALUES (@i, 'pb', @step, @pos, @phase, @fr, @en, @lvl, @unlocked, @due, @status, @done, @by, @created)`);
    const base = {
      i: INCIDENT,
      created: at(8, 20),
      unlocked: at(8, 20),
      lvl: 'veille',
      by: null as string | null,
    };
    item.run({
      ...base,
      step: 'confirm',
      pos: 1,
      phase: 'detecter',
      fr: 'Confirmer la panne',
      en: 'Confirm the outage',
      due: at(8, 35),
      status: 'done',
      done: at(8, 30),
      by: 'Camille Martin',
    });
    item.run({
      ...base,
      step: 'holding',
      pos: 2,
      phase: 'communiquer',
      fr: "Déclaration d'attente",
      en: 'Holding statement',
      due: at(8, 50),
      status: 'done',
      done: at(9, 10),
      by: 'Hugo Bernard',
    });
    item.run({
      ...base,
      step: 'legal',
      pos: 3,
      phase: 'contenir',
      fr: 'Relecture juridique',
      en: 'Legal review',
      due: at(9, 30),
      status: 'todo',
      done: null,
    });
    item.run({
      ...base,
      step: 'faq',
      pos: 4,
      phase: 'communiquer',
      fr: 'FAQ clients',
      en: 'Customer FAQ',
      due: at(10, 0),
      status: 'skipped',
      done: at(9, 40),
    });
    item.run({
      ...base,
      step: 'brief',
      pos: 5,
      phase: 'qualifier',
      fr: 'Point de situation',
      en: 'Situation brief',
      due: null,
      status: 'done',
      done: at(9, 50),
      by: 'Camille Martin',
    });
    item.run({
      ...base,
      step: 'exec',
      pos: 6,
      phase: 'communiquer',
      fr: 'Direction',
      en: 'Executives',
      lvl: 'crise_majeure',
      unlocked: null,
      due: null,
      status: 'todo',
      done: null,
    });

    const st =
      db.prepare(`INSERT INTO statements(id, incident_id, kind, lang, title, body, signature, status, version, rule, created_at,
        updated_at, requested_at, decided_at, published_at, published_by, channel, published_url, created_by)
      VALUES (@id, @i, @kind, 'fr', @title, @body, @sig, @status, 1, 'all', @created, @created, @req, @dec, @pub, @by, @channel, @url, 'Hugo Bernard')`);
    st.run({
      id: 1,
      i: INCIDENT,
      kind: 'holding',
      title: "Déclaration d'attente",
      body: 'Nous constatons une panne de notre réseau.\nNos équipes sont mobilisées ; prochain point à 11 h.',
      sig: 'Hugo',
      status: 'published',
      created: at(8, 35),
      req: at(8, 40),
      dec: at(8, 55),
      pub: at(9, 5),
      by: 'Hugo Bernard',
      channel: 'x',
      url: 'https://x.com/ondaline/status/100',
    });
    st.run({
      id: 2,
      i: INCIDENT,
      kind: 'internal',
      title: 'Note interne',
      body: 'Ne pas répondre aux menaces.',
      sig: null,
      status: 'published',
      created: at(8, 48),
      req: null,
      dec: null,
      pub: at(8, 50),
      by: 'Camille Martin',
      channel: null,
      url: null,
    });
    const ap =
      db.prepare(`INSERT INTO statement_approvals(statement_id, version, approver, position, requested_at, decision, decided_at, comment)
      VALUES (1, 1, ?, ?, ?, 'approved', ?, ?)`);
    ap.run('Léa Dubois', 1, at(8, 40), at(8, 52), 'OK juridique');
    ap.run('Hugo Bernard', 2, at(8, 40), at(8, 55), '');

    const route = db.prepare(
      `INSERT INTO routing_log(incident_id, mention_id, service, note, routed_at, routed_by) VALUES (?, ?, ?, '', ?, ?)`,
    );
    route.run(INCIDENT, 'x:s10', 'juridique', at(9, 10), 'Camille Martin');
    route.run(INCIDENT, 'reviews:r9', 'service_client', at(8, 40), 'Hugo Bernard');
    route.run(INCIDENT, 'reviews:r11', 'service_client', at(10, 40), 'Hugo Bernard');

    db.prepare(
      `INSERT INTO evidence(incident_id, mention_id, platform, url, author_handle, author_name, text, mention_created_at, sha256,
        note, pinned_at, pinned_by) VALUES (?, 'x:s4', 'x', 'javascript:alert(1)', 'mallory', ?, ?, ?, ?, ?, ?, 'Camille Martin')`,
    ).run(
      INCIDENT,
      XSS_NAME,
      XSS_TEXT,
      at(8, 7),
      'ab'.repeat(32),
      'Menace, à transmettre au juridique',
      at(9, 15),
    );

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

    db.prepare(
      `INSERT INTO incident_reviews(incident_id, summary, went_well, went_badly, action_items, onset_at, updated_at, updated_by)
      VALUES (?, ?, ?, ?, ?, NULL, ?, 'Camille Martin')`,
    ).run(
      INCIDENT,
      'La panne du réseau a déclenché une vague de critiques sur X et Bluesky.\n\nLa cellule a tenu les délais de validation ; la relecture juridique a pris du retard.',
      JSON.stringify(["Déclaration d'attente validée en 15 min", 'Aiguillage rapide vers le service client']),
      JSON.stringify(['Alerte tardive sur Mastodon', 'Relecture juridique jamais faite']),
      JSON.stringify([
        { text: 'Brancher le flux Mastodon sur les alertes', owner: 'Hugo Bernard', due: '2026-04-01' },
      ]),
      at(14, 30),
    );
  })();
}

export function fixtureStore(): { db: Database.Database; file: string; tmp: ReturnType<typeof tempDir> } {
  const tmp = tempDir('vigie-report-');
  const file = tmp.file('report.db');
  const db = openStore(file);
  buildIncident(db);
  return { db, file, tmp };
}
