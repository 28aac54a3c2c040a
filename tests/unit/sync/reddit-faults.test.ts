/** Reddit bad records and bad answers: quarantine, closed subreddits, rate limits, HTTP and body faults. */
import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { SourcesRepo } from '../../../main/core/store/sources-repo';
import type { SyncEngine } from '../../../main/core/sync/engine';
import type { Reply } from '../../helpers/platform-server';
import {
  A,
  fixtureText,
  listingPages,
  markOf,
  NOW,
  P1,
  useRedditEnv,
  type PlatformServer,
} from './reddit-fixtures';

const env = useRedditEnv();
const { addSource, mentionCount, cursorOf, row } = env;
let db: Database.Database;
let engine: SyncEngine;
let server: PlatformServer;
beforeEach(() => {
  ({ db, engine, server } = env);
});

describe('reddit source: bad records and bad answers', () => {
  it('quarantines malformed children with their reason, skips non-mentions, stores the rest', async () => {
    server.setHandler(() => ({ body: JSON.parse(fixtureText('malformed.json')) as unknown }));
    const report = await engine.runOnce(addSource({ baseUrl: server.baseUrl, search: 'ondaline' }));
    expect(report).toMatchObject({ status: 'ok', inserted: 2, quarantined: 7 });
    const reasons = (
      db.prepare('SELECT reason FROM quarantine ORDER BY id').all() as { reason: string }[]
    ).map((r) => r.reason);
    expect(reasons).toEqual([
      'Reddit: post without name or id',
      'Reddit: post t3_1guwbad: unreadable created_utc "hier"',
      'Reddit: post t3_1guwnod has no created_utc',
      'Reddit: post t3_1guwnot has no title',
      'Reddit: comment t1_lxynob has no body',
      'Reddit: record without kind and data',
      'Reddit: record without kind and data',
    ]);
    // A post without `name` is still known by its id.
    expect(row('t3_1guxa1f')).toMatchObject({ author_handle: 'nico_p' });
  });

  it.each([
    ['private', 403, /private/],
    ['quarantined', 403, /quarantined/],
    ['banned', 404, /banned/],
  ] as const)(
    'a %s subreddit is a settings problem, not bad credentials',
    async (reason, status, message) => {
      server.setHandler(() => ({ status, body: { reason, message: 'Forbidden', error: status } }));
      const report = await engine.runOnce(addSource({ baseUrl: server.baseUrl, subreddit: 'secret_club' }));
      expect(report).toMatchObject({ status: 'config_error', inserted: 0 });
      expect(report.error?.message).toMatch(message);
    },
  );

  it('a 403 without a Reddit reason stays an auth error', async () => {
    server.setHandler(() => ({
      status: 403,
      body: '<html><body>blocked</body></html>',
      headers: { 'content-type': 'text/html' },
    }));
    expect((await engine.runOnce(addSource({ baseUrl: server.baseUrl, search: 'x' }))).status).toBe(
      'auth_error',
    );
  });

  it('429 with x-ratelimit-reset in seconds from now: rate_limited until then, nothing stored', async () => {
    server.setHandler(() => ({
      status: 429,
      body: { message: 'Too Many Requests', error: 429 },
      headers: { 'x-ratelimit-used': '100', 'x-ratelimit-remaining': '0.0', 'x-ratelimit-reset': '187' },
    }));
    const id = addSource({ baseUrl: server.baseUrl, search: 'ondaline' });
    const report = await engine.runOnce(id);
    expect(report).toMatchObject({ status: 'rate_limited', retryAt: NOW + 187_000, inserted: 0 });
    expect(new SourcesRepo(db).get(id)!.cursor).toBeNull();
  });

  it.each([
    ['HTTP 500', 'server', { status: 500, body: { message: 'Internal Server Error', error: 500 } }],
    [
      'the "whoa there, pardner!" HTML page with 200',
      'bad_response',
      {
        body: '<!doctype html><html><title>Reddit - Whoa there, pardner!</title></html>',
        headers: { 'content-type': 'text/html' },
      },
    ],
    [
      'JSON cut short',
      'bad_response',
      { body: JSON.stringify(P1).slice(0, 800), headers: { 'content-type': 'application/json' } },
    ],
    ['JSON cut by a dropped connection', 'offline', { body: P1, truncateAt: 800 }],
    ['an error object with 200', 'bad_response', { body: { message: 'Not Found', error: 404 } }],
  ] as [string, string, Reply][])('%s → %s, nothing stored, cursor unchanged', async (_name, kind, reply) => {
    server.setHandler(() => reply);
    const id = addSource({ baseUrl: server.baseUrl, search: 'ondaline' });
    const report = await engine.runOnce(id);
    expect(report.error?.kind).toBe(kind);
    expect(mentionCount()).toBe(0);
    expect(new SourcesRepo(db).get(id)!.cursor).toBeNull();
  });

  it('a run that fails mid-way keeps its pages and resumes at the stored after', async () => {
    let fail = true;
    server.setHandler((req) =>
      fail && req.url.searchParams.get('after') === P1.data.after
        ? { status: 503, body: 'busy' }
        : listingPages(req),
    );
    const id = addSource({ baseUrl: server.baseUrl, search: 'ondaline' });
    expect(await engine.runOnce(id)).toMatchObject({ status: 'error', inserted: 2 });
    expect(cursorOf(id)).toEqual({ mark: null, top: markOf(A!), after: P1.data.after, pages: 1 });
    fail = false;
    expect(await engine.runOnce(id)).toMatchObject({ status: 'ok', inserted: 3 });
    expect(cursorOf(id).mark).toEqual(markOf(A!));
  });
});
