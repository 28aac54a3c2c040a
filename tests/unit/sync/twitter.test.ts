import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open';
import { SourcesRepo } from '../../../main/core/store/sources-repo';
import { SyncEngine } from '../../../main/core/sync/engine';
import { tweetIdTime, twitterFormat } from '../../../main/core/sync/formats/twitter';
import { HttpClient, SyncError, type HttpResponse } from '../../../main/core/sync/http';
import { Ingestor } from '../../../main/core/sync/ingest';
import { EnvAndFileSecrets } from '../../../main/core/sync/secrets';
import { registerAdapter } from '../../../main/core/sync/sources';
import {
  twitterSource,
  type TwitterConfig,
  type TwitterState,
} from '../../../main/core/sync/sources/twitter';
import { FormatError, type ParseResult } from '../../../main/core/sync/types';
import { startPlatformServer, type RecordedRequest, type Reply } from '../../helpers/platform-server';
import { ROOT, tempDir } from '../../helpers/tmp';

type Tweet = { id: string; text: string } & Record<string, unknown>;
interface SearchBody {
  data?: Tweet[];
  includes?: { users?: Record<string, unknown>[]; tweets?: Tweet[] };
  meta: { newest_id?: string; next_token?: string; result_count: number };
}
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'twitter');
const fixtureText = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const fixture = (name: string) => JSON.parse(fixtureText(name)) as SearchBody;

const P1 = fixture('search-recent-p1.json');
const P2 = fixture('search-recent-p2.json');
const P3 = fixture('search-recent-p3.json');
const NEWER = fixture('search-recent-newer.json');
const EMPTY = fixture('search-recent-empty.json');
const [T1, T2, T3] = P1.data!;
const [T4, T5, T6] = P2.data!;
const [T7, ORIG] = P3.data!;
const [T9, T10] = NEWER.data!;

const TOKEN =
  'AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid%2BULvsea4JtiGRiSDSJSI%3DEUifiRBkKG5E2XzMDjRfl76ZC9Ub0wnz4XsNiRVBChTYbJcE3F';
/** The fixtures' clock: an hour after the last tweet (recent search only covers 7 days). */
const NOW = Date.parse('2024-11-19T12:00:00Z');
const RESET = 1732018500; // epoch seconds, as X sends x-rate-limit-reset
const RATE_HEADERS = {
  'x-rate-limit-limit': '450',
  'x-rate-limit-remaining': '449',
  'x-rate-limit-reset': String(RESET),
};
const UNAUTHORIZED: Reply = {
  status: 401,
  body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' },
  headers: { 'content-type': 'application/problem+json' },
};

/**
 * GET /2/tweets/search/recent as X serves the fixtures: three pages linked by next_token, then, with
 * since_id, only what is newer (`newer` adds NEWER on top).
 */
function recentSearch(req: RecordedRequest, opts: { newer?: boolean; ignoreToken?: boolean } = {}): Reply {
  if (req.headers.authorization !== `Bearer ${TOKEN}`) return UNAUTHORIZED;
  const q = req.url.searchParams;
  const since = q.get('since_id');
  const token = opts.ignoreToken ? null : q.get('next_token');
  let body: SearchBody;
  if (since === T1!.id) body = opts.newer ? NEWER : EMPTY;
  else if (since) body = EMPTY;
  else if (token === P1.meta.next_token) body = P2;
  else if (token === P2.meta.next_token) body = P3;
  else if (token)
    return { status: 400, body: { errors: [{ message: 'bad next_token' }], title: 'Invalid Request' } };
  else body = P1;
  return { body, headers: RATE_HEADERS };
}

let tmp: ReturnType<typeof tempDir>;
let db: Database.Database;
let engine: SyncEngine;
let ingestor: Ingestor;
let server: Awaited<ReturnType<typeof startPlatformServer>>;

const makeEngine = (now: number) =>
  new SyncEngine({
    db,
    ingestor,
    http: new HttpClient({ timeoutMs: 3000, now: () => now }),
    secrets: new EnvAndFileSecrets({ X_BEARER: TOKEN }),
    now: () => now,
  });

beforeAll(() => registerAdapter(twitterSource));
beforeEach(async () => {
  tmp = tempDir();
  db = openStore(tmp.file('store.db'));
  ingestor = new Ingestor(db, () => NOW);
  engine = makeEngine(NOW);
  server = await startPlatformServer(() => ({ status: 404, body: { title: 'Not Found Error' } }));
});
afterEach(async () => {
  await server.close();
  db.close();
  tmp.cleanup();
});

function addSource(config: Record<string, unknown>, id = 'x'): string {
  new SourcesRepo(db).create({ id, type: 'twitter', name: 'X test', config, status: 'idle' }, NOW);
  return id;
}
const withToken = (extra: Record<string, unknown> = {}) => ({
  baseUrl: server.baseUrl,
  query: 'ondaline -is:nullcast',
  tokenEnv: 'X_BEARER',
  ...extra,
});
const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
const mentionCount = () => count('SELECT COUNT(*) AS n FROM mentions');
const cursorOf = (id: string) => JSON.parse(new SourcesRepo(db).get(id)!.cursor!) as TwitterState;
const row = (externalId: string) =>
  db.prepare('SELECT * FROM mentions WHERE external_id = ?').get(externalId) as Record<string, unknown>;
