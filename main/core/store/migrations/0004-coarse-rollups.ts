import type { Database } from 'better-sqlite3';

// Long timeline windows read 15-minute or hourly rows instead of every minute: a 30-day window at
// 1M mentions stays a few thousand rows. Written in the same transaction as rollup_minute.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE rollup_coarse (
      level INTEGER NOT NULL,
      bucket INTEGER NOT NULL,
      platform TEXT NOT NULL,
      count INTEGER NOT NULL DEFAULT 0,
      neg INTEGER NOT NULL DEFAULT 0,
      neu INTEGER NOT NULL DEFAULT 0,
      pos INTEGER NOT NULL DEFAULT 0,
      toxic INTEGER NOT NULL DEFAULT 0,
      reach INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (level, bucket, platform)
    ) WITHOUT ROWID;
  `);
  for (const level of [15, 60]) {
    db.prepare(
      `INSERT INTO rollup_coarse(level, bucket, platform, count, neg, neu, pos, toxic, reach)
       SELECT ?, CAST(minute / ? AS INTEGER) * ?, platform, SUM(count), SUM(neg), SUM(neu), SUM(pos), SUM(toxic), SUM(reach)
       FROM rollup_minute GROUP BY 2, 3`,
    ).run(level, level * 60_000, level * 60_000);
  }
}
