// Pinning a mention as evidence freezes a copy of its link, text and author (plus a sha256), so
// later edits or deletions on the platform, or of the mentions row, do not change the evidence.
// Unpinning keeps the copy, marked unpinned. Events mention.pinned, mention.unpinned.
import { VigieError } from '../errors';
import { optionalText, readIncident, requiredActor, requiredText } from './internal';
import { evidenceHash, type Evidence, type Frozen } from './triage-model';
import { evidenceById, pinnedEvidence, type TriageDeps } from './triage-rows';

/**
 * Pins a mention as evidence: a frozen copy of its link, text and author, and its sha256, in the
 * evidence table and in the `mention.pinned` event. Pinning it again while pinned is refused.
 */
export function pinMention(
  deps: TriageDeps,
  incidentId: string,
  mentionId: string,
  actor: string,
  note: string,
): Evidence {
  const { db } = deps;
  requiredActor(actor);
  const text = optionalText(note, 'The note', 2000);
  readIncident(db, incidentId);
  const now = deps.now();
  let id = 0;
  db.transaction(() => {
    const m = db
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
    if (pinnedEvidence(db, incidentId, mentionId)) {
      throw new VigieError('already_pinned', `This mention is already pinned as evidence for this incident.`);
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
      db
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
    // The event carries the frozen copy too, so the timeline alone proves what was pinned.
    deps.incidents.addEvent(incidentId, now, 'mention.pinned', actor, text, {
      evidenceId: id,
      ...frozen,
      sha256,
    });
  })();
  return evidenceById(db, id);
}

/** Unpins (the frozen copy stays in the table, marked unpinned). Event `mention.unpinned`. */
export function unpinMention(
  deps: TriageDeps,
  incidentId: string,
  mentionId: string,
  actor: string,
  reason: string,
): Evidence {
  const { db } = deps;
  requiredActor(actor);
  const why = requiredText(reason, 'The reason for unpinning');
  const e = pinnedEvidence(db, incidentId, mentionId);
  if (!e) throw new VigieError('not_found', 'This mention is not pinned for this incident.');
  const now = deps.now();
  db.transaction(() => {
    db.prepare('UPDATE evidence SET unpinned_at = ?, unpinned_by = ? WHERE id = ?').run(now, actor, e.id);
    deps.incidents.addEvent(incidentId, now, 'mention.unpinned', actor, why, {
      evidenceId: e.id,
      mentionId,
      url: e.url,
    });
  })();
  return evidenceById(db, e.id);
}