const sharesOf = (id: string) =>
  (
    db.prepare('SELECT id FROM mention_shares WHERE original_id = ? ORDER BY id').all(id) as { id: string }[]
  ).map((r) => r.id);

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

  it('normalizes tweets: joined author, decoded text, long posts whole, metrics, x.com url', async () => {
    server.setHandler((req) => recentSearch(req));
    await engine.runOnce(addSource(withToken()));

    expect(row(T1!.id)).toMatchObject({
      id: `x:${T1!.id}`,
      platform: 'x',
      url: `https://x.com/claire_m/status/${T1!.id}`,
      author_handle: 'claire_m',
      author_name: 'Claire Martin',
      author_followers: 842,
      // X escapes &, < and > in text: stored as typed.
      text: "Toujours aucune connexion à Lyon 3e depuis 8h & le SAV ne répond pas <3 #ondaline\nQuelqu'un d'autre ?",
      lang: 'fr',
      created_at: Date.parse('2024-11-19T10:48:30.000Z'),
      likes: 12,
      shares: 4,
      replies: 2,
      reach: 5400, // impressions, not followers
    });
    // A post over 280 characters: note_tweet holds it whole.
    const long = row(T6!.id).text as string;
    expect(long).toBe((T6!.note_tweet as { text: string }).text);
    expect(long.length).toBeGreaterThan(280);
    // Quotes and replies are posts of their own.
    expect(row(T3!.id)).toMatchObject({ author_handle: 'b0b_lyon', author_name: 'Bob 🚲' });
    expect(row(T4!.id).text).toBe('@claire_m pareil à Villeurbanne #ondaline');
    // An author missing from includes (suspended): numeric id as handle, id-only url; "qht" is no language.
    expect(row(T7!.id)).toMatchObject({
      author_handle: '1400000000000000000',
      author_name: null,
      author_followers: null,
      url: `https://x.com/i/web/status/${T7!.id}`,
      // "qht" is no language; the text is too short to tell either.
      lang: 'other',
    });
    // Retweets are not stored as posts.
    expect(row(T2!.id)).toBeUndefined();
    expect(row(T5!.id)).toBeUndefined();
  });

  it('folds retweets into shares of the original, counted once even when seen again', async () => {
    server.setHandler((req) => recentSearch(req));
    const id = addSource(withToken());
    await engine.runOnce(id);
    expect(sharesOf(`x:${ORIG!.id}`)).toEqual([`x:${T2!.id}`, `x:${T5!.id}`].sort());
    // The original came through includes.tweets on page 1 and as a result on page 3: stored once.
    expect(count(`SELECT COUNT(*) AS n FROM mentions WHERE id = 'x:${ORIG!.id}'`)).toBe(1);
    expect(row(ORIG!.id)).toMatchObject({ author_handle: 'ondaline_fr', shares: 180, replies: 240 });

    // The same pages saved to disk and imported: nothing new, no share counted twice.
    for (const body of [P1, P2, P3]) {
      const again = ingestor.ingestResult(
        twitterFormat.parse(JSON.stringify(body), { now: NOW, fileName: 'x.json' }),
      );
      expect(again).toMatchObject({ inserted: [], shares: 0 });
    }
    expect(count('SELECT COUNT(*) AS n FROM mention_shares')).toBe(2);

    // A retweet of a post we already have bumps nothing below the platform's own counter.
    server.setHandler((req) => recentSearch(req, { newer: true }));
    await engine.runOnce(id);
    expect(sharesOf(`x:${T1!.id}`)).toEqual([`x:${T10!.id}`]);
    expect(row(T1!.id).shares).toBe(4);
  });

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

