import type { Database } from 'better-sqlite3';
import type { Mention, Platform } from '../../../shared/model';
import type { TriageMention } from '../../../shared/crisis-model';
import { MENTION_COLUMNS, rowToMention, type MentionRow } from './mention-row';
import { toFtsQuery } from './fts-query';
import { triageWhere, type TriageQuery } from './triage-filter';

export interface MentionQuery {
  limit: number;
  before?: { createdAt: number; id: string };
  platform?: Platform;
  search?: string;
}

export { toFtsQuery };

export class MentionsRepo {
  constructor(private readonly db: Database) {}

  list(q: MentionQuery): Mention[] {
    const where: string[] = [];
    const args: Record<string, unknown> = { limit: q.limit };
    let from = 'mentions m';
    const fts = q.search ? toFtsQuery(q.search) : null;
    if (fts) {
      from = 'mentions_fts f JOIN mentions m ON m.seq = f.rowid';
      where.push('mentions_fts MATCH @fts');
      args.fts = fts;
    }
    if (q.platform) {
      where.push('m.platform = @platform');
      args.platform = q.platform;
    }
    if (q.before && fts) {
      where.push('f.rowid < (SELECT seq FROM mentions WHERE id = @beforeId)');
      args.beforeId = q.before.id;
    } else if (q.before) {
      where.push('(m.created_at, m.id) < (@beforeAt, @beforeId)');
      args.beforeAt = q.before.createdAt;
      args.beforeId = q.before.id;
    }
    const cols = MENTION_COLUMNS.split(',')
      .map((c) => `m.${c.trim()}`)
      .join(', ');
    // Rowids are time keys (store/time-key.ts): a search walks its matches newest first and stops.
    const order = fts ? 'f.rowid DESC' : 'm.created_at DESC, m.id DESC';
    const sql = `SELECT ${cols} FROM ${from} ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY ${order} LIMIT @limit`;
    return (this.db.prepare(sql).all(args) as MentionRow[]).map(rowToMention);
  }

  /**
   * The triage feed: every filter of the war-room, FTS5 search with the matched words marked, newest
   * first, keyset-paged on (created_at, id) — on the time-key rowid for a search — so page 1 000
   * costs what page 1 costs.
   */
  query(q: TriageQuery): TriageMention[] {
    const { from, where, args, search, order } = triageWhere(q);
    const cols = MENTION_COLUMNS.split(',')
      .map((c) => `m.${c.trim()}`)
      .join(', ');
    // \u0002 … \u0003 around each match: the renderer turns them into <mark> elements, never HTML.
    const highlight = search ? `highlight(mentions_fts, 0, char(2), char(3))` : 'NULL';
    const sql = `SELECT ${cols}, m.assignee, m.routed_to, m.cluster_id, ${highlight} AS highlight
      FROM ${from} ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY ${order} LIMIT @limit`;
    const rows = this.db.prepare(sql).all(args) as (MentionRow & {
      assignee: string | null;
      routed_to: string | null;
      cluster_id: string | null;
      highlight: string | null;
    })[];
    return rows.map((r) => ({
      ...rowToMention(r),
      assignee: r.assignee,
      routedTo: r.routed_to,
      clusterId: r.cluster_id,
      highlight: r.highlight,
    }));
  }

  /** Values present in the store, for the filter menus (languages, assignees). */
  facets(): { languages: string[]; assignees: string[] } {
    const languages = (
      this.db
        .prepare(
          `SELECT lang FROM (SELECT lang, COUNT(*) AS n FROM (SELECT lang FROM mentions ORDER BY created_at DESC LIMIT 20000)
           WHERE lang IS NOT NULL GROUP BY lang ORDER BY n DESC LIMIT 20)`,
        )
        .all() as { lang: string }[]
    ).map((r) => r.lang);
    const assignees = (
      this.db
        .prepare(
          `SELECT DISTINCT assignee FROM mentions WHERE assignee IS NOT NULL ORDER BY assignee LIMIT 200`,
        )
        .all() as { assignee: string }[]
    ).map((r) => r.assignee);
    return { languages, assignees };
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM mentions').get() as { n: number }).n;
  }

  latestAt(): number | null {
    const row = this.db.prepare('SELECT MAX(created_at) AS t FROM mentions').get() as { t: number | null };
    return row.t;
  }

  deleteBySource(sourceId: string): number {
    // External-content FTS rows must be removed with the 'delete' command before the content row goes.
    this.db
      .prepare(
        `INSERT INTO mentions_fts(mentions_fts, rowid, text, author_handle, author_name)
         SELECT 'delete', seq, text, author_handle, author_name FROM mentions WHERE source_id = ?`,
      )
      .run(sourceId);
    return this.db.prepare('DELETE FROM mentions WHERE source_id = ?').run(sourceId).changes;
  }
}
