import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open';
import { SourcesRepo } from '../../../main/core/store/sources-repo';
import { SyncEngine } from '../../../main/core/sync/engine';
import { blueskyFormat, parseAtDate } from '../../../main/core/sync/formats/bluesky';
import { HttpClient, SyncError, type HttpResponse } from '../../../main/core/sync/http';
import { Ingestor } from '../../../main/core/sync/ingest';
import { EnvAndFileSecrets } from '../../../main/core/sync/secrets';
import { registerAdapter } from '../../../main/core/sync/sources';
import {
  blueskySource,
  type BlueskyConfig,
  type BlueskyState,
} from '../../../main/core/sync/sources/bluesky';
import { FormatError, type ParseResult } from '../../../main/core/sync/types';
import { startPlatformServer, type RecordedRequest, type Reply } from '../../helpers/platform-server';
import { ROOT, tempDir } from '../../helpers/tmp';

type Post = { uri: string; indexedAt: string; cid: string } & Record<string, unknown>;
type FeedItem = { post: Post; reason?: { $type: string; indexedAt?: string } };
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'bluesky');
const fixtureText = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const POSTS = (JSON.parse(fixtureText('search-posts.json')) as { posts: Post[] }).posts;
const NEWER = (JSON.parse(fixtureText('search-posts-newer.json')) as { posts: Post[] }).posts;
const FEED = (JSON.parse(fixtureText('author-feed.json')) as { feed: FeedItem[] }).feed;
const RATE_HEADERS = {
  'ratelimit-limit': '3000',
  'ratelimit-remaining': '2990',
  'ratelimit-reset': '1732011000',
  'ratelimit-policy': '3000;w=300',
};

