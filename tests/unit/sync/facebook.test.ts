import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open';
import { facebookFormat } from '../../../main/core/sync/formats/facebook';
import { Ingestor } from '../../../main/core/sync/ingest';
import { FormatError, type ParseResult } from '../../../main/core/sync/types';
import { fuzzSplicedText, fuzzTextAndJson } from '../../helpers/parser-fuzz';
import { ROOT, tempDir } from '../../helpers/tmp';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'facebook');
const fixtureText = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const ctx = { now: Date.parse('2024-11-19T12:00:00Z'), fileName: 'feed.json' };
const parse = (name: string) => facebookFormat.parse(fixtureText(name), ctx);

describe('facebook file format: Graph API pages', () => {
  it('reads a Page feed: +0000 offsets, reactions, comments and shares counts', () => {
    const r = parse('page-feed.json');
    expect(r.quarantined).toEqual([]);
    expect(r.mentions[0]).toEqual({
      id: 'facebook:104958162837_1098471736210398',
      platform: 'facebook',
      externalId: '104958162837_1098471736210398',
      url: 'https://www.facebook.com/104958162837/posts/1098471736210398',
      authorHandle: 'Ondaline',
      authorName: 'Ondaline',
      authorFollowers: null,
      text: 'Incident réseau en cours dans la région lyonnaise. Nos équipes sont mobilisées. Suivi : https://www.ondaline.example/statut',
      lang: null,
      createdAt: Date.parse('2024-11-19T10:40:00Z'),
      likes: 1843,
      shares: 97,
      replies: 612,
      rating: null,
    });
    // Other offsets, with or without a colon, land on the right UTC instant.
    expect(r.mentions[1]!.createdAt).toBe(Date.parse('2024-11-19T07:15:42Z'));
    expect(r.mentions[2]!.createdAt).toBe(Date.parse('2024-11-19T03:03:11Z'));
    // No message: the story says what the post is; no `from` (privacy): "unknown".
    expect(r.mentions[1]).toMatchObject({
      text: 'Ondaline updated their cover photo.',
      authorHandle: 'unknown',
      authorName: null,
    });
    // No permalink_url: the post id opens it on facebook.com. Text is kept as typed, never parsed as HTML.
    expect(r.mentions[2]).toMatchObject({
      url: 'https://www.facebook.com/104958162837_1098200098765432',
      text: 'Publié par un visiteur : toujours pas de connexion <b>ici</b> !',
      authorHandle: 'unknown',
      likes: 0,
      replies: 0,
      shares: 0,
    });
  });

  it('reads comments, their nested replies, like_count and comment_count', () => {
    const r = parse('comments.json');
    expect(r.mentions.map((m) => [m.externalId, m.authorHandle, m.likes, m.replies])).toEqual([
      ['1098471736210398_1211220304050607', 'Claire Martin', 41, 2],
      ['1098471736210398_1211220304059999', 'unknown', 3, 0],
      ['1098471736210398_1211220304050608', 'unknown', 120, 0],
      ['1098471736210398_1211220304050609', 'Ondaline', 0, 0],
    ]);
    expect(r.mentions[0]!.url).toBe(
      'https://www.facebook.com/104958162837/posts/1098471736210398?comment_id=1211220304050607',
    );
    // A comment without permalink gets no guessed URL.
    expect(r.mentions[1]!.url).toBeNull();
  });

  it('quarantines malformed records with their reason and keeps the rest', () => {
    const r = parse('malformed.json');
    expect(r.mentions.map((m) => m.externalId)).toEqual([
      '104958162837_1098471736210398',
      '104958162837_1098471736210403',
    ]);
    expect(r.quarantined.map((q) => q.reason)).toEqual([
      'Facebook: missing or malformed id',
      'Facebook: 104958162837_1098471736210400 has no created_time',
      'Facebook: 104958162837_1098471736210401: unreadable created_time "mardi 19 novembre"',
      'Facebook: 104958162837_1098471736210402: unreadable created_time "2024-02-31T10:00:00+0000"',
      'Facebook: missing or malformed id',
      'Facebook: record is not an object',
    ]);
    expect(r.quarantined[5]!.raw).toBe('pas une publication');
    // A javascript: permalink is never kept as the link.
    expect(r.mentions[1]!.url).toBe('https://www.facebook.com/104958162837_1098471736210403');
  });

  it('recognises saved Graph pages, and not the other platforms', () => {
    for (const name of fs.readdirSync(FIXTURES))
      expect(facebookFormat.sniff(fixtureText(name), name), name).toBe(true);
    const other = (p: string) => fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', p), 'utf8');
    for (const p of [
      'mastodon/tag-timeline.json',
      'bluesky/search-posts.json',
      'twitter/search-recent-p1.json',
      'reddit/search-p1.json',
      'youtube/threads-p1.json',
    ]) {
      expect(facebookFormat.sniff(other(p), p), p).toBe(false);
    }
  });

  it('throws FormatError on bodies that are not Graph pages', () => {
    const graphError =
      '{"error":{"message":"Invalid OAuth access token.","type":"OAuthException","code":190}}';
    for (const text of ['x', graphError, '{"data":[{"title":"rss"}]}', '[]', '{"paging":{}}', 'null']) {
      expect(() => facebookFormat.parse(text, ctx), text).toThrow(FormatError);
    }
    expect(facebookFormat.parse('{"data":[]}', ctx)).toEqual({ mentions: [], shares: [], quarantined: [] });
  });
});

