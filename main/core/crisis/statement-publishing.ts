// Publication: a statement marked as published with its time and channel (Vigie does not post to
// platforms), and when the last public one went out. Event statement.published.
import type { Database } from 'better-sqlite3';
import { VigieError } from '../errors';
import { optionalText, requiredActor, requiredText } from './internal';
import { PUBLIC_STATEMENT_KINDS } from './playbooks/schema';
import type { Statement } from './statement-model';
import { getStatement, PUBLIC_KINDS_SQL, type StatementDeps } from './statement-rows';
import { firstStatementDelayAfter } from './statement-timing';

/**
 * Marks it published on `channel` (Vigie does not post). Needs an approved statement, unless an
 * `overrideReason` says why it went out without (kept on the statement and in the event).
 * `at` (default now) may be earlier: "posted at 14:02, marked at 14:05". Event `statement.published`.
 */
export function publishStatement(
  deps: StatementDeps,
  statementId: number,
  p: { channel: string; url?: string; at?: number; overrideReason?: string },
  actor: string,
): Statement {
  const { db } = deps;
  requiredActor(actor);
  const channel = requiredText(p.channel, 'The channel', 200);
  const s = getStatement(db, statementId);
  if (s.status === 'published') throw new VigieError('bad_request', 'The statement is already published.');
  const override = optionalText(p.overrideReason, 'The override reason') || null;
  if (s.status !== 'approved' && !override) {
    throw new VigieError(
      'not_approved',
      `The statement is ${s.status}: it needs its approvals, or a reason to publish without them.`,
    );
  }
  const url = publishedLink(p.url);
  const now = deps.now();
  const at = p.at ?? now;
  if (at > now)
    throw new VigieError('bad_request', 'A statement cannot be marked as published in the future.');
  db.transaction(() => {
    db.prepare(
      `UPDATE statements SET status = 'published', published_at = ?, published_by = ?, channel = ?, published_url = ?,
         override_reason = ?, updated_at = ? WHERE id = ?`,
    ).run(at, actor, channel, url, override, now, statementId);
    const first = firstStatementDelayAfter(deps, s.incidentId);
    deps.incidents.addEvent(s.incidentId, at, 'statement.published', actor, s.title || s.body.slice(0, 140), {
      statementId,
      version: s.version,
      kind: s.kind,
      lang: s.lang,
      channel,
      url,
      overrideReason: override,
      public: PUBLIC_STATEMENT_KINDS.includes(s.kind),
      firstPublic: first.statementId === statementId,
      delayFromAlertMs: first.statementId === statementId ? first.delayMs : null,
    });
  })();
  return getStatement(db, statementId);
}

/** The public post's address: an http(s) link or nothing (a `javascript:` link would be kept and shown). */
function publishedLink(raw: string | undefined): string | null {
  const text = optionalText(raw, 'The link', 2000);
  if (!text) return null;
  const u = URL.canParse(text) ? new URL(text) : null;
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:'))
    throw new VigieError('bad_request', 'The link must be a web address (https://…).');
  return u.href;
}

/** Time of the last public statement (holding, update, reply), or null. */
export function lastPublicStatementAt(db: Database, incidentId: string): number | null {
  const row = db
    .prepare(
      `SELECT MAX(published_at) AS t FROM statements WHERE incident_id = ? AND kind IN (${PUBLIC_KINDS_SQL})`,
    )
    .get(incidentId) as { t: number | null };
  return row.t;
}
