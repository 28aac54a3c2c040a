/** Bluesky bad records and bad answers: quarantine, rate limits, HTTP and body faults. */
import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { SourcesRepo } from '../../../main/core/store/sources-repo';
import type { SyncEngine } from '../../../main/core/sync/engine';
import { HttpClient, SyncError } from '../../../main/core/sync/http';
import type { Reply } from '../../helpers/platform-server';
import {
  fixtureText,
  POSTS,
  RATE_HEADERS,
  searchPage,
  useBlueskyEnv,
  type PlatformServer,
} from './bluesky-fixtures';

const env = useBlueskyEnv();
const { addSource, count, cursorOf } = env;
let db: Database.Database;
let engine: SyncEngine;
let server: PlatformServer;
beforeEach(() => {
  ({ db, engine, server } = env);
});

describe('bluesky source: searchPosts', () => {
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
