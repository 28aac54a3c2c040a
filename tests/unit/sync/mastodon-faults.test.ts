/** Mastodon bad records and bad answers: quarantine, rate limits, HTTP and body faults, resuming. */
import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { SourcesRepo } from '../../../main/core/store/sources-repo';
import type { SyncEngine } from '../../../main/core/sync/engine';
import { HttpClient, SyncError } from '../../../main/core/sync/http';
import type { Reply } from '../../helpers/platform-server';
import { fixture, TAG, timeline, useMastodonEnv, type PlatformServer } from './mastodon-fixtures';

const env = useMastodonEnv();
const { addSource, mentionCount, cursorOf } = env;
let db: Database.Database;
let engine: SyncEngine;
let server: PlatformServer;
beforeEach(() => {
  ({ db, engine, server } = env);
});

describe('mastodon source: bad records and bad answers', () => {
  it('quarantines malformed statuses with their reason and stores the rest', async () => {
    const malformed = fixture<unknown[]>('malformed.json');
    server.setHandler((req) => (req.url.searchParams.has('max_id') ? { body: [] } : { body: malformed }));
    const report = await engine.runOnce(addSource({ baseUrl: server.baseUrl, hashtag: 'ondaline' }));
    expect(report).toMatchObject({ status: 'ok', inserted: 2, quarantined: 5 });
    const reasons = db.prepare('SELECT reason, raw_excerpt FROM quarantine ORDER BY id').all() as {
      reason: string;
      raw_excerpt: string;
    }[];
    expect(reasons.map((r) => r.reason)).toEqual([
      'Mastodon: missing id',
      'Mastodon: status 113512800000000041 has no account',
      'Mastodon: status 113512800000000042 has no created_at',
      'Mastodon: status 113512800000000043: unreadable created_at "mardi dernier"',
      'Mastodon: record is not an object',
    ]);
    expect(reasons[4]!.raw_excerpt).toBe('not a status');
    expect(reasons[0]!.raw_excerpt).toContain('Box qui clignote rouge');
  });

  it('429 with X-RateLimit-* headers: rate_limited until the ISO reset, nothing stored', async () => {
    server.setHandler(() => ({
      status: 429,
      body: { error: 'Too many requests' },
      headers: {
        'x-ratelimit-limit': '300',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': '2024-11-19T11:05:00.180307Z',
      },
    }));
    const reset = Date.parse('2024-11-19T11:05:00.180Z');
    const http = new HttpClient();
    const err = await http.get({ url: `${server.baseUrl}/api/v1/timelines/tag/x` }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyncError);
    expect(err).toMatchObject({ kind: 'rate_limited', retryAt: reset, status: 429 });

    const id = addSource({ baseUrl: server.baseUrl, hashtag: 'ondaline' });
    const report = await engine.runOnce(id);
    expect(report).toMatchObject({ status: 'rate_limited', retryAt: reset, inserted: 0 });
    expect(new SourcesRepo(db).get(id)!.cursor).toBeNull();
  });

  it.each([
    ['HTTP 500', 'server', { status: 500, body: '<html><body>We are sorry</body></html>' }],
    [
      'an HTML maintenance page with 200',
      'bad_response',
      {
        body: '<!DOCTYPE html><html><title>Maintenance</title></html>',
        headers: { 'content-type': 'text/html' },
      },
    ],
    [
      'JSON cut short (complete response)',
      'bad_response',
      { body: JSON.stringify(TAG).slice(0, 900), headers: { 'content-type': 'application/json' } },
    ],
    ['JSON cut by a dropped connection', 'offline', { body: TAG, truncateAt: 900 }],
    [
      'an error object instead of a list',
      'bad_response',
      { body: { error: 'This method requires an authenticated user' } },
    ],
  ] as [string, string, Reply][])('%s → %s, nothing stored, cursor unchanged', async (_name, kind, reply) => {
    server.setHandler(() => reply);
    const id = addSource({ baseUrl: server.baseUrl, hashtag: 'ondaline' });
    const report = await engine.runOnce(id);
    expect(report.error?.kind).toBe(kind);
    expect(report.inserted).toBe(0);
    expect(mentionCount()).toBe(0);
    expect(new SourcesRepo(db).get(id)!.cursor).toBeNull();
  });

  it('a run that fails mid-way keeps its pages and resumes where it stopped (nothing lost)', async () => {
    let failOlder = true;
    server.setHandler((req) =>
      failOlder && req.url.searchParams.get('max_id') === TAG[2]!.id
        ? { status: 502, body: 'Bad gateway' }
        : timeline(TAG, req, server.baseUrl),
    );
    const id = addSource({ baseUrl: server.baseUrl, hashtag: 'ondaline' });
    expect(await engine.runOnce(id)).toMatchObject({ status: 'error', inserted: 3 });
    expect(cursorOf(id)).toEqual({ sinceId: null, top: TAG[0]!.id, maxId: TAG[2]!.id, pages: 1 });

    failOlder = false;
    server.requests.length = 0;
    expect(await engine.runOnce(id)).toMatchObject({ status: 'ok', inserted: 4 });
    expect(server.requests[0]!.url.searchParams.get('max_id')).toBe(TAG[2]!.id);
    expect(cursorOf(id).sinceId).toBe(TAG[0]!.id);
    expect(mentionCount()).toBe(7);
  });
});
