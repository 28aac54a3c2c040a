// Routing a selection of mentions to a configured service with a note: the routing_log keeps every
// hand-over (with the previous service), a bulk routing shares one batch id. Event mention.routed.
import { randomUUID } from 'node:crypto';
import { VigieError } from '../errors';
import { optionalText, readIncident, requiredActor } from './internal';
import type { BulkResult } from './triage-model';
import type { TriageDeps } from './triage-rows';
import { checkSelection, idsData, requireMentions } from './triage-selection';

/**
 * Routes every mention to `service` with a note, in one transaction: one routing_log row per
 * mention (sharing a batch id), mentions.routed_to set, new/seen mentions become escalated, one
 * `mention.routed` event. An unknown mention id fails the whole selection: nothing is written.
 */
export function routeMentions(
  deps: TriageDeps,
  incidentId: string,
  mentionIds: string[],
  service: string,
  note: string,
  actor: string,
): BulkResult {
  const { db, config } = deps;
  requiredActor(actor);
  if (!config.services.some((s) => s.id === service)) {
    throw new VigieError(
      'bad_request',
      `Unknown service "${service}"; expected one of ${config.services.map((s) => s.id).join(', ')}.`,
    );
  }
  const text = optionalText(note, 'The note', 2000);
  const ids = checkSelection(mentionIds);
  readIncident(db, incidentId);
  const now = deps.now();
  // A single routing needs no batch to group it with.
  const batchId = ids.length > 1 ? randomUUID() : null;
  return db.transaction(() => {
    const previous = requireMentions(db, ids);
    const log = db.prepare(
      `INSERT INTO routing_log(incident_id, mention_id, service, previous_service, note, routed_at, routed_by, batch_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const update = db.prepare(
      `UPDATE mentions SET routed_to = ?, status = CASE WHEN status IN ('new', 'seen') THEN 'escalated' ELSE status END
         WHERE id = ?`,
    );
    let changed = 0;
    for (const id of ids) {
      log.run(incidentId, id, service, previous.get(id)?.routed_to ?? null, text, now, actor, batchId);
      changed += update.run(service, id).changes;
    }
    deps.incidents.addEvent(incidentId, now, 'mention.routed', actor, text, {
      service,
      note: text,
      batchId,
      ...idsData(ids),
    });
    return { changed, mentionIds: ids, batchId };
  })();
}
