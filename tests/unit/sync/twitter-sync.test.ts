/** X recent search against the 127.0.0.1 server: next_token paging, since_id, backfill, settings. */
import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { SourcesRepo } from '../../../main/core/store/sources-repo';
import type { SyncEngine } from '../../../main/core/sync/engine';
import { tweetIdTime } from '../../../main/core/sync/formats/twitter';
import { twitterSource, type TwitterState } from '../../../main/core/sync/sources/twitter';
import {
  NOW,
  P1,
  P2,
  RESET,
  T1,
  T7,
  T9,
  TOKEN,
  recentSearch,
  useTwitterEnv,
  type PlatformServer,
} from './twitter-fixtures';

const env = useTwitterEnv();
const { makeEngine, addSource, withToken, mentionCount, cursorOf } = env;
let db: Database.Database;
let engine: SyncEngine;
let server: PlatformServer;
beforeEach(() => {
  ({ db, engine, server } = env);
});

describe('x source: recent search', () => {
  it('pages by next_token, then resumes at since_id (second run: 0 new)', async () => {
    let newer = false;
    server.setHandler((req) => recentSearch(req, { newer }));
    const id = addSource(withToken());

    const first = await engine.runOnce(id);
    // 8 listed tweets: 2 retweets become shares, the retweeted original arrives through includes.
    expect(first).toMatchObject({
      status: 'ok',
      inserted: 6,
      shares: 2,
      pages: 3,
      complete: true,
      quarantined: 0,
    });
    expect(server.requests.map((r) => r.url.searchParams.get('next_token'))).toEqual([
      null,
      P1.meta.next_token,
      P2.meta.next_token,
    ]);
    const req = server.requests[0]!;
    expect(req.path).toBe('/2/tweets/search/recent');
    const q = req.url.searchParams;
    expect(q.get('query')).toBe('ondaline -is:nullcast');
    expect(q.get('max_results')).toBe('100');
    expect(q.get('tweet.fields')?.split(',')).toEqual(
      expect.arrayContaining(['created_at', 'public_metrics', 'lang', 'referenced_tweets', 'author_id']),
    );
    expect(q.get('expansions')?.split(',')).toEqual(
      expect.arrayContaining(['author_id', 'referenced_tweets.id']),
    );
    expect(q.get('user.fields')).toBe('username,name,public_metrics');
    expect(q.has('since_id')).toBe(false);
    // The bearer token travels in the header only.
    expect(server.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(server.requests.some((r) => r.url.href.includes(TOKEN.slice(0, 20)))).toBe(false);
    expect(cursorOf(id)).toEqual({ sinceId: T1!.id, top: null, nextToken: null, pages: 0 });
    expect(first.rateLimit).toEqual({ limit: 450, remaining: 449, resetAt: RESET * 1000 });

    server.requests.length = 0;
    const second = await engine.runOnce(id);
    expect(second).toMatchObject({ status: 'ok', inserted: 0, shares: 0, pages: 1 });
    expect(server.requests.map((r) => r.url.searchParams.get('since_id'))).toEqual([T1!.id]);
    expect(cursorOf(id).sinceId).toBe(T1!.id); // an empty answer keeps the mark

    newer = true;
    const third = await engine.runOnce(id);
    expect(third).toMatchObject({ status: 'ok', inserted: 1, shares: 1 });
    expect(cursorOf(id).sinceId).toBe(T9!.id);
    expect(mentionCount()).toBe(7);
    expect(new SourcesRepo(db).get(id)!.cursor).not.toContain(TOKEN);
  });

  it('drops a since_id X would refuse (older than 7 days) and reads a bounded backfill', async () => {
    server.setHandler((req) => recentSearch(req));
    const id = addSource(withToken({ backfillPages: 2 }));
    const stale: TwitterState = { sinceId: T7!.id, top: null, nextToken: null, pages: 0 };
    new SourcesRepo(db).setCursor(id, JSON.stringify(stale), NOW);
    const later = makeEngine(tweetIdTime(T7!.id) + 8 * 24 * 3600_000);
    const report = await later.runOnce(id);
    expect(report).toMatchObject({ status: 'ok', inserted: 5, pages: 2, complete: true });
    expect(server.requests.every((r) => !r.url.searchParams.has('since_id'))).toBe(true);
    expect(cursorOf(id).sinceId).toBe(T1!.id);
  });

  it('ends the run on a server that ignores next_token or since_id', async () => {
    server.setHandler((req) => recentSearch(req, { ignoreToken: true }));
    const id = addSource(withToken());
    // next_token ignored: page 2 names the same next_token as page 1 → stop.
    expect(await engine.runOnce(id)).toMatchObject({ status: 'ok', inserted: 3, pages: 2, complete: true });
    server.setHandler((req) => {
      const { since_id: _ignored, ...rest } = Object.fromEntries(req.url.searchParams);
      return recentSearch({
        ...req,
        url: new URL(`${req.path}?${new URLSearchParams(rest).toString()}`, server.baseUrl),
      });
    });
    server.requests.length = 0;
    // since_id ignored: the page lists the since_id tweet itself → stop there.
    expect(await engine.runOnce(id)).toMatchObject({ status: 'ok', inserted: 0, pages: 1 });
  });

  it('rejects settings without a query or with a bad base URL, before any request', async () => {
    expect((await engine.runOnce(addSource({ tokenEnv: 'X_BEARER' }, 'none'))).status).toBe('config_error');
    const ftp = await engine.runOnce(
      addSource({ baseUrl: 'ftp://api.x.com', query: 'a', tokenEnv: 'X_BEARER' }, 'ftp'),
    );
    expect(ftp.status).toBe('config_error');
    expect(server.requests).toHaveLength(0);
    expect(twitterSource.configSchema.parse({ query: 'a' })).toMatchObject({ baseUrl: 'https://api.x.com' });
  });
});
