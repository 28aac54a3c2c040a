/** Bluesky format and normalization: post fields, AT datetimes, saved files, fuzzing. */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SyncEngine } from '../../../main/core/sync/engine';
import { blueskyFormat, parseAtDate } from '../../../main/core/sync/formats/bluesky';
import {
  blueskySource,
  type BlueskyConfig,
  type BlueskyState,
} from '../../../main/core/sync/sources/bluesky';
import { FormatError, type ParseResult } from '../../../main/core/sync/types';
import { fuzzPageBodies, fuzzSplicedText, fuzzTextAndJson } from '../../helpers/parser-fuzz';
import { ROOT } from '../../helpers/tmp';
import {
  FEED,
  fixtureText,
  POSTS,
  searchPage,
  useBlueskyEnv,
  utc,
  type PlatformServer,
} from './bluesky-fixtures';

const env = useBlueskyEnv();
const { addSource, row } = env;
let db: Database.Database;
let engine: SyncEngine;
let server: PlatformServer;
beforeEach(() => {
  ({ db, engine, server } = env);
});

describe('bluesky source: searchPosts', () => {
  it('normalizes posts: bsky.app url, missing names, createdAt precision, no follower count', async () => {
    server.setHandler((req) => searchPage(POSTS, req, 100));
    await engine.runOnce(addSource({ baseUrl: server.baseUrl, query: 'ondaline' }));
    expect(row(POSTS[0]!.uri)).toMatchObject({
      id: `bluesky:${POSTS[0]!.uri}`,
      platform: 'bluesky',
      url: 'https://bsky.app/profile/lea-moreau.bsky.social/post/3lbcxq2kmrs2a',
      author_handle: 'lea-moreau.bsky.social',
      author_name: 'Léa Moreau',
      author_followers: null,
      text: 'Toujours aucune connexion à Lyon 3e #ondaline',
      lang: 'fr',
      likes: 14,
      shares: 3,
      replies: 2,
      created_at: utc('2024-11-19T10:41:12.000Z'),
    });
    // displayName absent, empty or blank → null; langs "fr-FR" → fr, absent → null.
    expect(row(POSTS[1]!.uri)).toMatchObject({
      author_name: null,
      lang: 'fr',
      created_at: utc('2024-11-19T10:40:05.000Z'),
    });
    expect(row(POSTS[2]!.uri)).toMatchObject({
      author_name: null,
      // No langs on the post: the analysis stage detects the language from the text.
      lang: 'fr',
      created_at: utc('2024-11-19T10:39:31.123Z'),
    });
    expect(row(POSTS[3]!.uri)).toMatchObject({ created_at: utc('2024-11-19T10:38:00.000Z') }); // +01:00
    // handle.invalid: the did stands in for handle and link; text stays the characters typed.
    expect(row(POSTS[4]!.uri)).toMatchObject({
      author_handle: 'did:web:blog.example.org',
      author_name: null,
      url: 'https://bsky.app/profile/did:web:blog.example.org/post/3lbcxlrc7h22e',
      text: '<b>pas du html</b> Ondaline',
      lang: 'en',
      created_at: utc('2024-11-19T10:37:10.500Z'),
    });
    expect(row(POSTS[5]!.uri)).toMatchObject({ created_at: utc('2024-11-19T10:36:00.000Z') }); // no zone: UTC
    expect(row(POSTS[6]!.uri)).toMatchObject({ created_at: utc('2024-11-19T10:35:00.000Z') }); // 2099: capped
  });
});

describe('bluesky datetimes', () => {
  it.each([
    ['2024-11-19T10:00:00Z', '2024-11-19T10:00:00.000Z'],
    ['2024-11-19T10:00:00.123Z', '2024-11-19T10:00:00.123Z'],
    ['2024-11-19T10:00:00.123456Z', '2024-11-19T10:00:00.123Z'],
    ['2024-11-19T10:00:00.123456789Z', '2024-11-19T10:00:00.123Z'],
    ['2024-11-19T10:00:00+00:00', '2024-11-19T10:00:00.000Z'],
    ['2024-11-19T12:30:00.5+02:30', '2024-11-19T10:00:00.500Z'],
    ['2024-11-19T05:00:00-0500', '2024-11-19T10:00:00.000Z'],
    ['2024-11-19T10:00:00', '2024-11-19T10:00:00.000Z'],
    ['2024-11-19t10:00:00z', '2024-11-19T10:00:00.000Z'],
  ])('%s → %s', (input, expected) => {
    expect(parseAtDate(input)).toBe(Date.parse(expected));
  });

  it('refuses what is not a datetime', () => {
    for (const bad of [
      '',
      'hier',
      '2024-02-31T10:00:00Z',
      '2024-11-19T25:00:00Z',
      '1732010400',
      null,
      1732010400,
      {},
    ]) {
      expect(parseAtDate(bad)).toBeNull();
    }
  });
});

