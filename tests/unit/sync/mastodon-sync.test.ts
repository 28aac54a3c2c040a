/** Mastodon HTTP source against the 127.0.0.1 server: paging, Link headers, cursors, settings. */
import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { SourcesRepo } from '../../../main/core/store/sources-repo';
import type { SyncEngine } from '../../../main/core/sync/engine';
import {
  fixture,
  NEWER,
  NOTIFICATIONS,
  PLEROMA,
  RATE_HEADERS,
  TAG,
  timeline,
  useMastodonEnv,
  type PlatformServer,
  type Status,
} from './mastodon-fixtures';

const env = useMastodonEnv();
const { addSource, mentionCount, cursorOf, row } = env;
let db: Database.Database;
let engine: SyncEngine;
let server: PlatformServer;
beforeEach(() => {
  ({ db, engine, server } = env);
});

describe('mastodon source: hashtag timeline', () => {
  it('pages newest → oldest by the Link header, then resumes at since_id (second run: 0 new)', async () => {
    let list = TAG;
    server.setHandler((req) => timeline(list, req, server.baseUrl));
    const id = addSource({ baseUrl: server.baseUrl, hashtag: '#ondaline' });

    const first = await engine.runOnce(id);
    expect(first).toMatchObject({ status: 'ok', inserted: 7, complete: true, quarantined: 0 });
    expect(server.requests.map((r) => r.url.searchParams.get('max_id'))).toEqual([
      null,
      TAG[2]!.id,
      TAG[5]!.id,
      TAG[6]!.id,
    ]);
    const firstReq = server.requests[0]!;
    expect(firstReq.path).toBe('/api/v1/timelines/tag/ondaline');
    expect(firstReq.url.searchParams.get('limit')).toBe('40');
    expect(firstReq.url.searchParams.has('since_id')).toBe(false);
    expect(firstReq.headers.authorization).toBeUndefined(); // public timeline, no token configured
    expect(cursorOf(id)).toEqual({ sinceId: TAG[0]!.id, top: null, maxId: null, pages: 0 });
    expect(first.rateLimit).toEqual({
      limit: 300,
      remaining: 299,
      resetAt: Date.parse('2024-11-19T11:00:00.000Z'),
    });

    server.requests.length = 0;
    const second = await engine.runOnce(id);
    expect(second).toMatchObject({ status: 'ok', inserted: 0 });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.url.searchParams.get('since_id')).toBe(TAG[0]!.id);

    list = [...NEWER, ...TAG];
    server.requests.length = 0;
    const third = await engine.runOnce(id);
    expect(third).toMatchObject({ status: 'ok', inserted: 2 });
    // The older page of this run still stops at the stored since_id.
    expect(server.requests[1]!.url.searchParams.get('since_id')).toBe(TAG[0]!.id);
    expect(server.requests[1]!.url.searchParams.get('max_id')).toBe(NEWER[1]!.id);
    expect(cursorOf(id).sinceId).toBe(NEWER[0]!.id);
    expect(mentionCount()).toBe(9);
  });

  it('never follows the Link URL itself: only its max_id, on the configured instance', async () => {
    server.setHandler((req) => {
      const reply = timeline(TAG, req, server.baseUrl);
      const next = /max_id=([^>]+)>; rel="next"/.exec(reply.headers?.link ?? '')?.[1];
      if (next) reply.headers!.link = `<https://evil.example/steal?max_id=${next}>; rel="next"`;
      return reply;
    });
    const report = await engine.runOnce(
      addSource({ baseUrl: server.baseUrl, hashtag: 'ondaline', tokenEnv: 'MASTODON_TOKEN' }),
    );
    expect(report).toMatchObject({ status: 'ok', inserted: 7 });
    expect(server.requests.every((r) => r.path === '/api/v1/timelines/tag/ondaline')).toBe(true);
    expect(server.requests.every((r) => r.headers.authorization === 'Bearer tok-s3cret')).toBe(true);
  });

  it('pages and resumes Pleroma/Akkoma flake ids as opaque strings', async () => {
    server.setHandler((req) => timeline(PLEROMA, req, server.baseUrl, 2));
    const id = addSource({ baseUrl: `${server.baseUrl}/`, hashtag: 'ondaline' });
    expect(await engine.runOnce(id)).toMatchObject({ status: 'ok', inserted: 5 });
    // '9zzz…' sorts before 'AoFQ…' as a string and is not a number: the server alone orders them.
    expect(cursorOf(id).sinceId).toBe('AoFQ9bMbPnuU5WAGMy');
    server.requests.length = 0;
    expect(await engine.runOnce(id)).toMatchObject({ status: 'ok', inserted: 0 });
    expect(server.requests.map((r) => r.url.searchParams.get('since_id'))).toEqual(['AoFQ9bMbPnuU5WAGMy']);
    expect(row(PLEROMA[0]!.uri as string)).toMatchObject({
      author_handle: 'alice@pleroma.example',
      text: 'panne #ondaline ici aussi',
    });
  });

  it('ends the run even on a server that ignores since_id or max_id', async () => {
    server.setHandler((req) => {
      const { body, headers } = timeline(
        TAG,
        { ...req, url: new URL(req.url.pathname, server.baseUrl) },
        server.baseUrl,
      );
      return { body, headers }; // always the newest page, whatever the parameters
    });
    const id = addSource({ baseUrl: server.baseUrl, hashtag: 'ondaline' });
    // max_id ignored: the second page names the same next max_id as the first one → stop.
    expect(await engine.runOnce(id)).toMatchObject({ status: 'ok', inserted: 3, pages: 2, complete: true });
    server.requests.length = 0;
    // since_id ignored: the page holds the stored since_id itself → stop there.
    expect(await engine.runOnce(id)).toMatchObject({ status: 'ok', inserted: 0, pages: 1, complete: true });
  });

  it('bounds the first run of a busy tag to backfillPages', async () => {
    server.setHandler((req) => timeline(TAG, req, server.baseUrl, 2));
    const id = addSource({ baseUrl: server.baseUrl, hashtag: 'ondaline', backfillPages: 2 });
    expect(await engine.runOnce(id)).toMatchObject({ status: 'ok', inserted: 4, pages: 2, complete: true });
    expect(cursorOf(id).sinceId).toBe(TAG[0]!.id);
  });
});

