import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open';
import { SourcesRepo } from '../../../main/core/store/sources-repo';
import { SyncEngine } from '../../../main/core/sync/engine';
import { mastodonFormat } from '../../../main/core/sync/formats/mastodon';
import { HttpClient, SyncError, type HttpResponse } from '../../../main/core/sync/http';
import { Ingestor } from '../../../main/core/sync/ingest';
import { EnvAndFileSecrets } from '../../../main/core/sync/secrets';
import { registerAdapter } from '../../../main/core/sync/sources';
import {
  linkParam,
  mastodonSource,
  type MastodonConfig,
  type MastodonState,
} from '../../../main/core/sync/sources/mastodon';
import { FormatError, type ParseResult } from '../../../main/core/sync/types';
import { startPlatformServer, type RecordedRequest, type Reply } from '../../helpers/platform-server';
import { ROOT, tempDir } from '../../helpers/tmp';

type Status = { id: string } & Record<string, unknown>;
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'mastodon');
const fixtureText = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const fixture = <T = Status[]>(name: string) => JSON.parse(fixtureText(name)) as T;

const TAG = fixture('tag-timeline.json');
const NEWER = fixture('tag-timeline-newer.json');
const PLEROMA = fixture('pleroma-tag.json');
const NOTIFICATIONS = fixture('notifications.json');
const RATE_HEADERS = {
  'x-ratelimit-limit': '300',
  'x-ratelimit-remaining': '299',
  'x-ratelimit-reset': '2024-11-19T11:00:00.000Z',
};

/**
 * Serves `list` (newest first) the way Mastodon pages a timeline: since_id/max_id bounds, at most
 * `pageSize` items, and a Link header (next = max_id of the oldest, prev = min_id of the newest).
 * Ids are located by position, never compared, like Pleroma's flake ids require.
 */
function timeline(list: Status[], req: RecordedRequest, baseUrl: string, pageSize = 3): Reply {
  const q = req.url.searchParams;
  const maxId = q.get('max_id');
  const sinceId = q.get('since_id') ?? q.get('min_id');
  const start = maxId ? list.findIndex((s) => s.id === maxId) + 1 : 0;
  const sinceAt = sinceId ? list.findIndex((s) => s.id === sinceId) : -1;
  const end = sinceAt >= 0 ? sinceAt : list.length;
  const limit = Math.min(Number(q.get('limit') ?? 20), pageSize);
  const page = list.slice(start, Math.max(start, Math.min(end, start + limit)));
  const headers: Record<string, string> = { ...RATE_HEADERS };
  if (page.length > 0) {
    const here = `${baseUrl}${req.path}`;
    headers.link = `<${here}?max_id=${page[page.length - 1]!.id}>; rel="next", <${here}?min_id=${page[0]!.id}>; rel="prev"`;
  }
  return { body: page, headers };
}

let tmp: ReturnType<typeof tempDir>;
let db: Database.Database;
let engine: SyncEngine;
let server: Awaited<ReturnType<typeof startPlatformServer>>;
let ingestor: Ingestor;

beforeAll(() => registerAdapter(mastodonSource));
beforeEach(async () => {
  tmp = tempDir();
  db = openStore(tmp.file('store.db'));
  ingestor = new Ingestor(db);
  engine = new SyncEngine({
    db,
    ingestor,
    http: new HttpClient({ timeoutMs: 3000 }),
    secrets: new EnvAndFileSecrets({ MASTODON_TOKEN: 'tok-s3cret' }),
  });
  server = await startPlatformServer(() => ({ status: 404, body: { error: 'Record not found' } }));
});
afterEach(async () => {
  await server.close();
  db.close();
  tmp.cleanup();
});

