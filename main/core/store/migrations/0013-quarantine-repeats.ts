import type { Database } from 'better-sqlite3';
import { quarantineFingerprint } from '../quarantine-fingerprint';

/**
 * A record set aside again (a feed re-read every minute with the same bad item, a file imported twice)
 * is counted on its first entry instead of filling the quarantine with copies: `fingerprint` names
 * the record (source, reason code, raw excerpt), `seen_count` and `last_seen_at` count its returns.
 * Records already stored get their fingerprint, so their next return is counted too.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE quarantine ADD COLUMN fingerprint TEXT;
    ALTER TABLE quarantine ADD COLUMN seen_count INTEGER NOT NULL DEFAULT 1 CHECK (seen_count >= 1);
    ALTER TABLE quarantine ADD COLUMN last_seen_at INTEGER;
  `);
  const rows = db.prepare('SELECT id, source_id, code, reason, raw_excerpt FROM quarantine').all() as {
    id: number;
    source_id: string | null;
    code: string | null;
    reason: string;
    raw_excerpt: string;
  }[];
  const set = db.prepare('UPDATE quarantine SET fingerprint = ? WHERE id = ?');
  for (const r of rows) set.run(quarantineFingerprint(r.source_id, r.code ?? r.reason, r.raw_excerpt), r.id);
  db.exec('CREATE INDEX quarantine_fingerprint ON quarantine(fingerprint) WHERE fingerprint IS NOT NULL');
}
