import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open';
import { SourcesRepo } from '../../../main/core/store/sources-repo';
import { SyncEngine } from '../../../main/core/sync/engine';
import { redditFormat } from '../../../main/core/sync/formats/reddit';
import { HttpClient, SyncError, type HttpResponse } from '../../../main/core/sync/http';
import { Ingestor } from '../../../main/core/sync/ingest';
import { EnvAndFileSecrets } from '../../../main/core/sync/secrets';
import { registerAdapter } from '../../../main/core/sync/sources';
import { redditSource, type RedditConfig, type RedditState } from '../../../main/core/sync/sources/reddit';
import { FormatError, type ParseResult } from '../../../main/core/sync/types';
import { startPlatformServer, type RecordedRequest, type Reply } from '../../helpers/platform-server';
import { ROOT, tempDir } from '../../helpers/tmp';

type Child = { kind: string; data: Record<string, unknown> & { name: string } };
interface Listing {
  kind: 'Listing';
  data: { after: string | null; before: null; children: Child[] };
}
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'reddit');
const fixtureText = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const fixture = (name: string) => JSON.parse(fixtureText(name)) as Listing;

const P1 = fixture('search-p1.json');
const P2 = fixture('search-p2.json');
const P3 = fixture('search-p3.json');
const NEWER = fixture('search-newer.json');
const COMMENTS = fixture('comments.json');
const [A] = P1.data.children;
const [C, D] = P2.data.children;
const [E] = P3.data.children;
const [F] = NEWER.data.children;
const NOW = Date.parse('2024-11-19T12:00:00Z');
// Reddit's headers: remaining is a float, reset counts seconds from now.
const RATE_HEADERS = { 'x-ratelimit-used': '4', 'x-ratelimit-remaining': '96.0', 'x-ratelimit-reset': '412' };

/** Serves newest-first listings paged by `after`, as www.reddit.com does (`newer` adds a post on top). */
function listingPages(req: RecordedRequest, opts: { newer?: boolean; pages?: Listing[] } = {}): Reply {
  const pages = opts.pages ?? [P1, P2, P3];
  const after = req.url.searchParams.get('after');
  if (!after) return { body: opts.newer ? NEWER : pages[0], headers: RATE_HEADERS };
  const i = pages.findIndex((p) => p.data.after === after);
  if (i < 0 || i + 1 >= pages.length)
    return { body: { kind: 'Listing', data: { after: null, children: [] } } };
  return { body: pages[i + 1], headers: RATE_HEADERS };
}

let tmp: ReturnType<typeof tempDir>;
let db: Database.Database;
let engine: SyncEngine;
let ingestor: Ingestor;
let server: Awaited<ReturnType<typeof startPlatformServer>>;

beforeAll(() => registerAdapter(redditSource));
beforeEach(async () => {
  tmp = tempDir();
  db = openStore(tmp.file('store.db'));
  ingestor = new Ingestor(db, () => NOW);
  engine = new SyncEngine({
    db,
    ingestor,
    http: new HttpClient({ timeoutMs: 3000, now: () => NOW }),
    secrets: new EnvAndFileSecrets({ REDDIT_TOKEN: 'reddit-s3cret' }),
    now: () => NOW,
  });
  server = await startPlatformServer(() => ({ status: 404, body: { message: 'Not Found', error: 404 } }));
});
afterEach(async () => {
  await server.close();
  db.close();
  tmp.cleanup();
});

function addSource(config: Record<string, unknown>, id = 'reddit'): string {
  new SourcesRepo(db).create({ id, type: 'reddit', name: 'Reddit test', config, status: 'idle' }, NOW);
  return id;
}
const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
const mentionCount = () => count('SELECT COUNT(*) AS n FROM mentions');
const cursorOf = (id: string) => JSON.parse(new SourcesRepo(db).get(id)!.cursor!) as RedditState;
const row = (externalId: string) =>
  db.prepare('SELECT * FROM mentions WHERE external_id = ?').get(externalId) as Record<string, unknown>;
