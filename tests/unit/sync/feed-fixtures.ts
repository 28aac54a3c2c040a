// Shared by the feed-*.test.ts files: the feed fixtures, a validator-aware handler, and per test a
// fresh store, SyncEngine and local feed server (127.0.0.1).
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { openStore } from '../../../main/core/store/open';
import { SourcesRepo } from '../../../main/core/store/sources-repo';
import { SyncEngine } from '../../../main/core/sync/engine';
import { HttpClient } from '../../../main/core/sync/http';
import { Ingestor } from '../../../main/core/sync/ingest';
import { EnvAndFileSecrets } from '../../../main/core/sync/secrets';
import { registerAdapter } from '../../../main/core/sync/sources';
import { feedSource, type FeedState } from '../../../main/core/sync/sources/feed';
import { startPlatformServer, type RecordedRequest, type Reply } from '../../helpers/platform-server';
import { ROOT, tempDir } from '../../helpers/tmp';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'feeds');
export const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
export const RSS = fixture('rss2.xml');
export const ATOM = fixture('atom.xml');
export const ALERTS = fixture('google-alerts.xml');
export const NOW = Date.UTC(2026, 10, 25, 17, 0, 0);
export const ETAG = '"rss-v1-5f3a"';
export const LAST_MODIFIED = 'Tue, 25 Nov 2026 15:30:00 GMT';
export const RSS_TYPE = { 'content-type': 'application/rss+xml; charset=utf-8' };

/** Serves `body` like a well-behaved feed server: validators, and 304 when the client's still match. */
export function conditional(body: string, etag = ETAG, lastModified = LAST_MODIFIED) {
  return (req: RecordedRequest): Reply => {
    const fresh = req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === lastModified;
    const headers = { ...RSS_TYPE, etag, 'last-modified': lastModified };
    return fresh ? { status: 304, headers } : { body, headers };
  };
}

// Live bindings: set by useFeedSource's hooks before each test, read by the tests as plain names.
let tmp: ReturnType<typeof tempDir>;
export let db: Database.Database;
export let engine: SyncEngine;
export let server: Awaited<ReturnType<typeof startPlatformServer>>;

/**
 * Registers hooks that give each test of the calling file its own store, SyncEngine (with the feed
 * adapter) and feed server on 127.0.0.1, answering 404 until the test sets a handler.
 */
export function useFeedSource(): void {
  beforeAll(() => registerAdapter(feedSource));
  beforeEach(async () => {
    tmp = tempDir();
    db = openStore(tmp.file('store.db'));
    engine = new SyncEngine({
      db,
      ingestor: new Ingestor(db, () => NOW),
      http: new HttpClient({ timeoutMs: 3000 }),
      secrets: new EnvAndFileSecrets({}),
      now: () => NOW,
    });
    server = await startPlatformServer(() => ({ status: 404, body: 'Not Found' }));
  });
  afterEach(async () => {
    await server.close();
    db.close();
    tmp.cleanup();
  });
}

export function addSource(url: string, id = 'feed'): string {
  new SourcesRepo(db).create({ id, type: 'feed', name: 'Feed test', config: { url }, status: 'idle' }, NOW);
  return id;
}
const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
export const mentionCount = () => count('SELECT COUNT(*) AS n FROM mentions');
export const cursorOf = (id: string) => {
  const cursor = new SourcesRepo(db).get(id)!.cursor;
  return cursor === null ? null : (JSON.parse(cursor) as FeedState);
};
export const row = (id: string) =>
  db.prepare('SELECT * FROM mentions WHERE id = ?').get(id) as Record<string, unknown>;
