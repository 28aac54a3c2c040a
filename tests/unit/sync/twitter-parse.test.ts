/** X format and normalization: tweet fields, expansions, retweets as shares, saved files, fuzzing. */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SyncEngine } from '../../../main/core/sync/engine';
import { twitterFormat } from '../../../main/core/sync/formats/twitter';
import type { Ingestor } from '../../../main/core/sync/ingest';
import {
  twitterSource,
  type TwitterConfig,
  type TwitterState,
} from '../../../main/core/sync/sources/twitter';
import { FormatError, type ParseResult } from '../../../main/core/sync/types';
import { fuzzPageBodies, fuzzSplicedText, fuzzTextAndJson } from '../../helpers/parser-fuzz';
import { ROOT } from '../../helpers/tmp';
import {
  FIXTURES,
  fixtureText,
  NOW,
  ORIG,
  P1,
  P2,
  P3,
  T1,
  T10,
  T2,
  T3,
  T4,
  T5,
  T6,
  T7,
  T9,
  TOKEN,
  recentSearch,
  useTwitterEnv,
  type PlatformServer,
} from './twitter-fixtures';

const env = useTwitterEnv();
const { addSource, withToken, count, row, sharesOf } = env;
let db: Database.Database;
let engine: SyncEngine;
let server: PlatformServer;
let ingestor: Ingestor;
beforeEach(() => {
  ({ db, engine, server, ingestor } = env);
});

describe('x source: recent search', () => {
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
  const parse = (text: string) => twitterFormat.parse(text, ctx);

  it('random text and random JSON: a result or a FormatError', () => {
    fuzzTextAndJson({ parse, check: expectSane, numRuns: 200 });
  });

  it('a retweet whose created_at is a number no Date can hold is dated by its id (found by fuzzing)', () => {
    const tweets = [...P1.data!, ...P2.data!];
    const retweet = tweets.find((t) =>
      (t.referenced_tweets as { type: string }[] | undefined)?.some((r) => r.type === 'retweeted'),
    )!;
    const body = {
      data: [{ ...retweet, created_at: -1.797693134862316e305 }, T9],
      includes: P1.includes,
      meta: {},
    };
    const r = twitterFormat.parse(JSON.stringify(body), ctx);
    expectSane(r);
    expect(r.shares).toHaveLength(1);
    expect(r.shares[0]!.createdAt).toBeGreaterThan(Date.UTC(2020, 0, 1));
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
    fuzzSplicedText({ text: fixtureText('search-recent-p2.json'), parse, check: expectSane, numRuns: 200 });
  });

  it('parsePage on random bodies: a page or a SyncError, with a storable state', () => {
    const config = twitterSource.configSchema.parse({ query: 'x' }) as TwitterConfig;
    const states: TwitterState[] = [
      twitterSource.initialState(config),
      { sinceId: T1!.id, top: T9!.id, nextToken: 'abc', pages: 1 },
    ];
    fuzzPageBodies({
      source: twitterSource,
      config,
      states,
      url: 'https://api.x.com/2/tweets/search/recent',
      now: NOW,
      secret: TOKEN,
      check: expectSane,
      numRuns: 200,
    });
  });
});