/** searchPosts as the AppView pages it: an opaque offset cursor, absent on the last page. */
function searchPage(
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
function authorFeedPage(feed: FeedItem[], req: RecordedRequest, pageSize = 2): Reply {
  const keyOf = (it: FeedItem) => `${it.reason?.indexedAt ?? it.post.indexedAt}::${it.post.cid}`;
  const cursor = req.url.searchParams.get('cursor');
  const start = cursor ? feed.findIndex((it) => keyOf(it) === cursor) + 1 : 0;
  const page = feed.slice(start, start + pageSize);
  const more = start + pageSize < feed.length ? { cursor: keyOf(page[page.length - 1]!) } : {};
  return { body: { ...more, feed: page }, headers: RATE_HEADERS };
}

let tmp: ReturnType<typeof tempDir>;
let db: Database.Database;
let engine: SyncEngine;
let server: Awaited<ReturnType<typeof startPlatformServer>>;

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
const utc = (iso: string) => Date.parse(iso);

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

  it('normalizes posts: bsky.app url, missing names, createdAt precision, no follower count', async () => {
    server.setHandler((req) => searchPage(POSTS, req, 100));
    await engine.runOnce(addSource({ baseUrl: server.baseUrl, query: 'ondaline' }));
    expect(row(POSTS[0]!.uri)).toMatchObject({
      id: `bluesky:${POSTS[0]!.uri}`,
      platform: 'bluesky',
      url: 'https://bsky.app/profile/lea-moreau.bsky.social/post/3lbcxq2kmrs2a',
      author_handle: 'lea-moreau.bsky.social',
      author_name: 'Léa Moreau',
      author_followers: null,
      text: 'Toujours aucune connexion à Lyon 3e #ondaline',
      lang: 'fr',
      likes: 14,
      shares: 3,
      replies: 2,
      created_at: utc('2024-11-19T10:41:12.000Z'),
    });
    // displayName absent, empty or blank → null; langs "fr-FR" → fr, absent → null.
    expect(row(POSTS[1]!.uri)).toMatchObject({
      author_name: null,
      lang: 'fr',
      created_at: utc('2024-11-19T10:40:05.000Z'),
    });
    expect(row(POSTS[2]!.uri)).toMatchObject({
      author_name: null,
      // No langs on the post: the analysis stage detects the language from the text.
      lang: 'fr',
      created_at: utc('2024-11-19T10:39:31.123Z'),
    });
    expect(row(POSTS[3]!.uri)).toMatchObject({ created_at: utc('2024-11-19T10:38:00.000Z') }); // +01:00
    // handle.invalid: the did stands in for handle and link; text stays the characters typed.
    expect(row(POSTS[4]!.uri)).toMatchObject({
      author_handle: 'did:web:blog.example.org',
      author_name: null,
      url: 'https://bsky.app/profile/did:web:blog.example.org/post/3lbcxlrc7h22e',
      text: '<b>pas du html</b> Ondaline',
      lang: 'en',
      created_at: utc('2024-11-19T10:37:10.500Z'),
    });
    expect(row(POSTS[5]!.uri)).toMatchObject({ created_at: utc('2024-11-19T10:36:00.000Z') }); // no zone: UTC
    expect(row(POSTS[6]!.uri)).toMatchObject({ created_at: utc('2024-11-19T10:35:00.000Z') }); // 2099: capped
  });

  it('a rate limit used up mid-run stops after storing the page, and the next run resumes at its cursor', async () => {
    server.setHandler((req) => searchPage(POSTS, req, 3, { ...RATE_HEADERS, 'ratelimit-remaining': '0' }));
    const id = addSource({ baseUrl: server.baseUrl, query: 'ondaline' });
    expect(await engine.runOnce(id)).toMatchObject({
      status: 'rate_limited',
      inserted: 3,
      retryAt: 1732011000_000,
    });
    expect(cursorOf(id)).toMatchObject({ mark: null, cursor: '3', pages: 1 });

    server.setHandler((req) => searchPage(POSTS, req));
    server.requests.length = 0;
    expect(await engine.runOnce(id)).toMatchObject({ status: 'ok', inserted: 4 });
    expect(server.requests[0]!.url.searchParams.get('cursor')).toBe('3');
    expect(cursorOf(id).mark?.uri).toBe(POSTS[0]!.uri);
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

describe('bluesky source: bad records and bad answers', () => {
  it('quarantines malformed posts with their reason and stores the rest', async () => {
    server.setHandler(() => ({ body: JSON.parse(fixtureText('malformed.json')) as unknown }));
    const report = await engine.runOnce(addSource({ baseUrl: server.baseUrl, query: 'ondaline' }));
    expect(report).toMatchObject({ status: 'ok', inserted: 2, quarantined: 6 });
    const reasons = (
      db.prepare('SELECT reason FROM quarantine ORDER BY id').all() as { reason: string }[]
    ).map((r) => r.reason);
    expect(reasons).toEqual([
      'Bluesky: post without uri',
      'Bluesky: post at://did:plc:ukv3m2xjz6b7pqf5nl4hq2aa/app.bsky.feed.post/3lbcxbadzaa2a has no author',
      'Bluesky: post at://did:plc:ukv3m2xjz6b7pqf5nl4hq2aa/app.bsky.feed.post/3lbcxbadyaa2a: unreadable createdAt "hier soir"',
      'Bluesky: not a post uri: at://did:plc:ukv3m2xjz6b7pqf5nl4hq2aa/app.bsky.feed.like/3lbcxbadxaa2a',
      'Bluesky: post at://did:plc:ukv3m2xjz6b7pqf5nl4hq2aa/app.bsky.feed.post/3lbcxbadwaa2a: author without a valid did',
      'Bluesky: record is not an object',
    ]);
  });

  it('429 with RateLimit-* headers: rate_limited until the epoch-seconds reset', async () => {
    server.setHandler(() => ({
      status: 429,
      body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
      headers: { ...RATE_HEADERS, 'ratelimit-remaining': '0' },
    }));
    const err = await new HttpClient()
      .get({ url: `${server.baseUrl}/xrpc/app.bsky.feed.searchPosts?q=x` })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyncError);
    expect(err).toMatchObject({ kind: 'rate_limited', retryAt: 1732011000_000 });
    const id = addSource({ baseUrl: server.baseUrl, query: 'ondaline' });
    expect(await engine.runOnce(id)).toMatchObject({
      status: 'rate_limited',
      retryAt: 1732011000_000,
      inserted: 0,
    });
    expect(new SourcesRepo(db).get(id)!.cursor).toBeNull();
  });

  it.each([
    [
      'HTTP 500',
      'server',
      { status: 500, body: { error: 'InternalServerError', message: 'Internal Server Error' } },
    ],
    [
      'HTTP 502 from the proxy, as HTML',
      'server',
      {
        status: 502,
        body: '<html><h1>502 Bad Gateway</h1></html>',
        headers: { 'content-type': 'text/html' },
      },
    ],
    [
      'an HTML page with 200',
      'bad_response',
      { body: '<!doctype html><title>Bluesky</title>', headers: { 'content-type': 'text/html' } },
    ],
    [
      'JSON cut short',
      'bad_response',
      {
        body: fixtureText('search-posts.json').slice(0, 700),
        headers: { 'content-type': 'application/json' },
      },
    ],
    [
      'JSON cut by a dropped connection',
      'offline',
      { body: JSON.parse(fixtureText('search-posts.json')) as unknown, truncateAt: 700 },
    ],
    [
      'an XRPC error object with 200',
      'bad_response',
      { body: { error: 'InvalidRequest', message: 'Error: params must have required property q' } },
    ],
  ] as [string, string, Reply][])('%s → %s, nothing stored, cursor unchanged', async (_name, kind, reply) => {
    server.setHandler(() => reply);
    const id = addSource({ baseUrl: server.baseUrl, query: 'ondaline' });
    const report = await engine.runOnce(id);
    expect(report.error?.kind).toBe(kind);
    expect(count('SELECT COUNT(*) AS n FROM mentions')).toBe(0);
    expect(new SourcesRepo(db).get(id)!.cursor).toBeNull();
  });
});

describe('bluesky datetimes', () => {
  it.each([
    ['2024-11-19T10:00:00Z', '2024-11-19T10:00:00.000Z'],
    ['2024-11-19T10:00:00.123Z', '2024-11-19T10:00:00.123Z'],
    ['2024-11-19T10:00:00.123456Z', '2024-11-19T10:00:00.123Z'],
    ['2024-11-19T10:00:00.123456789Z', '2024-11-19T10:00:00.123Z'],
    ['2024-11-19T10:00:00+00:00', '2024-11-19T10:00:00.000Z'],
    ['2024-11-19T12:30:00.5+02:30', '2024-11-19T10:00:00.500Z'],
    ['2024-11-19T05:00:00-0500', '2024-11-19T10:00:00.000Z'],
    ['2024-11-19T10:00:00', '2024-11-19T10:00:00.000Z'],
    ['2024-11-19t10:00:00z', '2024-11-19T10:00:00.000Z'],
  ])('%s → %s', (input, expected) => {
    expect(parseAtDate(input)).toBe(Date.parse(expected));
  });

  it('refuses what is not a datetime', () => {
    for (const bad of [
      '',
      'hier',
      '2024-02-31T10:00:00Z',
      '2024-11-19T25:00:00Z',
      '1732010400',
      null,
      1732010400,
      {},
    ]) {
      expect(parseAtDate(bad)).toBeNull();
    }
  });
});

describe('bluesky file format', () => {
  const ctx = { now: 0, fileName: 'saved.json' };

  it('recognises saved searchPosts and getAuthorFeed bodies, and nothing else', () => {
    for (const name of ['search-posts.json', 'author-feed.json', 'search-posts-newer.json']) {
      expect(blueskyFormat.sniff(fixtureText(name), name), name).toBe(true);
    }
    const mastodon = fs.readFileSync(
      path.join(ROOT, 'tests', 'fixtures', 'mastodon', 'tag-timeline.json'),
      'utf8',
    );
    for (const text of [mastodon, '{"posts":[]}', 'uri,indexedAt\nat://x,1', '']) {
      expect(blueskyFormat.sniff(text, 'x.json'), text.slice(0, 30)).toBe(false);
    }
  });

  it('parses a saved body exactly as the HTTP source does', async () => {
    server.setHandler((req) => searchPage(POSTS, req, 100));
    await engine.runOnce(addSource({ baseUrl: server.baseUrl, query: 'ondaline' }));
    const fromFile = blueskyFormat.parse(fixtureText('search-posts.json'), ctx);
    const stored = db
      .prepare('SELECT id, text, url, created_at AS createdAt FROM mentions ORDER BY created_at DESC')
      .all();
    expect(fromFile.mentions.map(({ id, text, url, createdAt }) => ({ id, text, url, createdAt }))).toEqual(
      stored,
    );
    const feed = blueskyFormat.parse(fixtureText('author-feed.json'), ctx);
    expect([feed.mentions.length, feed.shares.length]).toEqual([6, 2]);
  });

  it('throws FormatError on bodies that are not Bluesky at all', () => {
    for (const text of ['nope', '{"statuses":[]}', '[{"id":"1","account":{}}]', '{"feed":"x"}', 'true']) {
      expect(() => blueskyFormat.parse(text, ctx), text).toThrow(FormatError);
    }
  });
});

describe('bluesky parser fuzzing', () => {
  const ctx = { now: 0, fileName: 'fuzz.json' };
  const expectSane = (r: ParseResult) => {
    for (const m of r.mentions) {
      expect(m.id).toBe(`bluesky:${m.externalId}`);
      expect(Number.isFinite(m.createdAt)).toBe(true);
      expect(m.url).toMatch(/^https:\/\/bsky\.app\/profile\/[^/]+\/post\/[^/]+$/);
      expect(m.likes >= 0 && m.shares >= 0 && m.replies >= 0).toBe(true);
    }
    for (const s of r.shares) expect(r.mentions.some((m) => m.id === s.originalId)).toBe(true);
    for (const q of r.quarantined) expect(q.reason).toMatch(/^Bluesky: /);
  };
  const parseOrFormatError = (text: string) => {
    try {
      expectSane(blueskyFormat.parse(text, ctx));
    } catch (err) {
      if (!(err instanceof FormatError)) throw err;
    }
  };

  it('random text and random JSON: a result or a FormatError, never anything else', () => {
    fc.assert(
      fc.property(fc.string(), (s) => parseOrFormatError(s)),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.json(), (s) => parseOrFormatError(s)),
      { numRuns: 200 },
    );
  });

  it('feed items with fields replaced by random values: each one stored or quarantined', () => {
    const postKeys = ['uri', 'author', 'record', 'indexedAt', 'likeCount', 'repostCount'];
    const deepKeys = ['did', 'handle', 'displayName', 'text', 'createdAt', 'langs'];
    fc.assert(
      fc.property(
        fc.nat(FEED.length - 1),
        fc.constantFrom(...postKeys, ...deepKeys, 'reason', 'post'),
        fc.jsonValue(),
        (i, key, value) => {
          const item = structuredClone(FEED[i]!) as unknown as Record<
            string,
            Record<string, Record<string, unknown>>
          >;
          const post = item.post!;
          if (key === 'reason' || key === 'post') (item as Record<string, unknown>)[key] = value;
          else if (['did', 'handle', 'displayName'].includes(key)) post.author![key] = value;
          else if (['text', 'createdAt', 'langs'].includes(key)) post.record![key] = value;
          else (post as Record<string, unknown>)[key] = value;
          const r = blueskyFormat.parse(JSON.stringify({ feed: [item, FEED[2]] }), ctx);
          expectSane(r);
          expect(
            r.mentions.length + r.quarantined.filter((q) => !q.reason.includes('(post kept)')).length,
          ).toBe(2);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('saved bodies cut or spliced at random: a result or a FormatError', () => {
    const text = fixtureText('author-feed.json');
    fc.assert(
      fc.property(fc.nat(text.length), fc.nat(200), fc.string({ maxLength: 20 }), (at, cut, insert) => {
        parseOrFormatError(text.slice(0, at) + insert + text.slice(at + cut));
      }),
      { numRuns: 200 },
    );
  });

  it('parsePage on random bodies: a page or a SyncError, with a storable state', () => {
    const config = blueskySource.configSchema.parse({ query: 'x' }) as BlueskyConfig;
    const state: BlueskyState = {
      mark: { at: utc('2024-11-19T10:00:00Z'), uri: 'at://a' },
      top: null,
      cursor: 'c',
      pages: 1,
    };
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (body) => {
        const res: HttpResponse = {
          status: 200,
          headers: new Headers(),
          body,
          url: 'https://public.api.bsky.app/xrpc/x',
          rateLimit: null,
        };
        try {
          const page = blueskySource.parsePage(res, config, state, { now: 0, secret: null });
          expectSane(page);
          expect(JSON.parse(JSON.stringify(page.state))).toEqual(page.state);
        } catch (err) {
          if (!(err instanceof SyncError)) throw err;
        }
      }),
      { numRuns: 200 },
    );
  });
});
