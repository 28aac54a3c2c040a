import type { Database } from 'better-sqlite3';
import type { Mention, Platform } from '../../../shared/model';
import { MENTION_COLUMNS, rowToMention, type MentionRow } from './mention-row';

export interface MentionQuery {
  limit: number;
  before?: { createdAt: number; id: string };
  platform?: Platform;
  search?: string;
}

/** Turns what a person types into a safe FTS5 query: each word quoted, the last one a prefix. */
export function toFtsQuery(input: string): string | null {
  const words = input
    .split(/\s+/)
    .map((w) => w.replace(/"/g, '').trim())
    .filter(Boolean)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

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
    if (q.before) {
      where.push('(m.created_at, m.id) < (@beforeAt, @beforeId)');
      args.beforeAt = q.before.createdAt;
      args.beforeId = q.before.id;
    }
    const cols = MENTION_COLUMNS.split(',')
      .map((c) => `m.${c.trim()}`)
      .join(', ');
    const sql = `SELECT ${cols} FROM ${from} ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY m.created_at DESC, m.id DESC LIMIT @limit`;
    return (this.db.prepare(sql).all(args) as MentionRow[]).map(rowToMention);
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