function addSource(config: Record<string, unknown>, id = 'masto'): string {
  new SourcesRepo(db).create(
    { id, type: 'mastodon', name: 'Mastodon test', config, status: 'idle' },
    Date.now(),
  );
  return id;
}
const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
const mentionCount = () => count('SELECT COUNT(*) AS n FROM mentions');
const cursorOf = (id: string) => JSON.parse(new SourcesRepo(db).get(id)!.cursor!) as MastodonState;
const row = (externalId: string) =>
  db.prepare('SELECT * FROM mentions WHERE external_id = ?').get(externalId) as Record<string, unknown>;

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

  it('normalizes statuses: uri as stable id, full handle, counters, language, plain text', async () => {
    server.setHandler((req) => timeline(TAG, req, server.baseUrl));
    await engine.runOnce(addSource({ baseUrl: server.baseUrl, hashtag: 'ondaline' }));

    const claire = row('https://piaille.fr/users/claire_m/statuses/113512860240992089');
    expect(claire).toMatchObject({
      id: 'mastodon:https://piaille.fr/users/claire_m/statuses/113512860240992089',
      platform: 'mastodon',
      url: 'https://piaille.fr/@claire_m/113512860240992089',
      author_handle: 'claire_m@piaille.fr',
      author_name: 'Claire Martin',
      author_followers: 842,
      likes: 12,
      shares: 4,
      replies: 2,
      lang: 'fr',
      created_at: Date.parse('2024-11-19T10:41:12.000Z'),
      text: 'Toujours aucune connexion à Lyon 3e depuis 8h. #ondaline\nLe SAV ne répond pas.',
    });
    // A local account (acct without domain) gets its instance's host; links keep their full URL.
    const brand = row('https://mastodon.example/users/ondaline/statuses/113512840000000005');
    expect(brand.author_handle).toBe('ondaline@mastodon.example');
    expect(brand.text).toBe(
      'Nous rencontrons un incident sur notre cœur de réseau. Suivi : https://www.ondaline.example/statut/incident-2024-11-19 #ondaline',
    );
    // Content warning in front; empty display name and missing language become null.
    const cw = row(TAG[4]!.uri as string);
    expect(cw.text).toBe('CW: coup de gueule\n\n#ondaline chez moi aussi');
    const anon = row(TAG[2]!.uri as string);
    // No language on the status: detected from the text at ingest.
    expect(anon).toMatchObject({ author_name: null, lang: 'fr', author_handle: 'b0b@mamot.fr' });
    // @mentions read as text, not as links.
    expect(row(TAG[5]!.uri as string).text).toBe("Quelqu'un d'autre en panne ? #ondaline @ondaline");
  });

  it('stores hostile HTML as inert plain text', async () => {
    server.setHandler((req) => timeline(TAG, req, server.baseUrl));
    await engine.runOnce(addSource({ baseUrl: server.baseUrl, hashtag: 'ondaline' }));
    const troll = row(TAG[1]!.uri as string);
    const text = troll.text as string;
    expect(text).toBe('Regardez ça <script>alert(2)</script> #ondaline');
    // The live <script> and <img onerror> elements are gone; what remains is the text the author typed
    // (entity-escaped in the HTML), which the UI renders as text.
    expect(text).not.toMatch(/alert\(1\)|onerror|<img/i);
    expect(troll.author_name).toBe('<b>Not bold</b>'); // display_name is plain text in the API
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
    expect(server.requests).toHaveLength(0);
  });
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

describe('mastodon boosts', () => {
  it('stores the boosted original once and counts each boost once, even when seen twice', () => {
    const text = fixtureText('boosts.json');
    const parsed = mastodonFormat.parse(text, { now: 0, fileName: 'home.json' });
    const original = `mastodon:${TAG[3]!.uri as string}`;
    expect(parsed.mentions.map((m) => m.id)).toEqual([
      original,
      `mastodon:${TAG[5]!.uri as string}`,
      original,
    ]);
    expect(parsed.shares).toEqual([
      {
        id: 'mastodon:https://piaille.fr/users/claire_m/statuses/113512880000000031/activity',
        originalId: original,
        createdAt: Date.parse('2024-11-19T10:47:00.000Z'),
      },
      {
        id: 'mastodon:https://framapiaf.org/users/jules/statuses/113512875000000030/activity',
        originalId: original,
        createdAt: Date.parse('2024-11-19T10:45:00.000Z'),
      },
    ]);
    const first = ingestor.ingestResult(parsed);
    expect(first).toMatchObject({ shares: 2, quarantined: 0 });
    expect(first.inserted).toHaveLength(2);
    const again = ingestor.ingestResult(mastodonFormat.parse(text, { now: 0, fileName: 'home.json' }));
    expect(again).toMatchObject({ inserted: [], shares: 0 });
    expect(count('SELECT COUNT(*) AS n FROM mention_shares')).toBe(2);
    expect(count(`SELECT COUNT(*) AS n FROM mentions WHERE id = '${original}'`)).toBe(1);
    // The original's own counter (180 boosts platform-wide) is never lowered by our two.
    expect(row(TAG[3]!.uri as string).shares).toBe(180);
  });
});

describe('mastodon file format', () => {
  const ctx = { now: 0, fileName: 'saved.json' };

  it('recognises saved timelines, search results and notifications, and nothing else', () => {
    for (const name of [
      'tag-timeline.json',
      'search-v2.json',
      'notifications.json',
      'pleroma-tag.json',
      'boosts.json',
    ]) {
      expect(mastodonFormat.sniff(fixtureText(name), name), name).toBe(true);
    }
    const bluesky = fs.readFileSync(
      path.join(ROOT, 'tests', 'fixtures', 'bluesky', 'search-posts.json'),
      'utf8',
    );
    for (const text of [
      bluesky,
      '{"data":[{"id":"1","created_at":"2024"}]}',
      'id,created_at,account\n1,2,3',
      '',
      '<html>',
    ]) {
      expect(mastodonFormat.sniff(text, 'x.json'), text.slice(0, 30)).toBe(false);
    }
  });

  it('parses a saved body exactly as the HTTP source does', async () => {
    server.setHandler((req) => timeline(TAG, req, server.baseUrl, 40));
    await engine.runOnce(addSource({ baseUrl: server.baseUrl, hashtag: 'ondaline' }));
    const fromFile = mastodonFormat.parse(fixtureText('tag-timeline.json'), ctx);
    const stored = db
      .prepare(
        'SELECT id, text, author_handle AS authorHandle, created_at AS createdAt FROM mentions ORDER BY created_at DESC',
      )
      .all();
    expect(
      fromFile.mentions.map(({ id, text, authorHandle, createdAt }) => ({
        id,
        text,
        authorHandle,
        createdAt,
      })),
    ).toEqual(stored);
    expect(mastodonFormat.parse(fixtureText('search-v2.json'), ctx).mentions).toHaveLength(5);
    expect(mastodonFormat.parse(fixtureText('notifications.json'), ctx).mentions).toHaveLength(3);
    expect(mastodonFormat.parse('[]', ctx)).toEqual({ mentions: [], shares: [], quarantined: [] });
  });

  it('throws FormatError on bodies that are not Mastodon at all', () => {
    for (const text of ['not json', '{"error":"nope"}', '[{"title":"rss item"}]', '42', 'null']) {
      expect(() => mastodonFormat.parse(text, ctx), text).toThrow(FormatError);
    }
  });
});

