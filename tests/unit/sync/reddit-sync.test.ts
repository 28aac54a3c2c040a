/** Reddit listings against the 127.0.0.1 server: after paging, marks, subreddits, comments, settings. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SyncEngine } from '../../../main/core/sync/engine';
import { redditSource } from '../../../main/core/sync/sources/reddit';
import {
  A,
  COMMENTS,
  F,
  listingPages,
  markOf,
  NOW,
  P1,
  P2,
  useRedditEnv,
  type Listing,
  type PlatformServer,
} from './reddit-fixtures';

const env = useRedditEnv();
const { addSource, mentionCount, cursorOf, row } = env;
let engine: SyncEngine;
let server: PlatformServer;
beforeEach(() => {
  ({ engine, server } = env);
});

describe('reddit source: search', () => {
  it('pages by after, then stops at the last run newest post (second run: 0 new)', async () => {
    let newer = false;
    server.setHandler((req) =>
      req.path === '/search.json' ? listingPages(req, { newer }) : { status: 404 },
    );
    const id = addSource({ baseUrl: server.baseUrl, search: 'ondaline panne' });

    const first = await engine.runOnce(id);
    expect(first).toMatchObject({ status: 'ok', inserted: 5, pages: 3, complete: true, quarantined: 0 });
    expect(server.requests.map((r) => r.url.searchParams.get('after'))).toEqual([
      null,
      P1.data.after,
      P2.data.after,
    ]);
    const q = server.requests[0]!.url.searchParams;
    expect([q.get('q'), q.get('sort'), q.get('limit'), q.get('raw_json'), q.has('restrict_sr')]).toEqual([
      'ondaline panne',
      'new',
      '100',
      '1',
      false,
    ]);
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
    expect(cursorOf(id)).toEqual({ mark: markOf(A!), top: null, after: null, pages: 0 });
    expect(first.rateLimit).toEqual({ limit: null, remaining: 96, resetAt: NOW + 412_000 });

    server.requests.length = 0;
    expect(await engine.runOnce(id)).toMatchObject({ status: 'ok', inserted: 0, pages: 1 });
    expect(server.requests).toHaveLength(1);

    newer = true;
    const third = await engine.runOnce(id);
    expect(third).toMatchObject({ status: 'ok', inserted: 1, duplicates: 1, pages: 1 });
    expect(cursorOf(id).mark).toEqual(markOf(F!));
    // The post seen again only refreshed its counters.
    expect(row('t3_1gux5k2')).toMatchObject({ likes: 80, replies: 31 });
    expect(mentionCount()).toBe(6);
  });

  it('searches one subreddit with restrict_sr, and sends a configured OAuth token', async () => {
    server.setHandler((req) => (req.path === '/r/france/search.json' ? listingPages(req) : { status: 404 }));
    const id = addSource({
      baseUrl: server.baseUrl,
      search: 'ondaline',
      subreddit: 'r/france',
      tokenEnv: 'REDDIT_TOKEN',
    });
    expect(await engine.runOnce(id)).toMatchObject({ status: 'ok', inserted: 5 });
    const q = server.requests[0]!.url.searchParams;
    expect([q.get('restrict_sr'), q.get('sort'), q.get('q')]).toEqual(['1', 'new', 'ondaline']);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer reddit-s3cret');
  });

  it('reads a subreddit new posts without a search', async () => {
    server.setHandler((req) => (req.path === '/r/france/new.json' ? listingPages(req) : { status: 404 }));
    expect(await engine.runOnce(addSource({ baseUrl: server.baseUrl, subreddit: 'france' }))).toMatchObject({
      status: 'ok',
      inserted: 5,
    });
  });

  it('reads a subreddit new comments (t1): body as text, comment permalink, deleted ones kept', async () => {
    const empty = {
      kind: 'Listing',
      data: { after: null, before: null, children: [] },
    } as unknown as Listing;
    server.setHandler((req) =>
      req.path === '/r/france/comments.json'
        ? listingPages(req, { pages: [COMMENTS, empty] })
        : { status: 404 },
    );
    const id = addSource({ baseUrl: server.baseUrl, subreddit: 'france', comments: true });
    expect(await engine.runOnce(id)).toMatchObject({ status: 'ok', inserted: 3, pages: 2 });
    expect(row('t1_lxy3m1a')).toMatchObject({
      id: 'reddit:t1_lxy3m1a',
      text: 'Pareil à Villeurbanne, rien depuis 7h50.',
      author_handle: 'marie_dlc',
      url: 'https://www.reddit.com/r/france/comments/1gux5k2/panne_ondaline_a_lyon_depuis_ce_matin/lxy3m1a/',
      likes: 14,
      replies: 0,
    });
    expect(row('t1_lxy2k9b')).toMatchObject({ author_handle: '[deleted]', text: '[deleted]' });
    expect(cursorOf(id).mark?.name).toBe('t1_lxy3m1a');
  });

  it('rejects settings that are not one of the supported listings, before any request', async () => {
    for (const [name, config] of [
      ['none', {}],
      ['comments-without-sub', { comments: true, search: 'a' }],
      ['bad-sub', { subreddit: 'r/../../api' }],
      ['ftp', { baseUrl: 'ftp://reddit.com', search: 'a' }],
    ] as const) {
      expect(
        (await engine.runOnce(addSource({ baseUrl: server.baseUrl, ...config }, name))).status,
        name,
      ).toBe('config_error');
    }
    expect(server.requests).toHaveLength(0);
    expect(redditSource.configSchema.parse({ subreddit: '/r/france/' })).toMatchObject({
      subreddit: 'france',
      baseUrl: 'https://www.reddit.com',
    });
  });
});

describe('reddit source: bad records and bad answers', () => {
  it('bounds the first run to backfillPages', async () => {
    server.setHandler((req) => listingPages(req));
    const id = addSource({ baseUrl: server.baseUrl, search: 'ondaline', backfillPages: 1 });
    expect(await engine.runOnce(id)).toMatchObject({ status: 'ok', inserted: 2, pages: 1, complete: true });
  });
});