describe('mastodon source: edited settings', () => {
  it('another hashtag starts from its own beginning; a new token or pace keeps the cursor', async () => {
    server.setHandler((req) =>
      req.path.endsWith('/ondaline')
        ? timeline(TAG, req, server.baseUrl)
        : timeline(NEWER, req, server.baseUrl),
    );
    const id = addSource({ baseUrl: server.baseUrl, hashtag: 'ondaline' });
    await engine.runOnce(id);
    const sources = new SourcesRepo(db);
    const save = (config: Record<string, unknown>) =>
      sources.upsert({ id, type: 'mastodon', name: 'Mastodon test', config }, Date.now());

    save({ baseUrl: server.baseUrl, hashtag: 'ondaline', tokenEnv: 'MASTODON_TOKEN', intervalSeconds: 300 });
    expect(cursorOf(id).sinceId).toBe(TAG[0]!.id);

    save({ baseUrl: server.baseUrl, hashtag: 'ondalinegate' });
    expect(sources.get(id)!.cursor).toBeNull();
    server.requests.length = 0;
    const other = await engine.runOnce(id);
    expect(other).toMatchObject({ status: 'ok', inserted: NEWER.length });
    expect(server.requests[0]!.path).toBe('/api/v1/timelines/tag/ondalinegate');
    expect(server.requests[0]!.url.searchParams.has('since_id')).toBe(false);
    expect(mentionCount()).toBe(TAG.length + NEWER.length);
  });
});