describe('mastodon Link header', () => {
  it('reads max_id / min_id whatever the order, spacing or extra parameters', () => {
    const h =
      '<https://m.example/api/v1/notifications?max_id=34975857&types%5B%5D=mention>; rel="next", <https://m.example/api/v1/notifications?min_id=34975861>; rel="prev"';
    expect(linkParam(h, 'next', 'max_id')).toBe('34975857');
    expect(linkParam(h, 'prev', 'min_id')).toBe('34975861');
    expect(linkParam('<https://a/?min_id=2>;rel=prev,<https://a/?max_id=1>;rel=next', 'next', 'max_id')).toBe(
      '1',
    );
    expect(linkParam('<https://a/?max_id=AoFQ>; title="x"; rel="next"', 'next', 'max_id')).toBe('AoFQ');
    for (const bad of [
      null,
      '',
      'garbage',
      '<>; rel="next"',
      '<http://[bad>; rel="next"',
      '<https://a/?max_id=1>; rel="prev"',
    ]) {
      expect(linkParam(bad, 'next', 'max_id')).toBeNull();
    }
  });
});

describe('mastodon parser fuzzing', () => {
  const ctx = { now: 0, fileName: 'fuzz.json' };
  const expectSane = (r: ParseResult) => {
    for (const m of r.mentions) {
      expect(m.id).toBe(`mastodon:${m.externalId}`);
      expect(Number.isFinite(m.createdAt)).toBe(true);
      expect(typeof m.text).toBe('string');
      expect(m.likes >= 0 && m.shares >= 0 && m.replies >= 0).toBe(true);
    }
    for (const q of r.quarantined) expect(q.reason).toMatch(/^Mastodon: /);
  };
  const parseOrFormatError = (text: string) => {
    try {
      expectSane(mastodonFormat.parse(text, ctx));
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

  it('statuses with fields replaced by random values: each one stored or quarantined', () => {
    const keys = [
      'id',
      'created_at',
      'account',
      'content',
      'uri',
      'url',
      'reblog',
      'spoiler_text',
      'language',
      'favourites_count',
      'acct',
      'followers_count',
      'display_name',
    ];
    fc.assert(
      fc.property(fc.nat(TAG.length - 1), fc.constantFrom(...keys), fc.jsonValue(), (i, key, value) => {
        const status = structuredClone(TAG[i]!) as Record<string, unknown>;
        const target = ['acct', 'followers_count', 'display_name'].includes(key)
          ? (status.account as Record<string, unknown>)
          : status;
        target[key] = value;
        const r = mastodonFormat.parse(
          JSON.stringify([status, { type: 'mention', account: {}, status }]),
          ctx,
        );
        expectSane(r);
        expect(r.mentions.length + r.quarantined.length).toBe(2);
      }),
      { numRuns: 200 },
    );
  });

  it('saved bodies cut or spliced at random: a result or a FormatError', () => {
    const text = fixtureText('notifications.json');
    fc.assert(
      fc.property(fc.nat(text.length), fc.nat(200), fc.string({ maxLength: 20 }), (at, cut, insert) => {
        parseOrFormatError(text.slice(0, at) + insert + text.slice(at + cut));
      }),
      { numRuns: 200 },
    );
  });

  it('parsePage on random bodies: a page or a SyncError, with a storable state', () => {
    const config = mastodonSource.configSchema.parse({
      baseUrl: 'https://m.example',
      hashtag: 'x',
    }) as MastodonConfig;
    const state = mastodonSource.initialState(config);
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), fc.option(fc.string()), (body, link) => {
        const headers = new Headers();
        if (link !== null) headers.set('link', link.replace(/[\r\n\0]/g, ''));
        const res: HttpResponse = {
          status: 200,
          headers,
          body,
          url: 'https://m.example/api/v1/timelines/tag/x',
          rateLimit: null,
        };
        try {
          const page = mastodonSource.parsePage(res, config, state, { now: 0, secret: null });
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
