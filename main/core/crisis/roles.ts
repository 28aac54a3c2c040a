// Roles of the cell per incident: lead, comms, scribe, signatory (the first name that signs
// replies), liaison. Assumed/renounced with times; rows are never deleted, so the history stays.
// lead, scribe and signatory have one holder at a time: assuming one hands it over.
//   role.assumed {role, member, signature, from?}   role.renounced {role, member, handoverTo?}
import type { Database } from 'better-sqlite3';
import { VigieError } from '../errors';
import { IncidentsRepo } from '../store/incidents-repo';
import { isRole, type CrisisConfig, type Role } from './config';
import {
  optionalText,
  readIncident,
  requiredActor,
  requiredText,
  requireNotClosed,
  resolveOptions,
  type CrisisOptions,
} from './internal';

export interface RoleAssignment {
  id: number;
  incidentId: string;
  role: Role;
  member: string;
  /** The first name that signs (meaningful for the signatory). */
  signature: string;
  assumedAt: number;
  assumedBy: string | null;
  renouncedAt: number | null;
  renouncedBy: string | null;
}

interface RoleRow {
  id: number;
  incident_id: string;
  role: Role;
  member: string;
  signature: string | null;
  assumed_at: number;
  assumed_by: string | null;
  renounced_at: number | null;
  renounced_by: string | null;
}

/** "Jean-Pierre Martin" → "Jean-Pierre". */
export function firstName(member: string): string {
  return member.trim().split(/\s+/)[0] ?? member.trim();
}

const toAssignment = (r: RoleRow): RoleAssignment => ({
  id: r.id,
  incidentId: r.incident_id,
  role: r.role,
  member: r.member,
  signature: r.signature ?? firstName(r.member),
  assumedAt: r.assumed_at,
  assumedBy: r.assumed_by,
  renouncedAt: r.renounced_at,
  renouncedBy: r.renounced_by,
});

export class RolesRepo {
  private readonly now: () => number;
  private readonly config: CrisisConfig;
  private readonly incidents: IncidentsRepo;

  constructor(
    private readonly db: Database,
    opts: CrisisOptions = {},
  ) {
    ({ now: this.now, config: this.config } = resolveOptions(opts));
    this.incidents = new IncidentsRepo(db);
  }

  /**
   * `member` takes `role`. For a single-holder role held by someone else, that person renounces in
   * the same transaction (a handover). `signature`: how the signatory signs, default the first name.
   */
  assume(
    incidentId: string,
    role: Role,
    member: string,
    actor: string,
    options: { signature?: string } = {},
  ): RoleAssignment {
    requiredActor(actor);
    if (!isRole(role)) throw new VigieError('bad_request', `Unknown role "${String(role)}".`);
    const who = requiredText(member, 'The member', 200);
    const signature = optionalText(options.signature, 'The signature', 100) || null;
    requireNotClosed(readIncident(this.db, incidentId), 'change its roles');
    const current = this.holders(incidentId, role);
    if (current.some((a) => a.member === who)) {
      throw new VigieError('bad_request', `${who} already holds the role ${role}.`);
    }
    const single = this.config.roles.find((r) => r.id === role)?.single ?? false;
    const now = this.now();
    let id = 0;
    this.db.transaction(() => {
      const previous = single ? current[0] : undefined;
      if (previous) this.writeRenounce(previous, actor, now, '', who);
      id = Number(
        this.db
          .prepare(
            `INSERT INTO roles(incident_id, role, member, signature, assumed_at, assumed_by) VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(incidentId, role, who, signature, now, actor).lastInsertRowid,
      );
      this.incidents.addEvent(incidentId, now, 'role.assumed', actor, `${role}: ${who}`, {
        role,
        member: who,
        signature: signature ?? firstName(who),
        from: previous?.member ?? null,
      });
    })();
    return this.byId(id);
  }

  /** `member` gives up `role`. Event `role.renounced`. */
  renounce(incidentId: string, role: Role, member: string, actor: string, reason = ''): RoleAssignment {
    requiredActor(actor);
    const held = this.holders(incidentId, role).find((a) => a.member === member.trim());
    if (!held) throw new VigieError('not_found', `${member} does not hold the role ${role}.`);
    this.db.transaction(() =>
      this.writeRenounce(held, actor, this.now(), optionalText(reason, 'Reason'), null),
    )();
    return this.byId(held.id);
  }

  /** Who holds what now. */
  current(incidentId: string): RoleAssignment[] {
    return (
      this.db
        .prepare(
          'SELECT * FROM roles WHERE incident_id = ? AND renounced_at IS NULL ORDER BY role, assumed_at',
        )
        .all(incidentId) as RoleRow[]
    ).map(toAssignment);
  }

  holders(incidentId: string, role: Role): RoleAssignment[] {
    return this.current(incidentId).filter((a) => a.role === role);
  }

  /** Every assignment ever made, in order. */
  history(incidentId: string): RoleAssignment[] {
    return (
      this.db
        .prepare('SELECT * FROM roles WHERE incident_id = ? ORDER BY assumed_at, id')
        .all(incidentId) as RoleRow[]
    ).map(toAssignment);
  }

  /** The first name that signs replies now, or null when nobody holds the signatory role. */
  signatoryFirstName(incidentId: string): string | null {
    return this.holders(incidentId, 'signatory')[0]?.signature ?? null;
  }

  private byId(id: number): RoleAssignment {
    return toAssignment(this.db.prepare('SELECT * FROM roles WHERE id = ?').get(id) as RoleRow);
  }

  private writeRenounce(
    a: RoleAssignment,
    actor: string,
    at: number,
    reason: string,
    handoverTo: string | null,
  ): void {
    this.db.prepare('UPDATE roles SET renounced_at = ?, renounced_by = ? WHERE id = ?').run(at, actor, a.id);
    this.incidents.addEvent(a.incidentId, at, 'role.renounced', actor, reason || `${a.role}: ${a.member}`, {
      role: a.role,
      member: a.member,
      reason,
      handoverTo,
    });
  }
}
