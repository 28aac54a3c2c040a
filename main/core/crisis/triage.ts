// Triage of mentions during an incident: status (new / seen / handled / escalated), assignee, routing
// to a service (configurable: service client, juridique, produit, RH, direction, sécurité) with a
// note, in single or bulk (multi-select) form — a bulk action is one transaction and one timeline
// event. Pinning a mention as evidence freezes a copy of its text and author (plus a sha256), so
// later edits or deletions on the platform, or of the mentions row, do not change the evidence.
// Events: mention.status (handled/escalated only: "seen" is reading, not an incident change),
// mention.assigned, mention.routed, mention.pinned, mention.unpinned.
import type { Database } from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { MENTION_STATUSES } from '../../../shared/model';
import { VigieError } from '../errors';
import { IncidentsRepo } from '../store/incidents-repo';
import type { CrisisConfig } from './config';
import {
  optionalText,
  readIncident,
  requiredActor,
  requiredText,
  resolveOptions,
  type CrisisOptions,
} from './internal';

export type MentionStatus = (typeof MENTION_STATUSES)[number];

/** Status changes that are incident events (the others are routine reading). */
const STATUS_EVENTS: readonly MentionStatus[] = ['handled', 'escalated'];
const MAX_BULK = 5000;

export interface RoutingEntry {
  id: number;
  incidentId: string;
  mentionId: string;
  service: string;
  previousService: string | null;
  note: string;
  routedAt: number;
  routedBy: string | null;
  batchId: string | null;
}

export interface Evidence {
  id: number;
  incidentId: string;
  mentionId: string;
  platform: string;
  url: string | null;
  authorHandle: string;
  authorName: string | null;
  text: string;
  mentionCreatedAt: number;
  sha256: string;
  note: string;
  pinnedAt: number;
  pinnedBy: string | null;
  unpinnedAt: number | null;
  unpinnedBy: string | null;
}

type Frozen = Pick<
  Evidence,
  'mentionId' | 'platform' | 'url' | 'authorHandle' | 'authorName' | 'text' | 'mentionCreatedAt'
>;

