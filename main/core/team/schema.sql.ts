/**
 * Proposed tables for the team room (members, shifts, breaks, exposures, TLX, protection cases,
 * evidence). The lead copies TEAM_SCHEMA_SQL into the next numbered migration (it needs
 * `incidents` from 0002). Conventions of the store: times are INTEGER ms UTC, JSON in TEXT
 * checked with json_valid, booleans as 0/1, snake_case columns.
 *
 * Sources of truth:
 * - `rest_timers.state` is the rest-timer state (rest-timer.ts `serializeTimer`/`parseTimer`);
 *   `status` and `updated_at` are copies for the lead's board. Journal entries newer than
 *   `journal_seq` (`journalSince`) go to `breaks` (break_* entries) and `shifts` (duty_*), in the
 *   same transaction that writes the state.
 * - `protection_cases.state` is the case (protection-case.ts `serializeCase`/`parseCase`); the
 *   other columns are copies for queries (`protectionCaseRow`). Its events newer than
 *   `events_seq` (`eventsSince`) go to `protection_events`, and to `timeline_events` when the case
 *   belongs to an incident.
 * - `evidence_items.record` is the frozen record exactly as hashed (`freezeMention`); it is
 *   never updated (a trigger refuses it), only deleted with its case.
 * - Exposures keep a snapshot of the toxicity and no foreign key to `mentions`: wellbeing history
 *   must survive a purge of mentions.
 * - The cell-wide rest-timer configuration lives in `meta` under `team.timer_config` (JSON of
 *   RestTimerConfig), the load-score configuration under `team.load_config`.
 * - Also in `meta`: a member's signature first name and the services they can take under
 *   `team.profile.<member id>` (members-repo.ts; columns in a later migration would be better), the
 *   last `timeline_events` id read for exposure under `team.exposure_cursor` (exposures.ts, moved in
 *   the same transaction as the exposures it produced), and `team.demo_seeded`.
 */