describe('x file format', () => {
  const ctx = { now: NOW, fileName: 'recent.json' };

  it('recognises saved X search pages, and not the other platforms', () => {
    for (const name of fs.readdirSync(FIXTURES)) {
      expect(twitterFormat.sniff(fixtureText(name), name), name).toBe(true);
    }
    const other = (p: string) => fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', p), 'utf8');
    for (const p of [
      'mastodon/tag-timeline.json',
      'bluesky/search-posts.json',
      'reddit/search-p1.json',
      'youtube/threads-p1.json',
      'facebook/page-feed.json',
    ]) {
      expect(twitterFormat.sniff(other(p), p), p).toBe(false);
    }
    for (const text of ['', '<html>', 'id,text\n1,2', '[{"id":"1","text":"x"}]']) {
      expect(twitterFormat.sniff(text, 'x.json'), text).toBe(false);
    }
  });

  it('parses a saved page exactly as the HTTP source does', async () => {
    server.setHandler((req) => recentSearch(req));
    await engine.runOnce(addSource(withToken()));
    const fromFiles = [P1, P2, P3].flatMap((b) => twitterFormat.parse(JSON.stringify(b), ctx).mentions);
    const stored = new Map(
      (
        db.prepare('SELECT id, text, author_handle, url, created_at FROM mentions').all() as Record<
          string,
          unknown
        >[]
      ).map((r) => [r.id, r]),
    );
    for (const m of fromFiles) {
      expect(stored.get(m.id)).toEqual({
        id: m.id,
        text: m.text,
        author_handle: m.authorHandle,
        url: m.url,
        created_at: m.createdAt,
      });
    }
    expect(twitterFormat.parse(fixtureText('search-recent-empty.json'), ctx)).toEqual({
      mentions: [],
      shares: [],
      quarantined: [],
    });
    // A single-tweet lookup ({data: {…}}) reads too.
    const one = twitterFormat.parse(JSON.stringify({ data: T1, includes: P1.includes }), ctx);
    expect(one.mentions.map((m) => m.id)).toEqual([`x:${T1!.id}`]);
  });

  it('throws FormatError on bodies that are not X API v2 at all', () => {
    for (const text of [
      'not json',
      '{"errors":[{"message":"x"}]}',
      '{"data":[{"title":"rss"}]}',
      '[]',
      '42',
      'null',
    ]) {
      expect(() => twitterFormat.parse(text, ctx), text).toThrow(FormatError);
    }
  });
});

describe('x parser fuzzing', () => {
  const ctx = { now: NOW, fileName: 'fuzz.json' };
  const expectSane = (r: ParseResult) => {
    for (const m of r.mentions) {
      expect(m.id).toBe(`x:${m.externalId}`);
      expect(m.externalId).toMatch(/^\d+$/);
      expect(Number.isFinite(m.createdAt)).toBe(true);
      expect(typeof m.text).toBe('string');
      expect(m.likes >= 0 && m.shares >= 0 && m.replies >= 0).toBe(true);
      expect(m.url).toMatch(
        /^https:\/\/x\.com\/[A-Za-z0-9_]+\/status\/\d+$|^https:\/\/x\.com\/i\/web\/status\/\d+$/,
      );
    }
    for (const s of r.shares) expect(Number.isFinite(s.createdAt)).toBe(true);
    for (const q of r.quarantined) expect(q.reason).toMatch(/^X: /);
  };
  const parseOrFormatError = (text: string) => {
    try {
      expectSane(twitterFormat.parse(text, ctx));
    } catch (err) {
      if (!(err instanceof FormatError)) throw err;
    }
  };

  it('random text and random JSON: a result or a FormatError', () => {
    fc.assert(fc.property(fc.string(), parseOrFormatError), { numRuns: 200 });
    fc.assert(fc.property(fc.json(), parseOrFormatError), { numRuns: 200 });
  });

  it('tweets with a field replaced by a random value: each stored, shared or quarantined', () => {
    const tweets = [...P1.data!, ...P2.data!];
    const keys = [
      'id',
      'text',
      'created_at',
      'author_id',
      'lang',
      'public_metrics',
      'referenced_tweets',
      'note_tweet',
    ];
    fc.assert(
      fc.property(fc.nat(tweets.length - 1), fc.constantFrom(...keys), fc.jsonValue(), (i, key, value) => {
        const tweet = structuredClone(tweets[i]!) as Record<string, unknown>;
        tweet[key] = value;
        // Beside an intact tweet, so the body as a whole stays recognisable.
        const body = { data: [tweet, T9], includes: P1.includes, meta: {} };
        const r = twitterFormat.parse(JSON.stringify(body), ctx);
        expectSane(r);
        expect(r.mentions.length + r.shares.length + r.quarantined.length).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 200 },
    );
  });

  it('saved bodies cut or spliced at random: a result or a FormatError', () => {
    const text = fixtureText('search-recent-p2.json');
    fc.assert(
      fc.property(fc.nat(text.length), fc.nat(200), fc.string({ maxLength: 20 }), (at, cut, insert) => {
        parseOrFormatError(text.slice(0, at) + insert + text.slice(at + cut));
      }),
      { numRuns: 200 },
    );
  });

  it('parsePage on random bodies: a page or a SyncError, with a storable state', () => {
    const config = twitterSource.configSchema.parse({ query: 'x' }) as TwitterConfig;
    const states: TwitterState[] = [
      twitterSource.initialState(config),
      { sinceId: T1!.id, top: T9!.id, nextToken: 'abc', pages: 1 },
    ];
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), fc.constantFrom(...states), (body, state) => {
        const res: HttpResponse = {
          status: 200,
          headers: new Headers(),
          body,
          url: 'https://api.x.com/2/tweets/search/recent',
          rateLimit: null,
        };
        try {
          const page = twitterSource.parsePage(res, config, state, { now: NOW, secret: TOKEN });
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