describe('facebook import into the store', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Database.Database;
  beforeEach(() => {
    tmp = tempDir();
    db = openStore(tmp.file('store.db'));
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  it('stores each post once: importing the same file again adds nothing', () => {
    const ingestor = new Ingestor(db);
    const first = ingestor.ingestResult(parse('page-feed.json'));
    expect(first.inserted).toHaveLength(3);
    expect(ingestor.ingestResult(parse('page-feed.json'))).toMatchObject({ inserted: [], duplicates: 3 });
    const q = ingestor.ingestResult(parse('malformed.json'));
    expect(q).toMatchObject({ quarantined: 6 });
    expect(q.inserted).toEqual(['facebook:104958162837_1098471736210403']); // the first one was already stored
  });
});

describe('facebook parser fuzzing', () => {
  const expectSane = (r: ParseResult) => {
    for (const m of r.mentions) {
      expect(m.id).toBe(`facebook:${m.externalId}`);
      expect(m.externalId).toMatch(/^[0-9_]+$/);
      expect(Number.isFinite(m.createdAt)).toBe(true);
      expect(typeof m.text).toBe('string');
      if (m.url !== null) expect(m.url).toMatch(/^https:\/\/([a-z0-9-]+\.)*facebook\.com\//);
      expect(m.likes >= 0 && m.shares >= 0 && m.replies >= 0).toBe(true);
    }
    for (const q of r.quarantined) expect(q.reason).toMatch(/^Facebook: /);
  };
  const parseText = (text: string) => facebookFormat.parse(text, ctx);

  it('random text and random JSON: a result or a FormatError', () => {
    fuzzTextAndJson({ parse: parseText, check: expectSane, numRuns: 200 });
  });

  it('records with a field replaced by a random value: each stored or quarantined', () => {
    const posts = (JSON.parse(fixtureText('page-feed.json')) as { data: Record<string, unknown>[] }).data;
    const keys = [
      'id',
      'message',
      'story',
      'created_time',
      'from',
      'permalink_url',
      'reactions',
      'comments',
      'shares',
      'like_count',
    ];
    fc.assert(
      fc.property(fc.nat(posts.length - 1), fc.constantFrom(...keys), fc.jsonValue(), (i, key, value) => {
        const post = structuredClone(posts[i]!);
        post[key] = value;
        // Beside an intact post, so the page as a whole stays recognisable.
        const r = facebookFormat.parse(JSON.stringify({ data: [post, posts[0]] }), ctx);
        expectSane(r);
        expect(r.mentions.length + r.quarantined.length).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 200 },
    );
  });

  it('a permalink whose host only ends like facebook.com is not kept (found by fuzzing)', () => {
    const text = fixtureText('comments.json');
    const spliced = text.replace('https://www.facebook.com/', 'https://&www.facebook.com/');
    expect(spliced).not.toBe(text);
    const r = facebookFormat.parse(spliced, ctx);
    expectSane(r);
    expect(r.mentions.some((m) => m.url?.includes('&www.'))).toBe(false);
  });

  it('saved pages cut or spliced at random: a result or a FormatError', () => {
    fuzzSplicedText({
      text: fixtureText('comments.json'),
      parse: parseText,
      check: expectSane,
      numRuns: 200,
    });
  });
});
