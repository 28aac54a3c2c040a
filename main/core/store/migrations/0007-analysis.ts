import type { Database } from 'better-sqlite3';

// The analysis stage: what each mention is (abuse reasons, crisis terms, who the abuse is aimed at),
// what the timeline needs per minute (crisis-word and person-aimed counts, rating sum/count), the
// spike alerts. Existing rollups are backfilled from the mentions they summarize.
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE mentions ADD COLUMN reasons TEXT;
    ALTER TABLE mentions ADD COLUMN crisis_terms TEXT;
    ALTER TABLE mentions ADD COLUMN aimed_at TEXT;
    ALTER TABLE mentions ADD COLUMN targets TEXT;
    CREATE INDEX mentions_cluster ON mentions(cluster_id, created_at) WHERE cluster_id IS NOT NULL;
    ALTER TABLE rollup_minute ADD COLUMN crisis INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE rollup_minute ADD COLUMN aimed INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE rollup_minute ADD COLUMN rating_sum INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE rollup_minute ADD COLUMN rating_count INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE rollup_coarse ADD COLUMN crisis INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE rollup_coarse ADD COLUMN aimed INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE rollup_coarse ADD COLUMN rating_sum INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE rollup_coarse ADD COLUMN rating_count INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE analysis_alerts (
      id INTEGER PRIMARY KEY,
      at INTEGER NOT NULL,
      incident_id TEXT REFERENCES incidents(id) ON DELETE SET NULL,
      metric TEXT NOT NULL,
      value REAL NOT NULL,
      baseline REAL NOT NULL,
      ratio REAL NOT NULL,
      escalation INTEGER NOT NULL DEFAULT 0 CHECK (escalation IN (0, 1)),
      reasons TEXT NOT NULL CHECK (json_valid(reasons)),
      cluster TEXT CHECK (cluster IS NULL OR json_valid(cluster)),
      created_at INTEGER NOT NULL
    );
    CREATE INDEX analysis_alerts_at ON analysis_alerts(at);
  `);
  // Backfill: ratings and any crisis/person-aimed data already in the mentions.
  db.exec(`
    UPDATE rollup_minute SET
      rating_sum = COALESCE((SELECT SUM(rating) FROM mentions m
        WHERE m.created_at >= rollup_minute.minute AND m.created_at < rollup_minute.minute + 60000
          AND m.platform = rollup_minute.platform AND m.rating IS NOT NULL), 0),
      rating_count = COALESCE((SELECT COUNT(rating) FROM mentions m
        WHERE m.created_at >= rollup_minute.minute AND m.created_at < rollup_minute.minute + 60000
          AND m.platform = rollup_minute.platform), 0)
    WHERE EXISTS (SELECT 1 FROM mentions WHERE rating IS NOT NULL);
    UPDATE rollup_coarse SET
      rating_sum = COALESCE((SELECT SUM(r.rating_sum) FROM rollup_minute r
        WHERE r.minute >= rollup_coarse.bucket AND r.minute < rollup_coarse.bucket + rollup_coarse.level * 60000
          AND r.platform = rollup_coarse.platform), 0),
      rating_count = COALESCE((SELECT SUM(r.rating_count) FROM rollup_minute r
        WHERE r.minute >= rollup_coarse.bucket AND r.minute < rollup_coarse.bucket + rollup_coarse.level * 60000
          AND r.platform = rollup_coarse.platform), 0)
    WHERE EXISTS (SELECT 1 FROM mentions WHERE rating IS NOT NULL);
  `);
}
