/** Bluesky HTTP source against the 127.0.0.1 server: searchPosts and getAuthorFeed paging, marks, settings. */
import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../main/core/sync/engine';
import { HttpClient, type HttpResponse } from '../../../main/core/sync/http';
import { Ingestor } from '../../../main/core/sync/ingest';
import { EnvAndFileSecrets } from '../../../main/core/sync/secrets';
import {
  blueskySource,
  type BlueskyConfig,
  type BlueskyState,
} from '../../../main/core/sync/sources/bluesky';
import {
  authorFeedPage,
  FEED,
  NEWER,
  POSTS,
  searchPage,
  useBlueskyEnv,
  utc,
  type PlatformServer,
} from './bluesky-fixtures';

const env = useBlueskyEnv();
const { addSource, count, cursorOf, row } = env;
let db: Database.Database;
let engine: SyncEngine;
let server: PlatformServer;
beforeEach(() => {
  ({ db, engine, server } = env);
});

describe('bluesky source: searchPosts', () => {
  it('pages with the cursor, then stops at the stored mark (second run: 0 new)', async () => {
    let posts = POSTS;
    server.setHandler((req) => searchPage(posts, req));
    const id = addSource({ baseUrl: server.baseUrl, query: 'ondaline' });

    const first = await engine.runOnce(id);
    expect(first).toMatchObject({ status: 'ok', inserted: 7, complete: true, quarantined: 0 });
    expect(server.requests.map((r) => r.url.searchParams.get('cursor'))).toEqual([null, '3', '6']);
    const q = server.requests[0]!;
    expect(q.path).toBe('/xrpc/app.bsky.feed.searchPosts');
    expect([
      q.url.searchParams.get('q'),
      q.url.searchParams.get('sort'),
      q.url.searchParams.get('limit'),
    ]).toEqual(['ondaline', 'latest', '100']);
    expect(q.headers.authorization).toBeUndefined();
    expect(cursorOf(id)).toEqual({
      mark: { at: utc('2024-11-19T10:41:12.000Z'), uri: POSTS[0]!.uri },
      top: null,
      cursor: null,
      pages: 0,
    });
    expect(first.rateLimit).toEqual({ limit: 3000, remaining: 2990, resetAt: 1732011000_000 });

    server.requests.length = 0;
    expect(await engine.runOnce(id)).toMatchObject({ status: 'ok', inserted: 0, duplicates: 6 });
    // Page 1 still lies within the late window above the mark; page 2 goes below it: stop.
    expect(server.requests.map((r) => r.url.searchParams.get('cursor'))).toEqual([null, '3']);

    posts = [...NEWER, ...POSTS];
    expect(await engine.runOnce(id)).toMatchObject({ status: 'ok', inserted: 2 });
    expect(cursorOf(id).mark).toEqual({ at: utc('2024-11-19T10:52:00.000Z'), uri: NEWER[0]!.uri });
    expect(count('SELECT COUNT(*) AS n FROM mentions')).toBe(9);
  });

  it('ends the run when the cursor does not move', async () => {
    server.setHandler(() => ({ body: { cursor: 'stuck', posts: POSTS.slice(0, 2) } }));
    const report = await engine.runOnce(addSource({ baseUrl: server.baseUrl, query: 'ondaline' }));
    expect(report).toMatchObject({ status: 'ok', inserted: 2, pages: 2, complete: true });
  });

  it('passes a configured token as a bearer', async () => {
    engine = new SyncEngine({
      db,
      ingestor: new Ingestor(db),
      http: new HttpClient(),
      secrets: new EnvAndFileSecrets({ BSKY: 'jwt-1' }),
    });
    server.setHandler((req) => searchPage(POSTS, req, 100));
    await engine.runOnce(addSource({ baseUrl: server.baseUrl, query: 'ondaline', tokenEnv: 'BSKY' }));
    expect(server.requests[0]!.headers.authorization).toBe('Bearer jwt-1');
  });
});

describe('bluesky source: getAuthorFeed', () => {
  it('folds reposts into shares on the original, once even when seen again', async () => {
    server.setHandler((req) => authorFeedPage(FEED, req));
    const id = addSource({ baseUrl: server.baseUrl, actor: '@ondaline.fr' });
    const first = await engine.runOnce(id);
    expect(first).toMatchObject({ status: 'ok', inserted: 6, shares: 2, quarantined: 0 });
    expect(server.requests[0]!.path).toBe('/xrpc/app.bsky.feed.getAuthorFeed');
    expect(server.requests[0]!.url.searchParams.get('actor')).toBe('ondaline.fr');
    const by = 'did:plc:ondalinefrx3y4z5a6b7c7dq';
    expect(
      db
        .prepare(
          'SELECT id, original_id AS originalId, created_at AS createdAt FROM mention_shares ORDER BY created_at DESC',
        )
        .all(),
    ).toEqual([
      {
        id: `bluesky:repost/${by}/${POSTS[0]!.uri}`,
        originalId: `bluesky:${POSTS[0]!.uri}`,
        createdAt: utc('2024-11-19T10:50:00.000Z'),
      },
      {
        id: `bluesky:repost/${by}/${POSTS[1]!.uri}`,
        originalId: `bluesky:${POSTS[1]!.uri}`,
        createdAt: utc('2024-11-19T10:45:00.000Z'),
      },
    ]);
    // The mark is the newest own post, not the pinned one from June.
    expect(cursorOf(id).mark).toEqual({ at: utc('2024-11-19T10:55:00.000Z'), uri: FEED[1]!.post.uri });
    expect(row(POSTS[1]!.uri).shares).toBe(1); // repostCount 0 in the view, one repost seen

    server.requests.length = 0;
    const second = await engine.runOnce(id);
    expect(second).toMatchObject({ status: 'ok', inserted: 0, shares: 0 });
    expect(server.requests).toHaveLength(2); // the repost at 10:50 is seen again, counted once
    expect(count('SELECT COUNT(*) AS n FROM mention_shares')).toBe(2);
  });

  it('a pinned post at the top never ends the run, however old', () => {
    const config = blueskySource.configSchema.parse({ actor: 'ondaline.fr' }) as BlueskyConfig;
    const state: BlueskyState = {
      mark: { at: utc('2024-11-19T10:50:00Z'), uri: 'at://x' },
      top: null,
      cursor: null,
      pages: 0,
    };
    const res: HttpResponse = {
      status: 200,
      headers: new Headers(),
      body: JSON.stringify({ cursor: 'c1', feed: [FEED[0]] }),
      url: 'https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed',
      rateLimit: null,
    };
    const page = blueskySource.parsePage(res, config, state, { now: 0, secret: null });
    expect(page.more).toBe(true);
    expect(page.mentions).toHaveLength(1);
    expect(page.state.cursor).toBe('c1');
  });

  it('rejects settings without exactly one of query or actor, or with a malformed actor', async () => {
    expect(blueskySource.configSchema.parse({ query: 'x' })).toMatchObject({
      baseUrl: 'https://public.api.bsky.app',
    });
    for (const [id, config] of [
      ['both', { query: 'a', actor: 'b.bsky.social' }],
      ['none', {}],
      ['spaces', { actor: 'not a handle' }],
      ['scheme', { baseUrl: 'file:///etc', query: 'x' }],
    ] as const) {
      const report = await engine.runOnce(addSource({ ...config }, id));
      expect(report.status, id).toBe('config_error');
    }
  });
});