describe('mastodon source: search and notifications', () => {
  it('searches statuses with the token, pages with max_id, resumes with min_id', async () => {
    const statuses = fixture<{ statuses: Status[] }>('search-v2.json').statuses;
    server.setHandler((req) => {
      if (req.headers.authorization !== 'Bearer tok-s3cret')
        return { status: 401, body: { error: 'The access token is invalid' } };
      const page = timeline(statuses, req, server.baseUrl, 2);
      return { body: { accounts: [], statuses: page.body, hashtags: [] }, headers: RATE_HEADERS }; // v2 search: no Link
    });
    const id = addSource({ baseUrl: server.baseUrl, search: 'ondaline panne', tokenEnv: 'MASTODON_TOKEN' });
    expect(await engine.runOnce(id)).toMatchObject({ status: 'ok', inserted: 5 });
    const q = server.requests[0]!.url.searchParams;
    expect(server.requests[0]!.path).toBe('/api/v2/search');
    expect([q.get('q'), q.get('type'), q.get('limit')]).toEqual(['ondaline panne', 'statuses', '40']);
    expect(server.requests.map((r) => r.url.searchParams.get('max_id'))).toEqual([
      null,
      statuses[1]!.id,
      statuses[3]!.id,
      statuses[4]!.id,
    ]);

    server.requests.length = 0;
    expect(await engine.runOnce(id)).toMatchObject({ status: 'ok', inserted: 0 });
    expect(server.requests[0]!.url.searchParams.get('min_id')).toBe(statuses[0]!.id);
  });

  it('a search without a token is refused by the instance: auth error, nothing stored', async () => {
    server.setHandler(() => ({ status: 401, body: { error: 'The access token is invalid' } }));
    const report = await engine.runOnce(addSource({ baseUrl: server.baseUrl, search: 'ondaline' }));
    expect(report).toMatchObject({ status: 'auth_error', inserted: 0 });
    expect(report.error?.kind).toBe('auth');
  });

  it('reads mention notifications only, keyed by notification id', async () => {
    server.setHandler((req) => timeline(NOTIFICATIONS, req, server.baseUrl, 2));
    const id = addSource({ baseUrl: server.baseUrl, notifications: true, tokenEnv: 'MASTODON_TOKEN' });
    const report = await engine.runOnce(id);
    expect(report).toMatchObject({ status: 'ok', inserted: 3, quarantined: 0 });
    const req = server.requests[0]!;
    expect(req.path).toBe('/api/v1/notifications');
    expect(req.url.searchParams.getAll('types[]')).toEqual(['mention']);
    expect(req.headers.authorization).toBe('Bearer tok-s3cret');
    expect(cursorOf(id).sinceId).toBe('34975861');
    const texts = (
      db.prepare('SELECT text FROM mentions ORDER BY created_at DESC').all() as { text: string }[]
    ).map((r) => r.text);
    expect(texts).toEqual([
      '@ondaline une estimation du retour ?',
      '@ondaline merci pour le suivi',
      '@ondaline vous pouvez rembourser ?',
    ]);
  });

  it('notifications without a token stop before any request', async () => {
    const report = await engine.runOnce(addSource({ baseUrl: server.baseUrl, notifications: true }));
    expect(report).toMatchObject({ status: 'auth_error', inserted: 0 });
    expect(server.requests).toHaveLength(0);
  });

  it('rejects settings without exactly one of hashtag, search, notifications', async () => {
    const both = await engine.runOnce(
      addSource({ baseUrl: server.baseUrl, hashtag: 'a', search: 'b' }, 'both'),
    );
    expect(both).toMatchObject({ status: 'config_error' });
    expect(both.error?.message).toMatch(/exactly one of hashtag, search or notifications/);
    const none = await engine.runOnce(addSource({ baseUrl: server.baseUrl }, 'none'));
    expect(none.status).toBe('config_error');
    const ftp = await engine.runOnce(addSource({ baseUrl: 'ftp://mastodon.example', hashtag: 'a' }, 'ftp'));
    expect(ftp.status).toBe('config_error');
    // One tag per source: a phrase with spaces and punctuation is not a hashtag.
    const phrase = await engine.runOnce(
      addSource({ baseUrl: server.baseUrl, hashtag: '#ondaline panne!!' }, 'phrase'),
    );
    expect(phrase.status).toBe('config_error');
    expect(phrase.error?.message).toMatch(/one hashtag: letters, digits and _, no spaces/);
    expect(server.requests).toHaveLength(0);
  });
});
