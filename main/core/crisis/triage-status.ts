// Status and assignee of a selection of mentions, each in one transaction. Events mention.status
// (handled/escalated only: "seen" is reading, not an incident change) and mention.assigned.
import { MENTION_STATUSES } from '../../../shared/model';
import { VigieError } from '../errors';
import { readIncident, requiredActor, requiredText } from './internal';
import type { BulkResult, MentionStatus } from './triage-model';
import type { TriageDeps } from './triage-rows';
import { checkSelection, idsData, requireMentions } from './triage-selection';

/** Status changes that are incident events (the others are routine reading). */
const STATUS_EVENTS: readonly MentionStatus[] = ['handled', 'escalated'];

/**
 * Sets the status of every mention in one transaction. With an incident, handled/escalated are
 * recorded as one `mention.status` event for the whole selection.
 */
export function setMentionsStatus(
  deps: TriageDeps,
  incidentId: string | null,
  mentionIds: string[],
  status: MentionStatus,
  actor: string,
): BulkResult {
  const { db } = deps;
  requiredActor(actor);
  if (!MENTION_STATUSES.includes(status)) {
    throw new VigieError(
      'bad_request',
      `Unknown status "${String(status)}"; expected ${MENTION_STATUSES.join(', ')}.`,
    );
  }
  const ids = checkSelection(mentionIds);
  if (incidentId !== null) readIncident(db, incidentId);
  const now = deps.now();
  return db.transaction(() => {
    requireMentions(db, ids);
    const update = db.prepare('UPDATE mentions SET status = ? WHERE id = ? AND status <> ?');
    const changed = ids.reduce((n, id) => n + update.run(status, id, status).changes, 0);
    if (incidentId !== null && STATUS_EVENTS.includes(status)) {
      deps.incidents.addEvent(incidentId, now, 'mention.status', actor, `${status} × ${ids.length}`, {
        status,
        ...idsData(ids),
      });
    }
    return { changed, mentionIds: ids, batchId: null };
  })();
}

/** Assigns (or unassigns, with null) every mention to a member. One `mention.assigned` event. */
export function assignMentions(
  deps: TriageDeps,
  incidentId: string,
  mentionIds: string[],
  member: string | null,
  actor: string,
): BulkResult {
  const { db } = deps;
  requiredActor(actor);
  const who = member === null ? null : requiredText(member, 'The member', 200);
  const ids = checkSelection(mentionIds);
  readIncident(db, incidentId);
  const now = deps.now();
  return db.transaction(() => {
    requireMentions(db, ids);
    const update = db.prepare('UPDATE mentions SET assignee = ? WHERE id = ? AND assignee IS NOT ?');
    const changed = ids.reduce((n, id) => n + update.run(who, id, who).changes, 0);
    deps.incidents.addEvent(incidentId, now, 'mention.assigned', actor, who ?? '', {
      member: who,
      ...idsData(ids),
    });
    return { changed, mentionIds: ids, batchId: null };
  })();
}