const markOf = (c: Child) => ({ at: Math.round((c.data.created_utc as number) * 1000), name: c.data.name });

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

  it('normalizes posts: fullname id, title + selftext, resolved permalink, deleted authors kept', async () => {
    server.setHandler((req) => listingPages(req));
    await engine.runOnce(addSource({ baseUrl: server.baseUrl, search: 'ondaline' }));

    expect(row('t3_1gux5k2')).toMatchObject({
      id: 'reddit:t3_1gux5k2',
      platform: 'reddit',
      url: `https://www.reddit.com${A!.data.permalink as string}`,
      author_handle: 'claire_m',
      author_name: null,
      text: "Panne Ondaline à Lyon depuis ce matin ?\n\nPlus de box depuis 8h & le SAV ne répond pas.\n\n**Quelqu'un d'autre ?**",
      created_at: Date.parse('2024-11-19T10:48:30Z'),
      likes: 57,
      replies: 23,
      shares: 1, // crossposts
      lang: 'fr', // Reddit gives no language: detected from the text at ingest.
    });
    expect(
      (row('t3_1gux5k2').url as string).startsWith('https://www.reddit.com/r/france/comments/1gux5k2/'),
    ).toBe(true);
    expect(row('t3_1gux3ab')).toMatchObject({
      author_handle: '[deleted]',
      text: 'Ondaline HS dans tout le 3e\n\n[removed]',
    });
    // A link post is its title; the raw text keeps what the author typed.
    expect(row(C!.data.name).text).toBe('Ondaline outage map <live>');
    expect(row(D!.data.name).likes).toBe(0); // downvoted below zero
    expect(row(E!.data.name).text).toBe(
      '[Officiel] Incident réseau en cours\n\nSuivi en temps réel : [statut](https://www.ondaline.example/statut)',
    );
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

  it('decodes the entities of a listing fetched without raw_json=1, once', () => {
    const r = redditFormat.parse(fixtureText('search-escaped.json'), { now: NOW, fileName: 'escaped.json' });
    expect(r.mentions[0]!.text).toBe(
      'Ondaline & SFR en panne ?\n\n<script>alert(1)</script> je teste &amp; je note : 3 > 2',
    );
  });

  it('never stores a permalink that leaves reddit.com', () => {
    const post = structuredClone(A!);
    const urls = [
      'javascript:alert(1)',
      'https://evil.example/r/x',
      '//evil.example/x',
      'http://www.reddit.com/r/x',
    ].map((permalink) => {
      post.data.permalink = permalink;
      const body = { kind: 'Listing', data: { after: null, children: [post] } };
      return redditFormat.parse(JSON.stringify(body), { now: NOW, fileName: 'x.json' }).mentions[0]!.url;
    });
    expect(urls).toEqual(Array(4).fill('https://www.reddit.com/comments/1gux5k2/'));
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

  it('bounds the first run to backfillPages', async () => {
    server.setHandler((req) => listingPages(req));
    const id = addSource({ baseUrl: server.baseUrl, search: 'ondaline', backfillPages: 1 });
    expect(await engine.runOnce(id)).toMatchObject({ status: 'ok', inserted: 2, pages: 1, complete: true });
  });
});

describe('reddit file format', () => {
  const ctx = { now: NOW, fileName: 'saved.json' };

  it('recognises saved listings and thread pages, and not the other platforms', () => {
    for (const name of fs.readdirSync(FIXTURES)) {
      expect(redditFormat.sniff(fixtureText(name), name), name).toBe(true);
    }
    const other = (p: string) => fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', p), 'utf8');
    for (const p of [
      'mastodon/tag-timeline.json',
      'bluesky/search-posts.json',
      'twitter/search-recent-p1.json',
      'youtube/threads-p1.json',
      'facebook/page-feed.json',
    ]) {
      expect(redditFormat.sniff(other(p), p), p).toBe(false);
    }
  });

  it('reads a saved thread: the post, its comments and their nested replies', () => {
    const r = redditFormat.parse(fixtureText('thread.json'), ctx);
    expect(r.mentions.map((m) => m.externalId)).toEqual([
      't3_1gux5k2',
      't1_lxy3m1a',
      't1_lxy4n2d',
      't1_lxy2k9b',
    ]);
    expect(r.quarantined).toEqual([]);
  });

  it('parses saved pages exactly as the HTTP source does', async () => {
    server.setHandler((req) => listingPages(req));
    await engine.runOnce(addSource({ baseUrl: server.baseUrl, search: 'ondaline' }));
    const fromFiles = ['search-p1.json', 'search-p2.json', 'search-p3.json'].flatMap(
      (n) => redditFormat.parse(fixtureText(n), ctx).mentions,
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
    expect(redditFormat.parse(fixtureText('search-empty.json'), ctx).mentions).toEqual([]);
  });

  it('throws FormatError on bodies that are not Reddit listings', () => {
    for (const text of [
      'nope',
      '{"kind":"t3","data":{}}',
      '[]',
      '{"data":{"children":[]}}',
      'null',
      '[{"kind":"Listing"}]',
    ]) {
      expect(() => redditFormat.parse(text, ctx), text).toThrow(FormatError);
    }
  });
});

describe('reddit parser fuzzing', () => {
  const ctx = { now: NOW, fileName: 'fuzz.json' };
  const expectSane = (r: ParseResult) => {
    for (const m of r.mentions) {
      expect(m.id).toBe(`reddit:${m.externalId}`);
      expect(m.externalId).toMatch(/^t[13]_[a-z0-9]+$/i);
      expect(Number.isFinite(m.createdAt)).toBe(true);
      expect(m.authorHandle.length).toBeGreaterThan(0);
      if (m.url !== null) expect(m.url.startsWith('https://www.reddit.com/')).toBe(true);
      expect(m.likes >= 0 && m.shares >= 0 && m.replies >= 0).toBe(true);
    }
    for (const q of r.quarantined) expect(q.reason).toMatch(/^Reddit: /);
  };
  const parseOrFormatError = (text: string) => {
    try {
      expectSane(redditFormat.parse(text, ctx));
    } catch (err) {
      if (!(err instanceof FormatError)) throw err;
    }
  };

  it('random text and random JSON: a result or a FormatError', () => {
    fc.assert(fc.property(fc.string(), parseOrFormatError), { numRuns: 200 });
    fc.assert(fc.property(fc.json(), parseOrFormatError), { numRuns: 200 });
  });

  it('children with a field replaced by a random value: each stored, skipped or quarantined', () => {
    const children = [...P1.data.children, ...P2.data.children, ...COMMENTS.data.children];
    const keys = [
      'name',
      'id',
      'title',
      'selftext',
      'body',
      'author',
      'created_utc',
      'permalink',
      'score',
      'replies',
      'num_comments',
    ];
    fc.assert(
      fc.property(fc.nat(children.length - 1), fc.constantFrom(...keys), fc.jsonValue(), (i, key, value) => {
        const child = structuredClone(children[i]!);
        child.data[key] = value;
        const r = redditFormat.parse(
          JSON.stringify({ kind: 'Listing', data: { after: null, children: [child] } }),
          ctx,
        );
        expectSane(r);
        expect(r.mentions.length + r.quarantined.length).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('deeply nested replies do not overflow the stack', () => {
    // Built as text: JSON.stringify itself would overflow on such a depth.
    const { replies: _none, ...comment } = COMMENTS.data.children[0]!.data;
    const fields = JSON.stringify(comment).slice(1, -1);
    const depth = 20_000;
    const open = `{"kind":"Listing","data":{"children":[{"kind":"t1","data":{${fields},"replies":`;
    const text = open.repeat(depth) + '""' + '}}]}}'.repeat(depth);
    const r = redditFormat.parse(text, ctx);
    expect(r.mentions.length).toBeGreaterThan(10);
    expect(r.mentions.length).toBeLessThan(100);
  });

  it('saved bodies cut or spliced at random: a result or a FormatError', () => {
    const text = fixtureText('thread.json');
    fc.assert(
      fc.property(fc.nat(text.length), fc.nat(200), fc.string({ maxLength: 20 }), (at, cut, insert) => {
        parseOrFormatError(text.slice(0, at) + insert + text.slice(at + cut));
      }),
      { numRuns: 200 },
    );
  });

  it('parsePage on random bodies: a page or a SyncError, with a storable state', () => {
    const config = redditSource.configSchema.parse({ search: 'x' }) as RedditConfig;
    const states: RedditState[] = [
      redditSource.initialState(config),
      { mark: markOf(C!), top: markOf(A!), after: 't3_abc', pages: 2 },
    ];
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), fc.constantFrom(...states), (body, state) => {
        const res: HttpResponse = {
          status: 200,
          headers: new Headers(),
          body,
          url: 'https://www.reddit.com/search.json',
          rateLimit: null,
        };
        try {
          const page = redditSource.parsePage(res, config, state, { now: NOW, secret: null });
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