describe('bluesky file format', () => {
  const ctx = { now: 0, fileName: 'saved.json' };

  it('recognises saved searchPosts and getAuthorFeed bodies, and nothing else', () => {
    for (const name of ['search-posts.json', 'author-feed.json', 'search-posts-newer.json']) {
      expect(blueskyFormat.sniff(fixtureText(name), name), name).toBe(true);
    }
    const mastodon = fs.readFileSync(
      path.join(ROOT, 'tests', 'fixtures', 'mastodon', 'tag-timeline.json'),
      'utf8',
    );
    for (const text of [mastodon, '{"posts":[]}', 'uri,indexedAt\nat://x,1', '']) {
      expect(blueskyFormat.sniff(text, 'x.json'), text.slice(0, 30)).toBe(false);
    }
  });

  it('parses a saved body exactly as the HTTP source does', async () => {
    server.setHandler((req) => searchPage(POSTS, req, 100));
    await engine.runOnce(addSource({ baseUrl: server.baseUrl, query: 'ondaline' }));
    const fromFile = blueskyFormat.parse(fixtureText('search-posts.json'), ctx);
    const stored = db
      .prepare('SELECT id, text, url, created_at AS createdAt FROM mentions ORDER BY created_at DESC')
      .all();
    expect(fromFile.mentions.map(({ id, text, url, createdAt }) => ({ id, text, url, createdAt }))).toEqual(
      stored,
    );
    const feed = blueskyFormat.parse(fixtureText('author-feed.json'), ctx);
    expect([feed.mentions.length, feed.shares.length]).toEqual([6, 2]);
  });

  it('throws FormatError on bodies that are not Bluesky at all', () => {
    for (const text of ['nope', '{"statuses":[]}', '[{"id":"1","account":{}}]', '{"feed":"x"}', 'true']) {
      expect(() => blueskyFormat.parse(text, ctx), text).toThrow(FormatError);
    }
  });
});

describe('bluesky parser fuzzing', () => {
  const ctx = { now: 0, fileName: 'fuzz.json' };
  const expectSane = (r: ParseResult) => {
    for (const m of r.mentions) {
      expect(m.id).toBe(`bluesky:${m.externalId}`);
      expect(Number.isFinite(m.createdAt)).toBe(true);
      expect(m.url).toMatch(/^https:\/\/bsky\.app\/profile\/[^/]+\/post\/[^/]+$/);
      expect(m.likes >= 0 && m.shares >= 0 && m.replies >= 0).toBe(true);
    }
    for (const s of r.shares) expect(r.mentions.some((m) => m.id === s.originalId)).toBe(true);
    for (const q of r.quarantined) expect(q.reason).toMatch(/^Bluesky: /);
  };
  const parse = (text: string) => blueskyFormat.parse(text, ctx);

  it('random text and random JSON: a result or a FormatError, never anything else', () => {
    fuzzTextAndJson({ parse, check: expectSane, numRuns: 200 });
  });

  it('feed items with fields replaced by random values: each one stored or quarantined', () => {
    const postKeys = ['uri', 'author', 'record', 'indexedAt', 'likeCount', 'repostCount'];
    const deepKeys = ['did', 'handle', 'displayName', 'text', 'createdAt', 'langs'];
    fc.assert(
      fc.property(
        fc.nat(FEED.length - 1),
        fc.constantFrom(...postKeys, ...deepKeys, 'reason', 'post'),
        fc.jsonValue(),
        (i, key, value) => {
          const item = structuredClone(FEED[i]!) as unknown as Record<
            string,
            Record<string, Record<string, unknown>>
          >;
          const post = item.post!;
          if (key === 'reason' || key === 'post') (item as Record<string, unknown>)[key] = value;
          else if (['did', 'handle', 'displayName'].includes(key)) post.author![key] = value;
          else if (['text', 'createdAt', 'langs'].includes(key)) post.record![key] = value;
          else (post as Record<string, unknown>)[key] = value;
          const r = blueskyFormat.parse(JSON.stringify({ feed: [item, FEED[2]] }), ctx);
          expectSane(r);
          expect(
            r.mentions.length + r.quarantined.filter((q) => !q.reason.includes('(post kept)')).length,
          ).toBe(2);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('saved bodies cut or spliced at random: a result or a FormatError', () => {
    fuzzSplicedText({ text: fixtureText('author-feed.json'), parse, check: expectSane, numRuns: 200 });
  });

  it('parsePage on random bodies: a page or a SyncError, with a storable state', () => {
    const config = blueskySource.configSchema.parse({ query: 'x' }) as BlueskyConfig;
    const state: BlueskyState = {
      mark: { at: utc('2024-11-19T10:00:00Z'), uri: 'at://a' },
      top: null,
      cursor: 'c',
      pages: 1,
    };
    fuzzPageBodies({
      source: blueskySource,
      config,
      states: [state],
      url: 'https://public.api.bsky.app/xrpc/x',
      now: 0,
      secret: null,
      check: expectSane,
      numRuns: 200,
    });
  });
});
