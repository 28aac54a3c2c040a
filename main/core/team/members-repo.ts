// Members of the cell. The `members` table holds who they are and whether this machine is theirs;
// the signature first name and the services a member can take live beside it in `meta`
// (`team.profile.<id>`, JSON) until a later migration gives them columns.
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { VigieError } from '../errors';
import { TEAM_ROLES, type TeamRole } from './load-score';

export interface Member {
  id: string;
  displayName: string;
  signature: string;
  usualRole: TeamRole | null;
  services: string[];
  isLocal: boolean;
  active: boolean;
  tlxLastPromptedAt: number | null;
  createdAt: number;
}

export interface MemberInput {
  id?: string;
  displayName: string;
  signature?: string;
  usualRole?: TeamRole | null;
  services?: string[];
  isLocal?: boolean;
}

interface MemberRow {
  id: string;
  display_name: string;
  usual_role: string | null;
  is_local: number;
  active: number;
  tlx_last_prompted_at: number | null;
  created_at: number;
}

interface Profile {
  signature?: string;
  services?: string[];
}

const PROFILE_PREFIX = 'team.profile.';

/** The first word of the name, used to sign when no signature was given. */
export function defaultSignature(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] ?? displayName;
}

export class MembersRepo {
  constructor(private readonly db: Database) {}

  list(): Member[] {
    const rows = this.db
      .prepare('SELECT * FROM members WHERE active = 1 ORDER BY is_local DESC, created_at, rowid')
      .all() as MemberRow[];
    return rows.map((r) => this.toMember(r));
  }

  get(id: string): Member | null {
    const row = this.db.prepare('SELECT * FROM members WHERE id = ?').get(id) as MemberRow | undefined;
    return row ? this.toMember(row) : null;
  }

  require(id: string): Member {
    const m = this.get(id);
    if (!m || !m.active) throw new VigieError('not_found', `No member with id ${id}.`);
    return m;
  }

  local(): Member | null {
    const row = this.db.prepare('SELECT * FROM members WHERE is_local = 1 AND active = 1').get() as
      MemberRow | undefined;
    return row ? this.toMember(row) : null;
  }

  /** Case- and space-insensitive lookup by display name (actors on the timeline are names). */
  byName(name: string): Member | null {
    const key = name.trim().toLocaleLowerCase('fr');
    return this.list().find((m) => m.displayName.toLocaleLowerCase('fr') === key) ?? null;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM members WHERE active = 1').get() as { n: number }).n;
  }

  save(input: MemberInput, now: number): Member {
    const name = input.displayName.trim();
    if (!name) throw new VigieError('bad_request', 'A member needs a name.');
    if (input.usualRole != null && !TEAM_ROLES.includes(input.usualRole)) {
      throw new VigieError('bad_request', `Unknown role "${input.usualRole}".`);
    }
    const clash = this.byName(name);
    if (clash && clash.id !== input.id) {
      throw new VigieError('duplicate_member', `A member is already called ${name}.`);
    }
    const id = input.id ?? randomUUID();
    this.db.transaction(() => {
      const existing = this.get(id);
      if (input.isLocal) this.db.prepare('UPDATE members SET is_local = 0 WHERE id <> ?').run(id);
      if (existing) {
        this.db
          .prepare(
            `UPDATE members SET display_name = ?, usual_role = ?, is_local = ?, active = 1, updated_at = ? WHERE id = ?`,
          )
          .run(
            name,
            input.usualRole === undefined ? existing.usualRole : input.usualRole,
            input.isLocal === undefined ? (existing.isLocal ? 1 : 0) : input.isLocal ? 1 : 0,
            now,
            id,
          );
      } else {
        this.db
          .prepare(
            `INSERT INTO members(id, display_name, usual_role, is_local, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(id, name, input.usualRole ?? null, input.isLocal ? 1 : 0, now, now);
      }
      const before = this.profile(id);
      const profile: Profile = {
        signature: input.signature?.trim() || before.signature || defaultSignature(name),
        services: input.services ?? before.services ?? [],
      };
      this.db
        .prepare(
          'INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
        )
        .run(PROFILE_PREFIX + id, JSON.stringify(profile));
    })();
    return this.require(id);
  }

  /** Members leave the list but stay in the history (exposures, breaks, shifts keep their id). */
  remove(id: string, now: number): boolean {
    return (
      this.db
        .prepare('UPDATE members SET active = 0, is_local = 0, updated_at = ? WHERE id = ? AND active = 1')
        .run(now, id).changes > 0
    );
  }

  markTlxPrompted(id: string, at: number): void {
    this.db.prepare('UPDATE members SET tlx_last_prompted_at = ? WHERE id = ?').run(at, id);
  }

  private profile(id: string): Profile {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(PROFILE_PREFIX + id) as
      { value: string } | undefined;
    if (!row) return {};
    try {
      const p = JSON.parse(row.value) as Profile;
      return {
        signature: typeof p.signature === 'string' ? p.signature : undefined,
        services: Array.isArray(p.services) ? p.services.filter((s) => typeof s === 'string') : undefined,
      };
    } catch {
      return {};
    }
  }

  private toMember(r: MemberRow): Member {
    const p = this.profile(r.id);
    return {
      id: r.id,
      displayName: r.display_name,
      signature: p.signature || defaultSignature(r.display_name),
      usualRole: (r.usual_role as TeamRole | null) ?? null,
      services: p.services ?? [],
      isLocal: r.is_local === 1,
      active: r.active === 1,
      tlxLastPromptedAt: r.tlx_last_prompted_at,
      createdAt: r.created_at,
    };
  }
}
