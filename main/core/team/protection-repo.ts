// Stores "go private" protection cases (protection-case.ts) and everything around them: the case's
// events mirrored into `protection_events` and the incident timeline, the watch of mentions of the
// person (full-text search, then the exact matcher), and the frozen evidence.
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { VigieError } from '../errors';
import {
  buildDossier,
  dossierFileName,
  freezeMention,
  renderDossierCsv,
  renderDossierHtml,
  renderDossierJson,
  type EvidenceItem,
} from './evidence-dossier';
import { HOUR, MINUTE, type Lang } from './format';
import {
  countPerMinute,
  eventsSince,
  observe,
  parseCase,
  personMatcher,
  protectionCaseRow,
  watchCountsFrom,
  type MinuteCount,
  type ProtectionCase,
} from './protection-case';

/** Evidence: the person's mentions scored toxic, or not scored yet (a human reviews the dossier). */
export const EVIDENCE_MIN_TOXICITY = 0.5;

interface MentionRow {
  id: string;
  platform: string;
  external_id: string;
  url: string | null;
  author_handle: string;
  author_name: string | null;
  text: string;
  lang: string | null;
  reply_to: string | null;
  created_at: number;
  fetched_at: number;
  toxicity: number | null;
}

/** An FTS5 query matching any of the person's names, handles or keywords (each as a phrase). */
export function ftsQueryFor(
  person: Pick<ProtectionCase['person'], 'name' | 'keywords' | 'handles'>,
): string | null {
  const terms = [person.name, ...person.keywords, ...person.handles.map((h) => h.handle)]
    .map((t) =>
      t
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean)
        .join(' '),
    )
    .filter((t) => t.length >= 2);
  const unique = [...new Set(terms.map((t) => t.toLowerCase()))];
  return unique.length ? unique.map((t) => `"${t}"`).join(' OR ') : null;
}

export class ProtectionRepo {
  constructor(private readonly db: Database) {}

  list(): ProtectionCase[] {
    return (
      this.db.prepare('SELECT state FROM protection_cases ORDER BY started_at DESC').all() as {
        state: string;
      }[]
    ).map((r) => parseCase(r.state));
  }

  open(): ProtectionCase[] {
    return (
      this.db
        .prepare(`SELECT state FROM protection_cases WHERE status <> 'closed' ORDER BY started_at`)
        .all() as { state: string }[]
    ).map((r) => parseCase(r.state));
  }

  get(id: string): ProtectionCase {
    const row = this.db.prepare('SELECT state FROM protection_cases WHERE id = ?').get(id) as
      { state: string } | undefined;
    if (!row) throw new VigieError('not_found', `No protection case with id ${id}.`);
    return parseCase(row.state);
  }

  static newId(): string {
    return `pc-${randomUUID().slice(0, 8)}`;
  }

