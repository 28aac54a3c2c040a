/** X bad records and bad answers: bearer token, quarantine, rate limits, HTTP and body faults, resuming. */
import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { SourcesRepo } from '../../../main/core/store/sources-repo';
import type { SyncEngine } from '../../../main/core/sync/engine';
import type { Reply } from '../../helpers/platform-server';
import {
  fixtureText,
  P1,
  P2,
  RESET,
  T1,
  TOKEN,
  UNAUTHORIZED,
  recentSearch,
  useTwitterEnv,
  type PlatformServer,
  type Tweet,
} from './twitter-fixtures';

const env = useTwitterEnv();
const { addSource, withToken, mentionCount, cursorOf, row } = env;
let db: Database.Database;
let engine: SyncEngine;
let server: PlatformServer;
beforeEach(() => {
  ({ db, engine, server } = env);
});

describe('x source: recent search', () => {
  it('needs a bearer token: no request without one', async () => {
    const report = await engine.runOnce(addSource({ baseUrl: server.baseUrl, query: 'ondaline' }));
    expect(report).toMatchObject({ status: 'auth_error', inserted: 0 });
    expect(report.error?.message).toMatch(/bearer token/);
    expect(server.requests).toHaveLength(0);
  });

  it('a refused token is an auth error that does not leak the token', async () => {
    server.setHandler(() => UNAUTHORIZED);
    const id = addSource(withToken());
    const report = await engine.runOnce(id);
    expect(report).toMatchObject({ status: 'auth_error', inserted: 0 });
    expect(report.error?.message).not.toContain(TOKEN);
    expect(new SourcesRepo(db).get(id)!.last_error).not.toContain(TOKEN);
  });
});

describe('x source: bad records and bad answers', () => {
  it('quarantines malformed tweets with their reason and stores the rest', async () => {
    const body = fixtureText('malformed.json');
    server.setHandler(() => ({ body: JSON.parse(body) as unknown }));
    const report = await engine.runOnce(addSource(withToken()));
    expect(report).toMatchObject({ status: 'ok', inserted: 2, quarantined: 7 });
    const reasons = db.prepare('SELECT reason, raw_excerpt FROM quarantine ORDER BY id').all() as {
      reason: string;
      raw_excerpt: string;
    }[];
    const ids = (JSON.parse(body) as { data: Tweet[] }).data.map((t) => (typeof t === 'object' ? t.id : t));
    expect(reasons.map((r) => r.reason)).toEqual([
      'X: missing or malformed tweet id',
      'X: missing or malformed tweet id',
      `X: tweet ${ids[3]}: unreadable created_at "hier soir"`,
      `X: tweet ${ids[4]} has no created_at`,
      'X: record is not an object',
      `X: retweet ${ids[6]} without the id of its original`,
      `X: tweet ${ids[7]} has no text`,
    ]);
    expect(reasons[0]!.raw_excerpt).toContain('sans identifiant');
    expect(reasons[4]!.raw_excerpt).toBe('pas un tweet');
    // A username X would never issue is not put into a URL.
    expect(row(ids[8] as string)).toMatchObject({
      author_handle: '42',
      url: `https://x.com/i/web/status/${ids[8]}`,
    });
  });

  it('429 with x-rate-limit-* headers: rate_limited until the epoch-seconds reset, nothing stored', async () => {
    server.setHandler(() => ({
      status: 429,
      body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
      headers: {
        'x-rate-limit-limit': '450',
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': String(RESET),
      },
    }));
    const id = addSource(withToken());
    const report = await engine.runOnce(id);
    expect(report).toMatchObject({ status: 'rate_limited', retryAt: RESET * 1000, inserted: 0 });
    expect(new SourcesRepo(db).get(id)!.cursor).toBeNull();
  });

  it('stops when the window is used up mid-run, keeping its pages, and resumes from next_token', async () => {
    let remaining = 0;
    server.setHandler((req) => {
      const reply = recentSearch(req);
      reply.headers = { ...reply.headers, 'x-rate-limit-remaining': String(remaining) };
      return reply;
    });
    const id = addSource(withToken());
    expect(await engine.runOnce(id)).toMatchObject({
      status: 'rate_limited',
      inserted: 3,
      retryAt: RESET * 1000,
    });
    expect(cursorOf(id)).toMatchObject({
      sinceId: null,
      top: T1!.id,
      nextToken: P1.meta.next_token,
      pages: 1,
    });
    remaining = 400;
    server.requests.length = 0;
    expect(await engine.runOnce(id)).toMatchObject({ status: 'ok', inserted: 3, shares: 1 });
    expect(server.requests[0]!.url.searchParams.get('next_token')).toBe(P1.meta.next_token);
    expect(cursorOf(id).sinceId).toBe(T1!.id);
    expect(mentionCount()).toBe(6);
  });

  it.each([
    ['HTTP 500', 'server', { status: 500, body: '<html><body>Internal Error</body></html>' }],
    ['HTTP 503 over capacity', 'server', { status: 503, body: { title: 'Service Unavailable' } }],
    [
      'an HTML page with 200',
      'bad_response',
      { body: '<!DOCTYPE html><html><title>X</title></html>', headers: { 'content-type': 'text/html' } },
    ],
    [
      'JSON cut short',
      'bad_response',
      { body: JSON.stringify(P1).slice(0, 700), headers: { 'content-type': 'application/json' } },
    ],
    ['JSON cut by a dropped connection', 'offline', { body: P1, truncateAt: 700 }],
    ['a reset connection', 'offline', { reset: true }],
    [
      'a problem object with 200',
      'bad_response',
      { body: { errors: [{ message: 'Sorry, that page does not exist', code: 34 }] } },
    ],
    [
      'HTTP 400 invalid query',
      'config',
      {
        status: 400,
        body: {
          errors: [{ parameters: { query: ['(('] }, message: 'There were errors processing your request' }],
          title: 'Invalid Request',
          type: 'https://api.twitter.com/2/problems/invalid-request',
        },
      },
    ],
  ] as [string, string, Reply][])('%s → %s, nothing stored, cursor unchanged', async (_name, kind, reply) => {
    server.setHandler(() => reply);
    const id = addSource(withToken());
    const report = await engine.runOnce(id);
    expect(report.error?.kind).toBe(kind);
    expect(report.error?.message).not.toContain(TOKEN);
    expect(mentionCount()).toBe(0);
    expect(new SourcesRepo(db).get(id)!.cursor).toBeNull();
  });

  it('a run that fails mid-way keeps its pages and resumes where it stopped', async () => {
    let fail = true;
    server.setHandler((req) =>
      fail && req.url.searchParams.get('next_token') === P2.meta.next_token
        ? { status: 502, body: 'Bad gateway' }
        : recentSearch(req),
    );
    const id = addSource(withToken());
    expect(await engine.runOnce(id)).toMatchObject({ status: 'error', inserted: 5, shares: 2 });
    expect(cursorOf(id)).toMatchObject({
      sinceId: null,
      top: T1!.id,
      nextToken: P2.meta.next_token,
      pages: 2,
    });
    fail = false;
    expect(await engine.runOnce(id)).toMatchObject({ status: 'ok', inserted: 1 });
    expect(cursorOf(id)).toEqual({ sinceId: T1!.id, top: null, nextToken: null, pages: 0 });
    expect(mentionCount()).toBe(6);
  });
});
