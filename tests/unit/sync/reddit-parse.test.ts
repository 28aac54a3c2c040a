/** Reddit format and normalization: posts and comments, entities, permalinks, saved files, fuzzing. */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SyncEngine } from '../../../main/core/sync/engine';
import { redditFormat } from '../../../main/core/sync/formats/reddit';
import { redditSource, type RedditConfig, type RedditState } from '../../../main/core/sync/sources/reddit';
import { FormatError, type ParseResult } from '../../../main/core/sync/types';
import { fuzzPageBodies, fuzzSplicedText, fuzzTextAndJson } from '../../helpers/parser-fuzz';
import { ROOT } from '../../helpers/tmp';
import {
  A,
  C,
  COMMENTS,
  D,
  E,
  FIXTURES,
  fixtureText,
  listingPages,
  markOf,
  NOW,
  P1,
  P2,
  useRedditEnv,
  type PlatformServer,
} from './reddit-fixtures';

const env = useRedditEnv();
const { addSource, row } = env;
let db: Database.Database;
let engine: SyncEngine;
let server: PlatformServer;
beforeEach(() => {
  ({ db, engine, server } = env);
});

describe('reddit source: search', () => {
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
});

describe('reddit source: bad records and bad answers', () => {
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
  const parse = (text: string) => redditFormat.parse(text, ctx);

  it('random text and random JSON: a result or a FormatError', () => {
    fuzzTextAndJson({ parse, check: expectSane, numRuns: 200 });
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
    fuzzSplicedText({ text: fixtureText('thread.json'), parse, check: expectSane, numRuns: 200 });
  });

  it('parsePage on random bodies: a page or a SyncError, with a storable state', () => {
    const config = redditSource.configSchema.parse({ search: 'x' }) as RedditConfig;
    const states: RedditState[] = [
      redditSource.initialState(config),
      { mark: markOf(C!), top: markOf(A!), after: 't3_abc', pages: 2 },
    ];
    fuzzPageBodies({
      source: redditSource,
      config,
      states,
      url: 'https://www.reddit.com/search.json',
      now: NOW,
      secret: null,
      check: expectSane,
      numRuns: 200,
    });
  });
});