export const TEAM_SCHEMA_SQL = `
CREATE TABLE members (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL CHECK (length(display_name) > 0),
  usual_role TEXT CHECK (usual_role IN ('lead', 'comms', 'scribe', 'signatory', 'liaison', 'analyst')),
  is_local INTEGER NOT NULL DEFAULT 0 CHECK (is_local IN (0, 1)),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  timer_config TEXT CHECK (timer_config IS NULL OR json_valid(timer_config)),
  tlx_last_prompted_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX members_one_local ON members(is_local) WHERE is_local = 1;

CREATE TABLE rest_timers (
  member_id TEXT PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
  state TEXT NOT NULL CHECK (json_valid(state)),
  status TEXT NOT NULL CHECK (status IN ('off_duty', 'working', 'micro_due', 'break_due', 'on_break',
    'overdue', 'duty_limit', 'daily_limit')),
  journal_seq INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX rest_timers_status ON rest_timers(status);

CREATE TABLE shifts (
  id INTEGER PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  incident_id TEXT REFERENCES incidents(id) ON DELETE SET NULL,
  role TEXT CHECK (role IN ('lead', 'comms', 'scribe', 'signatory', 'liaison', 'analyst')),
  started_at INTEGER NOT NULL,
  ended_at INTEGER CHECK (ended_at IS NULL OR ended_at >= started_at),
  handoff_to TEXT REFERENCES members(id) ON DELETE SET NULL,
  handoff_note TEXT
);
CREATE UNIQUE INDEX shifts_one_open ON shifts(member_id) WHERE ended_at IS NULL;
CREATE INDEX shifts_member ON shifts(member_id, started_at);
CREATE INDEX shifts_incident ON shifts(incident_id, started_at);

CREATE TABLE breaks (
  id INTEGER PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  shift_id INTEGER REFERENCES shifts(id) ON DELETE SET NULL,
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  kind TEXT CHECK (kind IN ('micro', 'rest')),
  outcome TEXT NOT NULL CHECK (outcome IN ('started', 'taken', 'cut_short', 'natural', 'skipped', 'postponed',
    'imposed')),
  started_at INTEGER,
  duration_ms INTEGER CHECK (duration_ms IS NULL OR duration_ms >= 0),
  due_at INTEGER,
  by TEXT,
  UNIQUE (member_id, seq)
);
CREATE INDEX breaks_member_at ON breaks(member_id, at);
CREATE INDEX breaks_outcome ON breaks(outcome, at);

CREATE TABLE exposures (
  id INTEGER PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  mention_id TEXT NOT NULL,
  incident_id TEXT REFERENCES incidents(id) ON DELETE SET NULL,
  action TEXT NOT NULL CHECK (action IN ('opened', 'handled')),
  target TEXT NOT NULL DEFAULT 'other' CHECK (target IN ('self', 'colleague', 'other')),
  at INTEGER NOT NULL,
  toxicity REAL CHECK (toxicity IS NULL OR (toxicity >= 0 AND toxicity <= 1)),
  UNIQUE (member_id, mention_id, action)
);
CREATE INDEX exposures_member_at ON exposures(member_id, at);
CREATE INDEX exposures_mention ON exposures(mention_id);

CREATE TABLE tlx_reports (
  id INTEGER PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  mental INTEGER NOT NULL CHECK (mental BETWEEN 0 AND 100),
  physical INTEGER NOT NULL CHECK (physical BETWEEN 0 AND 100),
  temporal INTEGER NOT NULL CHECK (temporal BETWEEN 0 AND 100),
  performance INTEGER NOT NULL CHECK (performance BETWEEN 0 AND 100),
  effort INTEGER NOT NULL CHECK (effort BETWEEN 0 AND 100),
  frustration INTEGER NOT NULL CHECK (frustration BETWEEN 0 AND 100),
  raw_tlx REAL GENERATED ALWAYS AS ((mental + physical + temporal + performance + effort + frustration) / 6.0) VIRTUAL
);
CREATE INDEX tlx_reports_member_at ON tlx_reports(member_id, at);

CREATE TABLE protection_cases (
  id TEXT PRIMARY KEY,
  incident_id TEXT REFERENCES incidents(id) ON DELETE SET NULL,
  person_name TEXT NOT NULL CHECK (length(person_name) > 0),
  person_kind TEXT NOT NULL CHECK (person_kind IN ('journalist', 'employee', 'executive', 'other')),
  handles TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(handles) AND json_type(handles) = 'array'),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'all_clear_suggested', 'closed')),
  started_at INTEGER NOT NULL,
  cooldown_ms INTEGER NOT NULL CHECK (cooldown_ms > 0),
  cooldown_until INTEGER NOT NULL CHECK (cooldown_until >= started_at),
  delegate_member_id TEXT REFERENCES members(id) ON DELETE SET NULL,
  closed_at INTEGER CHECK (closed_at IS NULL OR closed_at >= started_at),
  steps TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(steps)),
  state TEXT NOT NULL CHECK (json_valid(state)),
  events_seq INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL,
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX protection_cases_status ON protection_cases(status, started_at);
CREATE INDEX protection_cases_incident ON protection_cases(incident_id);

CREATE TABLE protection_events (
  id INTEGER PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES protection_cases(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  actor TEXT,
  text_fr TEXT NOT NULL,
  text_en TEXT NOT NULL,
  data TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data)),
  UNIQUE (case_id, seq)
);
CREATE INDEX protection_events_case_at ON protection_events(case_id, at);

CREATE TABLE evidence_items (
  id INTEGER PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES protection_cases(id) ON DELETE CASCADE,
  mention_id TEXT NOT NULL,
  record TEXT NOT NULL CHECK (json_valid(record)),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  toxicity REAL CHECK (toxicity IS NULL OR (toxicity >= 0 AND toxicity <= 1)),
  target TEXT CHECK (target IN ('self', 'colleague', 'other')),
  note TEXT,
  frozen_at INTEGER NOT NULL,
  frozen_by TEXT NOT NULL,
  UNIQUE (case_id, mention_id)
);
CREATE INDEX evidence_items_case ON evidence_items(case_id, frozen_at);
CREATE TRIGGER evidence_items_frozen BEFORE UPDATE OF case_id, mention_id, record, sha256, frozen_at, frozen_by
  ON evidence_items
BEGIN
  SELECT RAISE(ABORT, 'evidence is frozen');
END;
`;

/** Tables created by TEAM_SCHEMA_SQL, in creation order. */
export const TEAM_TABLES = [
  'members',
  'rest_timers',
  'shifts',
  'breaks',
  'exposures',
  'tlx_reports',
  'protection_cases',
  'protection_events',
  'evidence_items',
] as const;