/** sha256 over the frozen fields, in a fixed order: shows the copy was not altered since pinned. */
export function evidenceHash(e: Frozen): string {
  const canonical = JSON.stringify([
    e.mentionId,
    e.platform,
    e.url,
    e.authorHandle,
    e.authorName,
    e.text,
    e.mentionCreatedAt,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export function verifyEvidence(e: Evidence): boolean {
  return evidenceHash(e) === e.sha256;
}

interface EvidenceRow {
  id: number;
  incident_id: string;
  mention_id: string;
  platform: string;
  url: string | null;
  author_handle: string;
  author_name: string | null;
  text: string;
  mention_created_at: number;
  sha256: string;
  note: string;
  pinned_at: number;
  pinned_by: string | null;
  unpinned_at: number | null;
  unpinned_by: string | null;
}

const toEvidence = (r: EvidenceRow): Evidence => ({
  id: r.id,
  incidentId: r.incident_id,
  mentionId: r.mention_id,
  platform: r.platform,
  url: r.url,
  authorHandle: r.author_handle,
  authorName: r.author_name,
  text: r.text,
  mentionCreatedAt: r.mention_created_at,
  sha256: r.sha256,
  note: r.note,
  pinnedAt: r.pinned_at,
  pinnedBy: r.pinned_by,
  unpinnedAt: r.unpinned_at,
  unpinnedBy: r.unpinned_by,
});

interface RoutingRow {
  id: number;
  incident_id: string;
  mention_id: string;
  service: string;
  previous_service: string | null;
  note: string;
  routed_at: number;
  routed_by: string | null;
  batch_id: string | null;
}

const toRouting = (r: RoutingRow): RoutingEntry => ({
  id: r.id,
  incidentId: r.incident_id,
  mentionId: r.mention_id,
  service: r.service,
  previousService: r.previous_service,
  note: r.note,
  routedAt: r.routed_at,
  routedBy: r.routed_by,
  batchId: r.batch_id,
});

export interface BulkResult {
  /** Mentions whose row changed. */
  changed: number;
  mentionIds: string[];
  batchId: string | null;
}

export class TriageRepo {
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

  /** The services one can route to (configured). */
  services(): CrisisConfig['services'] {
    return this.config.services;
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
    requiredActor(actor);
    if (!MENTION_STATUSES.includes(status)) {
      throw new VigieError(
        'bad_request',
        `Unknown status "${String(status)}"; expected ${MENTION_STATUSES.join(', ')}.`,
      );
    }
    const ids = this.checkSelection(mentionIds);
    if (incidentId !== null) readIncident(this.db, incidentId);
    const now = this.now();
    return this.db.transaction(() => {
      this.requireMentions(ids);
      const update = this.db.prepare('UPDATE mentions SET status = ? WHERE id = ? AND status <> ?');
      const changed = ids.reduce((n, id) => n + update.run(status, id, status).changes, 0);
      if (incidentId !== null && STATUS_EVENTS.includes(status)) {
        this.incidents.addEvent(incidentId, now, 'mention.status', actor, `${status} × ${ids.length}`, {
          status,
          ...this.idsData(ids),
        });
      }
      return { changed, mentionIds: ids, batchId: null };
    })();
  }

  assign(incidentId: string, mentionId: string, member: string | null, actor: string): BulkResult {
    return this.assignMany(incidentId, [mentionId], member, actor);
  }

  /** Assigns (or unassigns, with null) every mention to a member. One `mention.assigned` event. */
  assignMany(incidentId: string, mentionIds: string[], member: string | null, actor: string): BulkResult {
    requiredActor(actor);
    const who = member === null ? null : requiredText(member, 'The member', 200);
    const ids = this.checkSelection(mentionIds);
    readIncident(this.db, incidentId);
    const now = this.now();
    return this.db.transaction(() => {
      this.requireMentions(ids);
      const update = this.db.prepare('UPDATE mentions SET assignee = ? WHERE id = ? AND assignee IS NOT ?');
      const changed = ids.reduce((n, id) => n + update.run(who, id, who).changes, 0);
      this.incidents.addEvent(incidentId, now, 'mention.assigned', actor, who ?? '', {
        member: who,
        ...this.idsData(ids),
      });
      return { changed, mentionIds: ids, batchId: null };
    })();
  }

  route(incidentId: string, mentionId: string, service: string, note: string, actor: string): BulkResult {
    return this.routeMany(incidentId, [mentionId], service, note, actor);
  }

  /**
   * Routes every mention to `service` with a note, in one transaction: one routing_log row per
   * mention (sharing a batch id), mentions.routed_to set, new/seen mentions become escalated, one
   * `mention.routed` event. An unknown mention id fails the whole selection: nothing is written.
   */
  routeMany(
    incidentId: string,
    mentionIds: string[],
    service: string,
    note: string,
    actor: string,
  ): BulkResult {
    requiredActor(actor);
    if (!this.config.services.some((s) => s.id === service)) {
      throw new VigieError(
        'bad_request',
        `Unknown service "${service}"; expected one of ${this.config.services.map((s) => s.id).join(', ')}.`,
      );
    }
    const text = optionalText(note, 'The note', 2000);
    const ids = this.checkSelection(mentionIds);
    readIncident(this.db, incidentId);
    const now = this.now();
    const batchId = ids.length > 1 ? randomUUID() : null;
    return this.db.transaction(() => {
      const previous = this.requireMentions(ids);
      const log = this.db.prepare(
        `INSERT INTO routing_log(incident_id, mention_id, service, previous_service, note, routed_at, routed_by, batch_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const update = this.db.prepare(
        `UPDATE mentions SET routed_to = ?, status = CASE WHEN status IN ('new', 'seen') THEN 'escalated' ELSE status END
         WHERE id = ?`,
      );
      let changed = 0;
      for (const id of ids) {
        log.run(incidentId, id, service, previous.get(id)?.routed_to ?? null, text, now, actor, batchId);
        changed += update.run(service, id).changes;
      }
      this.incidents.addEvent(incidentId, now, 'mention.routed', actor, text, {
        service,
        note: text,
        batchId,
        ...this.idsData(ids),
      });
      return { changed, mentionIds: ids, batchId };
    })();
  }

  routingLog(incidentId: string, filter: { mentionId?: string; service?: string } = {}): RoutingEntry[] {
    const where = ['incident_id = @incidentId'];
    if (filter.mentionId) where.push('mention_id = @mentionId');
    if (filter.service) where.push('service = @service');
    return (
      this.db
        .prepare(`SELECT * FROM routing_log WHERE ${where.join(' AND ')} ORDER BY routed_at, id`)
        .all({ incidentId, ...filter }) as RoutingRow[]
    ).map(toRouting);
  }

  /**
   * Pins a mention as evidence: a frozen copy of its link, text and author, and its sha256, in the
   * evidence table and in the `mention.pinned` event. Pinning it again while pinned is refused.
   */
  pin(incidentId: string, mentionId: string, actor: string, note = ''): Evidence {
    requiredActor(actor);
    const text = optionalText(note, 'The note', 2000);
    readIncident(this.db, incidentId);
    const now = this.now();
    let id = 0;
    this.db.transaction(() => {
      const m = this.db
        .prepare(
          'SELECT id, platform, url, author_handle, author_name, text, created_at FROM mentions WHERE id = ?',
        )
        .get(mentionId) as
        | {
            id: string;
            platform: string;
            url: string | null;
            author_handle: string;
            author_name: string | null;
            text: string;
            created_at: number;
          }
        | undefined;
      if (!m) throw new VigieError('not_found', `No mention with id ${mentionId}.`);
      if (this.pinned(incidentId, mentionId)) {
        throw new VigieError(
          'already_pinned',
          `This mention is already pinned as evidence for this incident.`,
        );
      }
      const frozen: Frozen = {
        mentionId: m.id,
        platform: m.platform,
        url: m.url,
        authorHandle: m.author_handle,
        authorName: m.author_name,
        text: m.text,
        mentionCreatedAt: m.created_at,
      };
      const sha256 = evidenceHash(frozen);
      id = Number(
        this.db
          .prepare(
            `INSERT INTO evidence(incident_id, mention_id, platform, url, author_handle, author_name, text,
               mention_created_at, sha256, note, pinned_at, pinned_by)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            incidentId,
            m.id,
            m.platform,
            m.url,
            m.author_handle,
            m.author_name,
            m.text,
            m.created_at,
            sha256,
            text,
            now,
            actor,
          ).lastInsertRowid,
      );
      this.incidents.addEvent(incidentId, now, 'mention.pinned', actor, text, {
        evidenceId: id,
        ...frozen,
        sha256,
      });
    })();
    return this.evidenceById(id);
  }

  /** Unpins (the frozen copy stays in the table, marked unpinned). Event `mention.unpinned`. */
  unpin(incidentId: string, mentionId: string, actor: string, reason: string): Evidence {
    requiredActor(actor);
    const why = requiredText(reason, 'The reason for unpinning');
    const e = this.pinned(incidentId, mentionId);
    if (!e) throw new VigieError('not_found', 'This mention is not pinned for this incident.');
    const now = this.now();
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE evidence SET unpinned_at = ?, unpinned_by = ? WHERE id = ?')
        .run(now, actor, e.id);
      this.incidents.addEvent(incidentId, now, 'mention.unpinned', actor, why, {
        evidenceId: e.id,
        mentionId,
        url: e.url,
      });
    })();
    return this.evidenceById(e.id);
  }

  /** Pinned evidence of the incident, oldest first (unpinned ones too when asked). */
  evidence(incidentId: string, options: { includeUnpinned?: boolean } = {}): Evidence[] {
    return (
      this.db
        .prepare(
          `SELECT * FROM evidence WHERE incident_id = ? ${options.includeUnpinned ? '' : 'AND unpinned_at IS NULL'}
           ORDER BY pinned_at, id`,
        )
        .all(incidentId) as EvidenceRow[]
    ).map(toEvidence);
  }

  private pinned(incidentId: string, mentionId: string): Evidence | null {
    const row = this.db
      .prepare('SELECT * FROM evidence WHERE incident_id = ? AND mention_id = ? AND unpinned_at IS NULL')
      .get(incidentId, mentionId) as EvidenceRow | undefined;
    return row ? toEvidence(row) : null;
  }

  private evidenceById(id: number): Evidence {
    return toEvidence(this.db.prepare('SELECT * FROM evidence WHERE id = ?').get(id) as EvidenceRow);
  }

  private checkSelection(mentionIds: string[]): string[] {
    const ids = [...new Set(mentionIds.map((id) => id.trim()).filter(Boolean))];
    if (ids.length === 0) throw new VigieError('bad_request', 'Select at least one mention.');
    if (ids.length > MAX_BULK)
      throw new VigieError('bad_request', `Select ${MAX_BULK} mentions at most at once.`);
    return ids;
  }

  /** Every id must exist, or the whole selection fails (the caller's transaction rolls back). */
  private requireMentions(ids: string[]): Map<string, { id: string; routed_to: string | null }> {
    const get = this.db.prepare('SELECT id, routed_to FROM mentions WHERE id = ?');
    const found = new Map<string, { id: string; routed_to: string | null }>();
    const missing: string[] = [];
    for (const id of ids) {
      const row = get.get(id) as { id: string; routed_to: string | null } | undefined;
      if (row) found.set(id, row);
      else missing.push(id);
    }
    if (missing.length) {
      throw new VigieError(
        'not_found',
        `Unknown mention${missing.length > 1 ? 's' : ''}: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}. Nothing was changed.`,
      );
    }
    return found;
  }

  /** One mention: its id; a selection: the ids and the count. */
  private idsData(ids: string[]): { mentionId: string | null; mentionIds: string[]; count: number } {
    return { mentionId: ids.length === 1 ? ids[0]! : null, mentionIds: ids, count: ids.length };
  }
}
