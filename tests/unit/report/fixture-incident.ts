// The crisis itself in the report fixture: the incident row, timeline, role, checklist, statements
// and approvals, routing, pinned evidence, and the post-incident review.
import type Database from 'better-sqlite3';
import { at, INCIDENT, XSS_NAME, XSS_TEXT } from './fixture-constants';

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
export function insertIncident(db: Database.Database): void {
  db.prepare(
    `INSERT INTO incidents(id, title, level, status, opened_at, stable_at, closed_at, is_demo, source_ids)
       VALUES (?, ?, 'alerte', 'closed', ?, ?, ?, 0, '["src-a"]')`,
  ).run(INCIDENT, 'Panne réseau « Ondaline » — mars', at(8, 20), at(11, 0), at(14, 0));
}

/** Timeline, lead role, checklist, statements and approvals, routing and pinned evidence (key times above). */
export function insertResponse(db: Database.Database): void {
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
}

export function insertReview(db: Database.Database): void {
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
}
