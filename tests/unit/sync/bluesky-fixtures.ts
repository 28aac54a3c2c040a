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
import { blueskySource, type BlueskyState } from '../../../main/core/sync/sources/bluesky';
import { startPlatformServer, type RecordedRequest, type Reply } from '../../helpers/platform-server';
import { ROOT, tempDir } from '../../helpers/tmp';

/** Shared by bluesky-parse, bluesky-sync and bluesky-faults tests. */

export type Post = { uri: string; indexedAt: string; cid: string } & Record<string, unknown>;
export type FeedItem = { post: Post; reason?: { $type: string; indexedAt?: string } };
export type PlatformServer = Awaited<ReturnType<typeof startPlatformServer>>;

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'bluesky');
export const fixtureText = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
export const POSTS = (JSON.parse(fixtureText('search-posts.json')) as { posts: Post[] }).posts;
export const NEWER = (JSON.parse(fixtureText('search-posts-newer.json')) as { posts: Post[] }).posts;
export const FEED = (JSON.parse(fixtureText('author-feed.json')) as { feed: FeedItem[] }).feed;
export const RATE_HEADERS = {
  'ratelimit-limit': '3000',
  'ratelimit-remaining': '2990',
  'ratelimit-reset': '1732011000',
  'ratelimit-policy': '3000;w=300',
};

/** searchPosts as the AppView pages it: an opaque offset cursor, absent on the last page. */
export function searchPage(
  posts: Post[],
  req: RecordedRequest,
  pageSize = 3,
  headers: Record<string, string> = RATE_HEADERS,
): Reply {
  const offset = Number(req.url.searchParams.get('cursor') ?? '0');
  const page = posts.slice(offset, offset + pageSize);
  const next = offset + pageSize < posts.length ? { cursor: String(offset + pageSize) } : {};
  return { body: { ...next, hitsTotal: posts.length, posts: page }, headers };
}

/** getAuthorFeed: cursor = sort time + cid of the page's last item. */
export function authorFeedPage(feed: FeedItem[], req: RecordedRequest, pageSize = 2): Reply {
  const keyOf = (it: FeedItem) => `${it.reason?.indexedAt ?? it.post.indexedAt}::${it.post.cid}`;
  const cursor = req.url.searchParams.get('cursor');
  const start = cursor ? feed.findIndex((it) => keyOf(it) === cursor) + 1 : 0;
  const page = feed.slice(start, start + pageSize);
  const more = start + pageSize < feed.length ? { cursor: keyOf(page[page.length - 1]!) } : {};
  return { body: { ...more, feed: page }, headers: RATE_HEADERS };
}

export const utc = (iso: string) => Date.parse(iso);

/** What each test gets: a fresh store, engine and 127.0.0.1 server, plus store look-ups. */
export interface BlueskyEnv {
  readonly db: Database.Database;
  readonly engine: SyncEngine;
  readonly server: PlatformServer;
  addSource(config: Record<string, unknown>, id?: string): string;
  count(sql: string): number;
  cursorOf(id: string): BlueskyState;
  row(uri: string): Record<string, unknown>;
}

/**
 * Registers the Bluesky adapter and, around every test of the calling file, opens a temporary
 * store, an engine without secrets and a platform server answering 400.
 * The getters always return the current test's objects.
 */
export function useBlueskyEnv(): BlueskyEnv {
  let tmp: ReturnType<typeof tempDir>;
  let db: Database.Database;
  let engine: SyncEngine;
  let server: PlatformServer;

  beforeAll(() => registerAdapter(blueskySource));
  beforeEach(async () => {
    tmp = tempDir();
    db = openStore(tmp.file('store.db'));
    engine = new SyncEngine({
      db,
      ingestor: new Ingestor(db),
      http: new HttpClient({ timeoutMs: 3000 }),
      secrets: new EnvAndFileSecrets({}),
    });
    server = await startPlatformServer(() => ({
      status: 400,
      body: { error: 'InvalidRequest', message: 'no route' },
    }));
  });
  afterEach(async () => {
    await server.close();
    db.close();
    tmp.cleanup();
  });

  function addSource(config: Record<string, unknown>, id = 'bsky'): string {
    new SourcesRepo(db).create(
      { id, type: 'bluesky', name: 'Bluesky test', config, status: 'idle' },
      Date.now(),
    );
    return id;
  }
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const cursorOf = (id: string) => JSON.parse(new SourcesRepo(db).get(id)!.cursor!) as BlueskyState;
  const row = (uri: string) =>
    db.prepare('SELECT * FROM mentions WHERE external_id = ?').get(uri) as Record<string, unknown>;

  return {
    get db() {
      return db;
    },
    get engine() {
      return engine;
    },
    get server() {
      return server;
    },
    addSource,
    count,
    cursorOf,
    row,
  };
}
