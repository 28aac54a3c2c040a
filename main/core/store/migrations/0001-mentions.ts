import type { Database } from 'better-sqlite3';

// seq is the stable rowid that the external-content FTS index points to (VACUUM keeps it).
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE mentions (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      platform TEXT NOT NULL,
      external_id TEXT NOT NULL,
      url TEXT,
      author_handle TEXT NOT NULL,
      author_name TEXT,
      author_followers INTEGER,
      text TEXT NOT NULL,
      lang TEXT,
      created_at INTEGER NOT NULL,
      fetched_at INTEGER NOT NULL,
      likes INTEGER NOT NULL DEFAULT 0,
      shares INTEGER NOT NULL DEFAULT 0,
      replies INTEGER NOT NULL DEFAULT 0,
      reach INTEGER NOT NULL DEFAULT 0,
      reply_to TEXT,
      share_of TEXT,
      rating INTEGER,
      sentiment REAL,
      toxicity REAL,
      cluster_id TEXT,
      source_id TEXT,
      status TEXT NOT NULL DEFAULT 'new',
      assignee TEXT,
      routed_to TEXT
    );
    CREATE INDEX mentions_created ON mentions(created_at DESC, id DESC);
    CREATE INDEX mentions_platform_created ON mentions(platform, created_at DESC);
    CREATE INDEX mentions_source ON mentions(source_id);
    CREATE VIRTUAL TABLE mentions_fts USING fts5(
      text, author_handle, author_name,
      content='mentions', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TABLE rollup_minute (
      minute INTEGER NOT NULL,
      platform TEXT NOT NULL,
      count INTEGER NOT NULL DEFAULT 0,
      neg INTEGER NOT NULL DEFAULT 0,
      neu INTEGER NOT NULL DEFAULT 0,
      pos INTEGER NOT NULL DEFAULT 0,
      toxic INTEGER NOT NULL DEFAULT 0,
      reach INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (minute, platform)
    ) WITHOUT ROWID;
  `);
}