  /** Writes the case and mirrors its new events; returns the number of new events. */
  save(c: ProtectionCase): number {
    const row = protectionCaseRow(c);
    let added = 0;
    this.db.transaction(() => {
      const prev = this.db.prepare('SELECT events_seq FROM protection_cases WHERE id = ?').get(c.id) as
        { events_seq: number } | undefined;
      const events = eventsSince(c, prev?.events_seq ?? 0);
      this.db
        .prepare(
          `INSERT INTO protection_cases(id, incident_id, person_name, person_kind, handles, status, started_at,
             cooldown_ms, cooldown_until, delegate_member_id, closed_at, steps, state, events_seq, updated_at)
           VALUES (@id, @incident_id, @person_name, @person_kind, @handles, @status, @started_at, @cooldown_ms,
             @cooldown_until, @delegate_member_id, @closed_at, @steps, @state, @events_seq, @updated_at)
           ON CONFLICT(id) DO UPDATE SET status = excluded.status, cooldown_ms = excluded.cooldown_ms,
             cooldown_until = excluded.cooldown_until, delegate_member_id = excluded.delegate_member_id,
             closed_at = excluded.closed_at, steps = excluded.steps, state = excluded.state,
             events_seq = excluded.events_seq, updated_at = excluded.updated_at, handles = excluded.handles`,
        )
        .run({ ...row, delegate_member_id: this.memberExists(row.delegate_member_id), events_seq: c.seq });
      const insertEvent = this.db.prepare(
        `INSERT OR IGNORE INTO protection_events(case_id, seq, at, kind, actor, text_fr, text_en, data)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const incidentExists =
        c.incidentId !== null && this.db.prepare('SELECT 1 FROM incidents WHERE id = ?').get(c.incidentId);
      const timeline = this.db.prepare(
        'INSERT INTO timeline_events(incident_id, at, kind, actor, text, data) VALUES (?, ?, ?, ?, ?, ?)',
      );
      for (const e of events) {
        insertEvent.run(c.id, e.seq, e.at, e.kind, e.actor, e.text_fr, e.text_en, JSON.stringify(e.data));
        if (incidentExists) {
          timeline.run(
            c.incidentId,
            e.at,
            `protection.${e.kind}`,
            e.actor,
            e.text_fr,
            JSON.stringify({ caseId: c.id, person: c.person.name, text_en: e.text_en, ...e.data }),
          );
        }
        added += 1;
      }
    })();
    return added;
  }

  private memberExists(id: string | null): string | null {
    if (!id) return null;
    return this.db.prepare('SELECT 1 FROM members WHERE id = ?').get(id) ? id : null;
  }

  /** Mentions about the person created in [from, to), newest last (full-text prefilter, exact match). */
  mentionsAbout(person: ProtectionCase['person'], from: number, to: number): MentionRow[] {
    const query = ftsQueryFor(person);
    if (!query) return [];
    const rows = this.db
      .prepare(
        `SELECT m.id, m.platform, m.external_id, m.url, m.author_handle, m.author_name, m.text, m.lang,
                m.reply_to, m.created_at, m.fetched_at, m.toxicity
         FROM mentions_fts f JOIN mentions m ON m.seq = f.rowid
         WHERE mentions_fts MATCH ? AND m.created_at >= ? AND m.created_at < ?
         ORDER BY m.created_at`,
      )
      .all(query, from, to) as MentionRow[];
    const match = personMatcher(person);
    return rows.filter((r) => match({ text: r.text, authorHandle: r.author_handle }));
  }

  minuteCounts(person: ProtectionCase['person'], from: number, to: number): MinuteCount[] {
    return countPerMinute(
      this.mentionsAbout(person, from, to).map((m) => ({ createdAt: m.created_at })),
      () => true,
    );
  }

  /** Feeds the watch with the counts it needs; saves and returns true when the case changed. */
  observeCase(c: ProtectionCase, now: number): { case: ProtectionCase; changed: boolean } {
    if (c.status === 'closed') return { case: c, changed: false };
    const counts = this.minuteCounts(c.person, watchCountsFrom(c), now);
    const next = observe(c, counts, now);
    const changed = next.seq !== c.seq || next.watch.lastRatePerHour !== c.watch.lastRatePerHour;
    if (next.watch.evaluatedUntil !== c.watch.evaluatedUntil || changed) this.save(next);
    return { case: next, changed };
  }

  /** Mentions of the person per hour over the last 24 h (oldest first) and how many in all. */
  hourly(c: ProtectionCase, now: number): { hours: { hour: number; count: number }[]; matched: number } {
    const end = Math.floor(now / HOUR) * HOUR + HOUR;
    const start = end - 24 * HOUR;
    const hours = Array.from({ length: 24 }, (_, i) => ({ hour: start + i * HOUR, count: 0 }));
    for (const m of this.mentionsAbout(c.person, start, end)) {
      const i = Math.floor((m.created_at - start) / HOUR);
      if (hours[i]) hours[i].count += 1;
    }
    const matched = this.mentionsAbout(c.person, 0, now + MINUTE).length;
    return { hours, matched };
  }

  /** Freezes the person's abusive mentions not yet in the case's evidence. */
  collectEvidence(c: ProtectionCase, by: string, now: number): { added: number; total: number } {
    const rows = this.mentionsAbout(c.person, 0, now + MINUTE).filter(
      (m) => m.toxicity === null || m.toxicity >= EVIDENCE_MIN_TOXICITY,
    );
    let added = 0;
    this.db.transaction(() => {
      const insert = this.db.prepare(
        `INSERT OR IGNORE INTO evidence_items(case_id, mention_id, record, sha256, toxicity, target, note, frozen_at, frozen_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const m of rows) {
        const item = freezeMention(
          {
            id: m.id,
            platform: m.platform,
            externalId: m.external_id,
            url: m.url,
            authorHandle: m.author_handle,
            authorName: m.author_name,
            text: m.text,
            lang: m.lang,
            replyTo: m.reply_to,
            createdAt: m.created_at,
            fetchedAt: m.fetched_at,
            toxicity: m.toxicity,
          },
          { at: now, by },
          { target: 'colleague' },
        );
        added += insert.run(
          c.id,
          m.id,
          JSON.stringify(item.record),
          item.sha256,
          item.annotations.toxicity,
          item.annotations.target,
          null,
          now,
          by,
        ).changes;
      }
    })();
    return { added, total: this.evidenceCount(c.id) };
  }

  evidenceCount(caseId: string): number {
    return (
      this.db.prepare('SELECT count(*) AS n FROM evidence_items WHERE case_id = ?').get(caseId) as {
        n: number;
      }
    ).n;
  }

  evidence(caseId: string): EvidenceItem[] {
    const rows = this.db
      .prepare(
        'SELECT record, sha256, toxicity, target, note FROM evidence_items WHERE case_id = ? ORDER BY frozen_at, id',
      )
      .all(caseId) as {
      record: string;
      sha256: string;
      toxicity: number | null;
      target: EvidenceItem['annotations']['target'];
      note: string | null;
    }[];
    return rows.map((r) => ({
      record: JSON.parse(r.record) as EvidenceItem['record'],
      sha256: r.sha256,
      annotations: { toxicity: r.toxicity, target: r.target, note: r.note },
    }));
  }

  dossier(
    c: ProtectionCase,
    format: 'html' | 'csv' | 'json',
    lang: Lang,
    by: string,
    now: number,
  ): { fileName: string; mime: string; content: string; items: number; sha256: string } {
    const d = buildDossier({
      caseId: c.id,
      subject: c.person.name,
      title: lang === 'fr' ? `Mise à l’abri de ${c.person.name}` : `Protection of ${c.person.name}`,
      preparedBy: by,
      generatedAt: now,
      timeZone: localTimeZone(),
      items: this.evidence(c.id),
    });
    const content =
      format === 'html'
        ? renderDossierHtml(d, lang)
        : format === 'csv'
          ? renderDossierCsv(d, lang)
          : renderDossierJson(d);
    const mime =
      format === 'html'
        ? 'text/html;charset=utf-8'
        : format === 'csv'
          ? 'text/csv;charset=utf-8'
          : 'application/json;charset=utf-8';
    return {
      fileName: dossierFileName(d, format, lang),
      mime,
      content,
      items: d.items.length,
      sha256: d.dossierSha256,
    };
  }
}

function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
