// Tables of the crisis cell (roles, checklists, clocks, statements, triage). Proposed as one SQL
// string: the lead turns it into a numbered migration (main/core/store/migrations/NNNN-crisis.ts:
// `db.exec(CRISIS_SCHEMA_SQL)`). It only adds tables, indexes and triggers; `incidents`,
// `timeline_events` and `mentions` are used as they are.
//
// Conventions followed: times are ms UTC integers, snake_case columns, every row of an incident goes
// with it (ON DELETE CASCADE), enums closed by the code are CHECKed, configurable lists (levels,
// phases, services) are not. Rows that are evidence or audit (routing_log, evidence) never reference
// `mentions`: deleting a source's mentions must not erase what the cell did or kept.

export const CRISIS_SCHEMA_SQL = `
CREATE TABLE roles (
  id INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('lead', 'comms', 'scribe', 'signatory', 'liaison')),
  member TEXT NOT NULL CHECK (length(member) > 0),
  -- The first name that signs replies (signatory); NULL = the member's first word.
  signature TEXT,
  assumed_at INTEGER NOT NULL,
  assumed_by TEXT,
  renounced_at INTEGER,
  renounced_by TEXT,
  CHECK (renounced_at IS NULL OR renounced_at >= assumed_at)
);
CREATE INDEX roles_incident ON roles(incident_id, role, assumed_at);
-- A member holds a role once at a time; lead, scribe and signatory have one holder at a time.
CREATE UNIQUE INDEX roles_active_member ON roles(incident_id, role, member) WHERE renounced_at IS NULL;
CREATE UNIQUE INDEX roles_active_single ON roles(incident_id, role)
  WHERE renounced_at IS NULL AND role IN ('lead', 'scribe', 'signatory');

CREATE TABLE checklist_items (
  id INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  -- NULL for a custom step added during the incident.
  playbook_id TEXT,
  step_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  phase TEXT NOT NULL,
  -- Copied from the playbook when applied: editing the file later does not rewrite the record.
  title_fr TEXT NOT NULL,
  title_en TEXT NOT NULL,
  detail_fr TEXT NOT NULL DEFAULT '',
  detail_en TEXT NOT NULL DEFAULT '',
  min_level TEXT NOT NULL,
  owner_role TEXT CHECK (owner_role IN ('lead', 'comms', 'scribe', 'signatory', 'liaison')),
  -- 'opening' | 'level' | 'clock:<id>'; NULL with due_at set = a fixed time; both NULL = no deadline.
  due_from TEXT,
  due_offset_ms INTEGER CHECK (due_offset_ms IS NULL OR due_offset_ms >= 0),
  template_id TEXT,
  starts_clock TEXT,
  stops_clock TEXT,
  opens TEXT,
  -- NULL while the incident's level is below min_level.
  unlocked_at INTEGER,
  due_at INTEGER,
  status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'done', 'skipped')),
  done_at INTEGER,
  done_by TEXT,
  note TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  created_by TEXT,
  UNIQUE (incident_id, playbook_id, step_id),
  CHECK ((status = 'todo') = (done_at IS NULL))
);
CREATE INDEX checklist_items_incident ON checklist_items(incident_id, position);
CREATE INDEX checklist_items_due ON checklist_items(incident_id, status, due_at);

CREATE TABLE incident_clocks (
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  clock_id TEXT NOT NULL,
  playbook_id TEXT NOT NULL,
  label_fr TEXT NOT NULL,
  label_en TEXT NOT NULL,
  duration_ms INTEGER NOT NULL CHECK (duration_ms > 0),
  start_on TEXT NOT NULL CHECK (start_on IN ('opening', 'manual')),
  -- The moment the clock counts from (for GDPR: when the organisation became aware), which may be
  -- earlier than recorded_at, the moment someone entered it.
  started_at INTEGER,
  started_by TEXT,
  recorded_at INTEGER,
  met_at INTEGER,
  met_by TEXT,
  PRIMARY KEY (incident_id, clock_id),
  CHECK (met_at IS NULL OR started_at IS NOT NULL)
) WITHOUT ROWID;

CREATE TABLE statements (
  id INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('holding', 'update', 'reply', 'faq', 'internal')),
  lang TEXT NOT NULL CHECK (lang IN ('fr', 'en')),
  template_id TEXT,
  title TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  signature TEXT,
  reply_to_mention_id TEXT,
  status TEXT NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'pending', 'approved', 'rejected', 'published')),
  -- Bumped by every edit; approvals are given to one version of the text.
  version INTEGER NOT NULL DEFAULT 1,
  rule TEXT CHECK (rule IN ('any', 'all')),
  created_at INTEGER NOT NULL,
  created_by TEXT,
  updated_at INTEGER NOT NULL,
  requested_at INTEGER,
  requested_by TEXT,
  decided_at INTEGER,
  published_at INTEGER,
  published_by TEXT,
  channel TEXT,
  published_url TEXT,
  -- Why it went out without an approved chain (NULL when it was approved).
  override_reason TEXT,
  CHECK ((status = 'published') = (published_at IS NOT NULL))
);
CREATE INDEX statements_incident ON statements(incident_id, created_at);
CREATE INDEX statements_published ON statements(incident_id, published_at) WHERE published_at IS NOT NULL;

CREATE TABLE statement_approvals (
  statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  approver TEXT NOT NULL,
  position INTEGER NOT NULL,
  requested_at INTEGER NOT NULL,
  decision TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'approved', 'rejected')),
  decided_at INTEGER,
  comment TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (statement_id, version, approver),
  CHECK ((decision = 'pending') = (decided_at IS NULL))
) WITHOUT ROWID;

CREATE TABLE routing_log (
  id INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  mention_id TEXT NOT NULL,
  service TEXT NOT NULL,
  previous_service TEXT,
  note TEXT NOT NULL DEFAULT '',
  routed_at INTEGER NOT NULL,
  routed_by TEXT,
  -- Rows written by one multi-select action share it.
  batch_id TEXT
);
CREATE INDEX routing_log_incident ON routing_log(incident_id, routed_at);
CREATE INDEX routing_log_mention ON routing_log(mention_id, routed_at);

-- A pinned mention, frozen as it was when pinned: later edits or deletions on the platform (or of
-- the mentions row) do not change it.
CREATE TABLE evidence (
  id INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  mention_id TEXT NOT NULL,
  platform TEXT NOT NULL,
  url TEXT,
  author_handle TEXT NOT NULL,
  author_name TEXT,
  text TEXT NOT NULL,
  mention_created_at INTEGER NOT NULL,
  -- sha256 of the frozen fields (see main/core/crisis/triage.ts, evidenceHash).
  sha256 TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  pinned_at INTEGER NOT NULL,
  pinned_by TEXT,
  unpinned_at INTEGER,
  unpinned_by TEXT
);
CREATE UNIQUE INDEX evidence_active ON evidence(incident_id, mention_id) WHERE unpinned_at IS NULL;
CREATE INDEX evidence_mention ON evidence(mention_id);
CREATE TRIGGER evidence_frozen BEFORE UPDATE OF
  incident_id, mention_id, platform, url, author_handle, author_name, text, mention_created_at, sha256,
  pinned_at, pinned_by
ON evidence
BEGIN
  SELECT RAISE(ABORT, 'evidence is frozen');
END;
`;
