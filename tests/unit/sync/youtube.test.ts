import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open';
import { SourcesRepo } from '../../../main/core/store/sources-repo';
import { SyncEngine, type RunReport } from '../../../main/core/sync/engine';
import { youtubeFormat } from '../../../main/core/sync/formats/youtube';
import { HttpClient } from '../../../main/core/sync/http';
import { Ingestor } from '../../../main/core/sync/ingest';
import { EnvAndFileSecrets } from '../../../main/core/sync/secrets';
import { registerAdapter } from '../../../main/core/sync/sources';
import { nextQuotaReset, youtubeSource, type YouTubeState } from '../../../main/core/sync/sources/youtube';
import { FormatError } from '../../../main/core/sync/types';
import { startPlatformServer, type RecordedRequest, type Reply } from '../../helpers/platform-server';
import { ROOT, tempDir } from '../../helpers/tmp';
import {
  C1,
  C2,
  C3,
  C4,
  CHANNEL,
  EMPTY,
  fixtureText,
  KEY,
  N1,
  NEWER,
  NOW,
  P1,
  P2,
  QUOTA_RESET,
  VIDEO,
  type Thread,
} from './youtube-fixtures';

/** commentThreads.list as Google serves the fixtures: two pages by pageToken (`newer` adds one on top). */
function threads(req: RecordedRequest, opts: { newer?: boolean } = {}): Reply {
  const q = req.url.searchParams;
  if (q.get('key') !== KEY)
    return { status: 400, body: JSON.parse(fixtureText('error-key-invalid.json')) as unknown };
  if (req.path !== '/youtube/v3/commentThreads') return { status: 404, body: { error: { code: 404 } } };
  const token = q.get('pageToken');
  if (!token) return { body: opts.newer ? NEWER : P1 };
  if (token === P1.nextPageToken) return { body: P2 };
  if (token === NEWER.nextPageToken) return { body: P1 };
  return { body: EMPTY };
}

let tmp: ReturnType<typeof tempDir>;
let db: Database.Database;
let engine: SyncEngine;
let server: Awaited<ReturnType<typeof startPlatformServer>>;

beforeAll(() => registerAdapter(youtubeSource));
beforeEach(async () => {
  tmp = tempDir();
  db = openStore(tmp.file('store.db'));
  engine = new SyncEngine({
    db,
    ingestor: new Ingestor(db, () => NOW),
    http: new HttpClient({ timeoutMs: 3000, now: () => NOW }),
    secrets: new EnvAndFileSecrets({ YT_KEY: KEY }),
    now: () => NOW,
  });
  server = await startPlatformServer((req) => threads(req));
});
afterEach(async () => {
  await server.close();
  db.close();
  tmp.cleanup();
});

function addSource(config: Record<string, unknown> = {}, id = 'yt'): string {
  const full = { baseUrl: server.baseUrl, videoId: VIDEO, tokenEnv: 'YT_KEY', ...config };
  new SourcesRepo(db).create(
    { id, type: 'youtube', name: 'YouTube test', config: full, status: 'idle' },
    NOW,
  );
  return id;
}
const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
const mentionCount = () => count('SELECT COUNT(*) AS n FROM mentions');
const cursorOf = (id: string) => JSON.parse(new SourcesRepo(db).get(id)!.cursor!) as YouTubeState;
const row = (externalId: string) =>
  db.prepare('SELECT * FROM mentions WHERE external_id = ?').get(externalId) as Record<string, unknown>;
const markOf = (t: Thread) => ({ at: Date.parse(t.snippet.topLevelComment.snippet.publishedAt), id: t.id });

/** The key appears nowhere the app shows or keeps: report, source row (error, cursor), quarantine. */
function expectKeyNowhere(report: RunReport, id: string): void {
  expect(JSON.stringify(report)).not.toContain(KEY);
  expect(JSON.stringify(new SourcesRepo(db).get(id))).not.toContain(KEY);
  expect(JSON.stringify(db.prepare('SELECT * FROM quarantine').all())).not.toContain(KEY);
}

