// Triage of mentions during an incident: status (new / seen / handled / escalated), assignee, routing
// to a service (configurable: service client, juridique, produit, RH, direction, sécurité) with a
// note, in single or bulk (multi-select) form — a bulk action is one transaction and one timeline
// event. Pinning a mention as evidence freezes a copy of its text and author (plus a sha256), so
// later edits or deletions on the platform, or of the mentions row, do not change the evidence.
// Events: mention.status (handled/escalated only: "seen" is reading, not an incident change),
// mention.assigned, mention.routed, mention.pinned, mention.unpinned.
// Entry point of triage: TriageRepo composes its parts (model, storage, selection, status and
// assignment, routing, evidence) and this module re-exports their public names.
import type { Database } from 'better-sqlite3';
import { IncidentsRepo } from '../store/incidents-repo';
import type { CrisisConfig } from './config';
import { resolveOptions, type CrisisOptions } from './internal';
import { pinMention, unpinMention } from './triage-evidence';
import type { BulkResult, Evidence, MentionStatus, RoutingEntry } from './triage-model';
import { routeMentions } from './triage-routing';
import { listEvidence, listRouting, type TriageDeps } from './triage-rows';
import { assignMentions, setMentionsStatus } from './triage-status';

export {
  evidenceHash,
  verifyEvidence,
  type BulkResult,
  type Evidence,
  type MentionStatus,
  type RoutingEntry,
} from './triage-model';

export class TriageRepo {
  private readonly deps: TriageDeps;

  constructor(db: Database, opts: CrisisOptions = {}) {
    const { now, config } = resolveOptions(opts);
    this.deps = { db, now, config, incidents: new IncidentsRepo(db) };
  }

  /** The services one can route to (configured). */
  services(): CrisisConfig['services'] {
    return this.deps.config.services;
  }

  setStatus(incidentId: string | null, mentionId: string, status: MentionStatus, actor: string): BulkResult {
    return this.setStatusMany(incidentId, [mentionId], status, actor);
  }

  /**
   * Sets the status of every mention in one transaction. With an incident, handled/escalated are
   * recorded as one `mention.status` event for the whole selection.
   */
  setStatusMany(
    incidentId: string | null,
    mentionIds: string[],
    status: MentionStatus,
    actor: string,
  ): BulkResult {
    return setMentionsStatus(this.deps, incidentId, mentionIds, status, actor);
  }

  assign(incidentId: string, mentionId: string, member: string | null, actor: string): BulkResult {
    return this.assignMany(incidentId, [mentionId], member, actor);
  }

  /** Assigns (or unassigns, with null) every mention to a member. One `mention.assigned` event. */
  assignMany(incidentId: string, mentionIds: string[], member: string | null, actor: string): BulkResult {
    return assignMentions(this.deps, incidentId, mentionIds, member, actor);
  }

  route(incidentId: string, mentionId: string, service: string, note: string, actor: string): BulkResult {
    return this.routeMany(incidentId, [mentionId], service, note, actor);
  }

  /**
   * Routes every mention to `service` with a note, in one transaction (one routing_log row per
   * mention, one `mention.routed` event). An unknown mention id fails the whole selection.
   */
  routeMany(
    incidentId: string,
    mentionIds: string[],
    service: string,
    note: string,
    actor: string,
  ): BulkResult {
    return routeMentions(this.deps, incidentId, mentionIds, service, note, actor);
  }

  routingLog(incidentId: string, filter: { mentionId?: string; service?: string } = {}): RoutingEntry[] {
    return listRouting(this.deps.db, incidentId, filter);
  }

  /** Pins a mention as evidence (a frozen, hashed copy). Pinning it again while pinned is refused. */
  pin(incidentId: string, mentionId: string, actor: string, note = ''): Evidence {
    return pinMention(this.deps, incidentId, mentionId, actor, note);
  }

  /** Unpins (the frozen copy stays in the table, marked unpinned). Event `mention.unpinned`. */
  unpin(incidentId: string, mentionId: string, actor: string, reason: string): Evidence {
    return unpinMention(this.deps, incidentId, mentionId, actor, reason);
  }

  /** Pinned evidence of the incident, oldest first (unpinned ones too when asked). */
  evidence(incidentId: string, options: { includeUnpinned?: boolean } = {}): Evidence[] {
    return listEvidence(this.deps.db, incidentId, options.includeUnpinned);
  }
}
