// Exposure of members to what they read and handle (load-score.ts, factor f_expo).
// - opened: the local user opened a mention (the renderer reports it);
// - handled: derived from the incident timeline, rows of kind mention.status / mention.assigned /
//   mention.routed / mention.pinned written by triage with the member's display name as actor and
//   the mention ids in `data` (`mentionIds`, or `mentionId` alone). A cursor in `meta` (last
//   timeline_events id read) moves in the same transaction as the rows it produced: exactly once.
// Each exposure keeps a snapshot of the toxicity and whom the abuse targets (the member, a
// colleague or a protected person, someone else).
import type { Database } from 'better-sqlite3';
import type { Exposure, ExposureAction, ExposureTarget } from './load-score';
import type { Member } from './members-repo';
import { personMatcher } from './protection-case';

export const EXPOSURE_CURSOR_KEY = 'team.exposure_cursor';
export const HANDLED_KINDS = [
  'mention.status',
  'mention.assigned',
  'mention.routed',
  'mention.pinned',
] as const;
const BATCH = 500;

export interface Person {
  name: string;
  handles: { platform: string; handle: string }[];
  keywords: string[];
}

interface MentionFacts {
  id: string;
  text: string;
  author_handle: string;
  toxicity: number | null;
  targets?: string | null;
  aimed_at?: string | null;
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/^@/, '').trim();

/** Person-targeted analysis may add `targets` (JSON list or comma list) to mentions: read it when there. */
function parseTargets(raw: string | null | undefined): string[] | null {
  if (raw == null || raw === '') return null;
  try {
    const v = JSON.parse(raw) as unknown;
    if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string').map(fold);
  } catch {
    // not JSON: a comma-separated list
  }
  return raw.split(',').map(fold).filter(Boolean);
}

/**
 * Whom a mention's abuse targets, seen from `member`: themself, a colleague (another member or a
 * protected person) or someone/something else. Uses the analysis' target list when the store has
 * one, the person's name and handles in the text otherwise.
 */
export function classifyTarget(
  mention: Pick<MentionFacts, 'text' | 'author_handle' | 'targets'>,
  member: Pick<Member, 'displayName'>,
  colleagues: readonly Person[],
): ExposureTarget {
  const self: Person = { name: member.displayName, handles: [], keywords: [] };
  const targets = parseTargets(mention.targets);
  if (targets) {
    const names = (p: Person) => [p.name, ...p.keywords, ...p.handles.map((h) => h.handle)].map(fold);
    if (names(self).some((n) => targets.includes(n))) return 'self';
    if (colleagues.some((c) => names(c).some((n) => targets.includes(n)))) return 'colleague';
    if (targets.length > 0) return 'other';
  }
  const m = { text: mention.text, authorHandle: mention.author_handle };
  if (personMatcher({ ...self, kind: 'other' })(m)) return 'self';
  if (colleagues.some((c) => personMatcher({ ...c, kind: 'other' })(m))) return 'colleague';
  return 'other';
}

export class ExposuresRepo {
  private readonly extraColumns: string[];

  constructor(private readonly db: Database) {
    const cols = (db.prepare('PRAGMA table_info(mentions)').all() as { name: string }[]).map((c) => c.name);
    this.extraColumns = ['targets', 'aimed_at'].filter((c) => cols.includes(c));
  }

  private mention(id: string): MentionFacts | null {
    const extra = this.extraColumns.map((c) => `, ${c}`).join('');
    return (
      (this.db
        .prepare(`SELECT id, text, author_handle, toxicity${extra} FROM mentions WHERE id = ?`)
        .get(id) as MentionFacts | undefined) ?? null
    );
  }

  /** Records one exposure; false when the member already had this one (same mention and action). */
  record(
    member: Member,
    mentionId: string,
    action: ExposureAction,
    at: number,
    incidentId: string | null,
    colleagues: readonly Person[],
  ): boolean {
    const m = this.mention(mentionId);
    if (!m) return false;
    const target = classifyTarget(m, member, colleagues);
    const tox = m.toxicity == null ? null : Math.min(1, Math.max(0, m.toxicity));
    return (
      this.db
        .prepare(
          `INSERT OR IGNORE INTO exposures(member_id, mention_id, incident_id, action, target, at, toxicity)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(member.id, mentionId, incidentId, action, target, at, tox).changes > 0
    );
  }

  /**
   * Reads the timeline rows written since the cursor and records the members' handled exposures.
   * Returns the ids of the members who got new exposures.
   */
  deriveFromTimeline(members: readonly Member[], colleaguesOf: (member: Member) => Person[]): Set<string> {
    const touched = new Set<string>();
    const byName = new Map(members.map((m) => [m.displayName.toLocaleLowerCase('fr'), m]));
    for (;;) {
      const cursor = Number(
        (
          this.db.prepare('SELECT value FROM meta WHERE key = ?').get(EXPOSURE_CURSOR_KEY) as
            { value: string } | undefined
        )?.value ?? 0,
      );
      const rows = this.db
        .prepare(
          `SELECT id, incident_id, at, kind, actor, mention_id, data FROM timeline_events
           WHERE id > ? ORDER BY id LIMIT ${BATCH}`,
        )
        .all(cursor) as {
        id: number;
        incident_id: string;
        at: number;
        kind: string;
        actor: string | null;
        mention_id: string | null;
        data: string | null;
      }[];
      if (rows.length === 0) return touched;
      this.db.transaction(() => {
        for (const row of rows) {
          if (!(HANDLED_KINDS as readonly string[]).includes(row.kind) || !row.actor) continue;
          const member = byName.get(row.actor.trim().toLocaleLowerCase('fr'));
          if (!member) continue;
          const colleagues = colleaguesOf(member);
          for (const mentionId of mentionIdsOf(row)) {
            if (this.record(member, mentionId, 'handled', row.at, row.incident_id, colleagues))
              touched.add(member.id);
          }
        }
        this.db
          .prepare(
            'INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
          )
          .run(EXPOSURE_CURSOR_KEY, String(rows.at(-1)!.id));
      })();
      if (rows.length < BATCH) return touched;
    }
  }

  /** The member's exposures since `since` (for the load score). */
  list(memberId: string, since: number): Exposure[] {
    return (
      this.db
        .prepare(
          'SELECT at, toxicity, target, action FROM exposures WHERE member_id = ? AND at >= ? ORDER BY at',
        )
        .all(memberId, since) as Exposure[]
    ).map((e) => ({ at: e.at, toxicity: e.toxicity, target: e.target, action: e.action }));
  }
}

function mentionIdsOf(row: { mention_id: string | null; data: string | null }): string[] {
  const ids = new Set<string>();
  if (row.mention_id) ids.add(row.mention_id);
  if (row.data) {
    try {
      const d = JSON.parse(row.data) as { mentionIds?: unknown; mentionId?: unknown };
      if (Array.isArray(d.mentionIds)) for (const id of d.mentionIds) if (typeof id === 'string') ids.add(id);
      if (typeof d.mentionId === 'string') ids.add(d.mentionId);
    } catch {
      // a row without JSON data names its mention in mention_id or not at all
    }
  }
  return [...ids];
}
