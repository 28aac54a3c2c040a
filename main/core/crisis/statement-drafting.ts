// Writing statements: a draft typed by hand or rendered from a template (with the values Vigie
// fills itself), and new versions of its text. Events statement.drafted and statement.revised.
import { VigieError } from '../errors';
import type { Lang } from './config';
import { optionalText, readIncident, requiredActor, requiredText, requireNotClosed } from './internal';
import { STATEMENT_KINDS, type StatementTemplate } from './playbooks/schema';
import type { NewStatement, Statement } from './statement-model';
import { getStatement, type StatementDeps } from './statement-rows';
import { formatDate, formatTime, renderTemplate, type RenderedStatement } from './templates';

/** A draft typed by hand. Signed by the current signatory. Event `statement.drafted`. */
export function draftStatement(
  deps: StatementDeps,
  incidentId: string,
  s: NewStatement,
  actor: string,
): Statement {
  const { db } = deps;
  requiredActor(actor);
  if (!STATEMENT_KINDS.includes(s.kind))
    throw new VigieError('bad_request', `Unknown statement kind "${s.kind}".`);
  if (s.lang !== 'fr' && s.lang !== 'en')
    throw new VigieError('bad_request', `Unknown language "${String(s.lang)}".`);
  const body = requiredText(s.body, 'The statement text', 20_000);
  const title = optionalText(s.title, 'The title', 300);
  requireNotClosed(readIncident(db, incidentId), 'draft a statement');
  const now = deps.now();
  const signature = deps.roles.signatoryFirstName(incidentId);
  let id = 0;
  db.transaction(() => {
    id = Number(
      db
        .prepare(
          `INSERT INTO statements(incident_id, kind, lang, template_id, title, body, signature, reply_to_mention_id,
             created_at, created_by, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          incidentId,
          s.kind,
          s.lang,
          s.templateId ?? null,
          title,
          body,
          signature,
          s.replyToMentionId ?? null,
          now,
          actor,
          now,
        ).lastInsertRowid,
    );
    deps.incidents.addEvent(incidentId, now, 'statement.drafted', actor, title, {
      statementId: id,
      kind: s.kind,
      lang: s.lang,
      templateId: s.templateId ?? null,
      replyToMentionId: s.replyToMentionId ?? null,
    });
  })();
  return getStatement(db, id);
}

/**
 * The values Vigie fills itself: brand, incident_title, signatory_first_name, next_update_time
 * (now + the level's cadence, rounded up to 5 minutes), current_time, current_date and, for a
 * reply, reply_to_handle. A missing one (no signatory yet, no cadence at veille) stays absent and
 * rendering then says which value is needed.
 */
export function statementTemplateValues(
  deps: StatementDeps,
  incidentId: string,
  lang: Lang,
  replyToMentionId?: string | null,
): Record<string, string> {
  const { db, config } = deps;
  const incident = readIncident(db, incidentId);
  const now = deps.now();
  const tz = config.timeZone;
  const values: Record<string, string> = {
    incident_title: incident.title,
    current_time: formatTime(now, lang, tz),
    current_date: formatDate(now, lang, tz),
  };
  if (config.brand) values.brand = config.brand;
  const signatory = deps.roles.signatoryFirstName(incidentId);
  if (signatory) values.signatory_first_name = signatory;
  const cadence = config.levels.find((l) => l.id === incident.level)?.updateCadenceMinutes ?? null;
  if (cadence !== null) {
    const step = 5 * 60_000;
    values.next_update_time = formatTime(Math.ceil((now + cadence * 60_000) / step) * step, lang, tz);
  }
  if (replyToMentionId) {
    const m = db.prepare('SELECT author_handle FROM mentions WHERE id = ?').get(replyToMentionId) as
      { author_handle: string } | undefined;
    if (!m) throw new VigieError('not_found', `No mention with id ${replyToMentionId}.`);
    values.reply_to_handle = m.author_handle.startsWith('@') ? m.author_handle : `@${m.author_handle}`;
  }
  return values;
}

/** Renders a template (caller's `values` win over Vigie's) and saves it as a draft. */
export function draftStatementFromTemplate(
  deps: StatementDeps,
  incidentId: string,
  template: StatementTemplate,
  options: { lang: Lang; values?: Record<string, string>; replyToMentionId?: string | null },
  actor: string,
): { statement: Statement; rendered: RenderedStatement } {
  const values = {
    ...statementTemplateValues(deps, incidentId, options.lang, options.replyToMentionId),
    ...options.values,
  };
  const rendered = renderTemplate(template, options.lang, values);
  const statement = draftStatement(
    deps,
    incidentId,
    {
      kind: template.kind,
      lang: options.lang,
      title: rendered.title,
      body: rendered.text,
      templateId: template.id,
      replyToMentionId: options.replyToMentionId ?? null,
    },
    actor,
  );
  return { statement, rendered };
}

/** A new version of the text: back to draft, any approval given to the old text no longer counts. */
export function editStatement(
  deps: StatementDeps,
  statementId: number,
  change: { title?: string; body: string },
  actor: string,
): Statement {
  const { db } = deps;
  requiredActor(actor);
  const s = getStatement(db, statementId);
  if (s.status === 'published')
    throw new VigieError('bad_request', 'A published statement cannot be edited: draft a new one.');
  const body = requiredText(change.body, 'The statement text', 20_000);
  const title = change.title === undefined ? s.title : optionalText(change.title, 'The title', 300);
  const now = deps.now();
  db.transaction(() => {
    db.prepare(
      `UPDATE statements SET title = ?, body = ?, version = version + 1, status = 'draft', rule = NULL,
         requested_at = NULL, requested_by = NULL, decided_at = NULL, updated_at = ? WHERE id = ?`,
    ).run(title, body, now, statementId);
    deps.incidents.addEvent(s.incidentId, now, 'statement.revised', actor, title, {
      statementId,
      version: s.version + 1,
      previousStatus: s.status,
    });
  })();
  return getStatement(db, statementId);
}