describe('youtube source: comment threads', () => {
  it('pages by pageToken, then stops at the last run newest comment (second run: 0 new)', async () => {
    let newer = false;
    server.setHandler((req) => threads(req, { newer }));
    const id = addSource();

    const first = await engine.runOnce(id);
    expect(first).toMatchObject({ status: 'ok', inserted: 5, pages: 2, complete: true, quarantined: 0 });
    const q = server.requests[0]!.url.searchParams;
    expect(server.requests[0]!.path).toBe('/youtube/v3/commentThreads');
    expect(Object.fromEntries(q)).toEqual({
      part: 'snippet',
      videoId: VIDEO,
      maxResults: '100',
      order: 'time',
      textFormat: 'plainText',
      key: KEY,
    });
    expect(server.requests[1]!.url.searchParams.get('pageToken')).toBe(P1.nextPageToken);
    expect(cursorOf(id)).toEqual({ mark: markOf(C1!), top: null, pageToken: null, pages: 0 });
    expectKeyNowhere(first, id);

    server.requests.length = 0;
    expect(await engine.runOnce(id)).toMatchObject({ status: 'ok', inserted: 0, pages: 1 });
    expect(server.requests).toHaveLength(1);

    newer = true;
    const third = await engine.runOnce(id);
    expect(third).toMatchObject({ status: 'ok', inserted: 1, duplicates: 2, pages: 1 });
    expect(cursorOf(id).mark).toEqual(markOf(N1!));
    expect(row(C1!.id)).toMatchObject({ likes: 20, replies: 5 }); // counters refreshed
    expect(mentionCount()).toBe(6);
  });

  it('normalizes comments: plain textOriginal, @handle, comment link on the video', async () => {
    await engine.runOnce(addSource());
    expect(row(C1!.id)).toMatchObject({
      id: `youtube:${C1!.id}`,
      platform: 'youtube',
      url: `https://www.youtube.com/watch?v=${VIDEO}&lc=${C1!.id}`,
      author_handle: 'ClaireMartin',
      author_name: '@ClaireMartin',
      text: 'Toujours aucune connexion à Lyon 3e depuis 8h.\nLe SAV ne répond pas & la page de statut dit que tout va bien.',
      created_at: Date.parse('2024-11-19T10:48:30Z'),
      likes: 12,
      replies: 2,
      shares: 0,
    });
    // Plain text stays what the author typed: never parsed as HTML.
    expect(row(C2!.id).text).toBe('Regardez ça <script>alert(1)</script> <b>pas du gras</b>');
    // No display name: the channel id stands in.
    expect(row(C4!.id)).toMatchObject({ author_handle: 'UCaaaaaaaaaaaaaaaaaaaaa3', author_name: null });
    expect(row(C3!.id).author_handle).toBe('Ondaline');
  });

  it('reads all the threads of a channel with allThreadsRelatedToChannelId', async () => {
    const report = await engine.runOnce(addSource({ videoId: undefined, channelId: CHANNEL }));
    expect(report).toMatchObject({ status: 'ok', inserted: 5 });
    const q = server.requests[0]!.url.searchParams;
    expect([q.get('allThreadsRelatedToChannelId'), q.has('videoId')]).toEqual([CHANNEL, false]);
  });

  it('needs an API key: no request without one', async () => {
    const report = await engine.runOnce(addSource({ tokenEnv: undefined }));
    expect(report).toMatchObject({ status: 'auth_error' });
    expect(report.error?.message).toMatch(/API key/);
    expect(server.requests).toHaveLength(0);
  });

  it('rejects settings without exactly one of videoId or channelId', async () => {
    for (const [name, config] of [
      ['both', { channelId: CHANNEL }],
      ['none', { videoId: undefined }],
      ['bad-video', { videoId: 'not a video' }],
      ['bad-channel', { videoId: undefined, channelId: 'ondaline' }],
    ] as const) {
      expect((await engine.runOnce(addSource(config, name))).status, name).toBe('config_error');
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe('youtube source: errors read from Google error bodies', () => {
  it('403 quotaExceeded is a rate limit until midnight Pacific time, not an auth error', async () => {
    server.setHandler(() => ({ status: 403, body: JSON.parse(fixtureText('error-quota.json')) as unknown }));
    const id = addSource();
    const report = await engine.runOnce(id);
    expect(report).toMatchObject({ status: 'rate_limited', retryAt: QUOTA_RESET, inserted: 0 });
    expect(report.error?.message).toMatch(/quota/);
    expect(new SourcesRepo(db).get(id)!.cursor).toBeNull();
    expectKeyNowhere(report, id);
  });

  it('the quota reset follows Pacific daylight saving time', () => {
    const at = (iso: string) => new Date(nextQuotaReset(Date.parse(iso))).toISOString();
    expect(at('2024-11-19T12:00:00Z')).toBe('2024-11-20T08:00:00.000Z'); // PST
    expect(at('2024-07-01T12:00:00Z')).toBe('2024-07-02T07:00:00.000Z'); // PDT
    expect(at('2024-11-02T12:00:00Z')).toBe('2024-11-03T07:00:00.000Z'); // midnight still PDT
    expect(at('2024-11-03T07:30:00Z')).toBe('2024-11-04T08:00:00.000Z'); // just after: PST from now on
    expect(at('2024-03-10T07:30:00Z')).toBe('2024-03-10T08:00:00.000Z'); // 23:30 PST the day before
  });

  it.each([
    ['403 commentsDisabled', 403, 'error-comments-disabled.json', 'config_error', /disabled/],
    ['400 API_KEY_INVALID', 400, 'error-key-invalid.json', 'auth_error', /API key/],
    ['403 forbidden', 403, 'error-forbidden.json', 'auth_error', /credentials/],
  ] as const)('%s → %s', async (_name, status, file, expected, message) => {
    server.setHandler(() => ({ status, body: JSON.parse(fixtureText(file)) as unknown }));
    const id = addSource();
    const report = await engine.runOnce(id);
    expect(report.status).toBe(expected);
    expect(report.error?.message).toMatch(message);
    expectKeyNowhere(report, id);
  });

  it('a wrong key as the server sees it: auth error, and the key is not echoed', async () => {
    const id = addSource({ tokenEnv: 'OTHER_KEY' });
    const other = new SyncEngine({
      db,
      ingestor: new Ingestor(db),
      http: new HttpClient({ timeoutMs: 3000 }),
      secrets: new EnvAndFileSecrets({ OTHER_KEY: KEY.replace('AIza', 'AIzb') }),
    });
    const report = await other.runOnce(id);
    expect(report.status).toBe('auth_error');
    expect(JSON.stringify(report)).not.toContain('AIzb');
    expect(JSON.stringify(new SourcesRepo(db).get(id))).not.toContain('AIzb');
  });

  it.each([
    [
      'HTTP 429 with Retry-After',
      'rate_limited',
      { status: 429, body: { error: { code: 429 } }, headers: { 'retry-after': '30' } },
    ],
    [
      'HTTP 500',
      'server',
      {
        status: 500,
        body: { error: { code: 500, message: 'Backend Error', errors: [{ reason: 'backendError' }] } },
      },
    ],
    ['HTTP 503 HTML', 'server', { status: 503, body: '<html><body>Service Unavailable</body></html>' }],
    [
      'an HTML page with 200',
      'bad_response',
      {
        body: '<!DOCTYPE html><html><title>Google</title></html>',
        headers: { 'content-type': 'text/html; charset=UTF-8' },
      },
    ],
    [
      'JSON cut short',
      'bad_response',
      { body: JSON.stringify(P1).slice(0, 900), headers: { 'content-type': 'application/json' } },
    ],
    ['JSON cut by a dropped connection', 'offline', { body: P1, truncateAt: 900 }],
    ['a reset connection', 'offline', { reset: true }],
    ['a list of something else', 'bad_response', { body: { kind: 'youtube#videoListResponse', items: [] } }],
  ] as [string, string, Reply][])('%s → %s, nothing stored, key nowhere', async (_name, kind, reply) => {
    server.setHandler(() => reply);
    const id = addSource();
    const report = await engine.runOnce(id);
    expect(report.error?.kind).toBe(kind);
    if (kind === 'rate_limited') expect(report.retryAt).toBe(NOW + 30_000);
    expect(mentionCount()).toBe(0);
    expect(new SourcesRepo(db).get(id)!.cursor).toBeNull();
    expectKeyNowhere(report, id);
  });

  it('a run that fails on page 2 keeps page 1 and resumes from its pageToken', async () => {
    let fail = true;
    server.setHandler((req) =>
      fail && req.url.searchParams.get('pageToken')
        ? { status: 500, body: { error: { code: 500 } } }
        : threads(req),
    );
    const id = addSource();
    expect(await engine.runOnce(id)).toMatchObject({ status: 'error', inserted: 3 });
    expect(cursorOf(id)).toEqual({ mark: null, top: markOf(C1!), pageToken: P1.nextPageToken, pages: 1 });
    fail = false;
    server.requests.length = 0;
    expect(await engine.runOnce(id)).toMatchObject({ status: 'ok', inserted: 2 });
    expect(server.requests[0]!.url.searchParams.get('pageToken')).toBe(P1.nextPageToken);
    expect(cursorOf(id).mark).toEqual(markOf(C1!));
  });
});

describe('youtube bad records and file format', () => {
  const ctx = { now: NOW, fileName: 'threads.json' };

  it('quarantines malformed threads with their reason and stores the rest', async () => {
    server.setHandler(() => ({ body: JSON.parse(fixtureText('malformed.json')) as unknown }));
    const id = addSource();
    const report = await engine.runOnce(id);
    expect(report).toMatchObject({ status: 'ok', inserted: 2, quarantined: 6 });
    const reasons = (
      db.prepare('SELECT reason FROM quarantine ORDER BY id').all() as { reason: string }[]
    ).map((r) => r.reason);
    expect(reasons).toEqual([
      'YouTube: comment without a valid id',
      'YouTube: comment UgBadDate: unreadable publishedAt "hier"',
      'YouTube: comment UgNoDate has no publishedAt',
      'YouTube: comment UgNoText has no text',
      'YouTube: record without snippet',
      'YouTube: record without snippet',
    ]);
    // Without textOriginal, an HTML textDisplay is turned into plain text.
    expect(row('UgHtmlOnly').text).toBe('Lien : ici [https://x.example] & là');
    expectKeyNowhere(report, id);
  });

  it('reads replies (part=replies) and comment lists too', () => {
    const r = youtubeFormat.parse(fixtureText('threads-with-replies.json'), ctx);
    expect(r.mentions.map((m) => m.authorHandle)).toEqual(['ClaireMartin', 'lea_k']);
    expect(r.mentions[1]!.url).toBe(
      `https://www.youtube.com/watch?v=${VIDEO}&lc=UgzKx1gW8mZ4a9bC7Ap4AaABAg.A1b2C3d4E5f6G7h8`,
    );
    const list = {
      kind: 'youtube#commentListResponse',
      items: [
        (
          JSON.parse(fixtureText('threads-with-replies.json')) as {
            items: { replies: { comments: unknown[] } }[];
          }
        ).items[0]!.replies.comments[0],
      ],
    };
    expect(youtubeFormat.parse(JSON.stringify(list), ctx).mentions).toHaveLength(1);
  });

  it('recognises saved YouTube responses, and not the other platforms', () => {
    for (const name of [
      'threads-p1.json',
      'threads-p2.json',
      'threads-newer.json',
      'threads-with-replies.json',
      'malformed.json',
    ]) {
      expect(youtubeFormat.sniff(fixtureText(name), name), name).toBe(true);
    }
    const other = (p: string) => fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', p), 'utf8');
    for (const p of [
      'mastodon/tag-timeline.json',
      'bluesky/search-posts.json',
      'twitter/search-recent-p1.json',
      'reddit/search-p1.json',
      'facebook/page-feed.json',
      'youtube/error-quota.json',
    ]) {
      expect(youtubeFormat.sniff(other(p), p), p).toBe(false);
    }
  });

  it('parses saved pages exactly as the HTTP source does', async () => {
    await engine.runOnce(addSource());
    const fromFiles = ['threads-p1.json', 'threads-p2.json'].flatMap(
      (n) => youtubeFormat.parse(fixtureText(n), ctx).mentions,
    );
    const stored = db
      .prepare(
        'SELECT id, text, author_handle AS authorHandle, url, created_at AS createdAt FROM mentions ORDER BY created_at DESC',
      )
      .all();
    expect(
      fromFiles.map(({ id, text, authorHandle, url, createdAt }) => ({
        id,
        text,
        authorHandle,
        url,
        createdAt,
      })),
    ).toEqual(stored);
  });

  it('throws FormatError on bodies that are not comment lists', () => {
    for (const text of [
      'x',
      fixtureText('error-quota.json'),
      '{"kind":"youtube#videoListResponse","items":[]}',
      '{"items":[{"id":1}]}',
      '[]',
    ]) {
      expect(() => youtubeFormat.parse(text, ctx), text.slice(0, 40)).toThrow(FormatError);
    }
  });
});
