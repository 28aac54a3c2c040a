import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Mention } from '../../../shared/model';
import { mentionToJsonLine } from '../../../main/cli/mentions-output';
import { VigieError } from '../../../main/core/errors';
import { openStore } from '../../../main/core/store/open';
import { importFile } from '../../../main/core/sync/file-import';
import { elementLines, jsonFormat } from '../../../main/core/sync/formats/json';
import { ndjsonFormat } from '../../../main/core/sync/formats/ndjson';
import { Ingestor } from '../../../main/core/sync/ingest';
import '../../../main/core/sync/sources/all';
import { FormatError } from '../../../main/core/sync/types';
import { ROOT, tempDir } from '../../helpers/tmp';

const fixturePath = (dir: string, name: string) => path.join(ROOT, 'tests', 'fixtures', dir, name);
const fixture = (name: string, dir = 'files') => fs.readFileSync(fixturePath(dir, name), 'utf8');
const NOW = Date.UTC(2026, 10, 26);
const ctx = { now: NOW, fileName: 'mentions.ndjson' };

let tmp: ReturnType<typeof tempDir>;
let db: Database.Database;
let ingestor: Ingestor;
beforeEach(() => {
  tmp = tempDir();
  db = openStore(tmp.file('store.db'));
  ingestor = new Ingestor(db, () => NOW);
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});
const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;

describe('ndjson', () => {
  it('reads Vigie mentions line by line; bad lines are quarantined with their line number', () => {
    const r = ndjsonFormat.parse(fixture('mentions.ndjson'), ctx);
    expect(r.mentions.map((m) => m.id)).toEqual([
      'x:1861234567890123456',
      'mastodon:https://piaille.fr/users/jules/statuses/1135',
      'reviews:avis-123',
      'bluesky:at://did:plc:abc/app.bsky.feed.post/3k',
    ]);
    expect(r.mentions[0]).toEqual({
      id: 'x:1861234567890123456',
      platform: 'x',
      externalId: '1861234567890123456',
      url: 'https://x.com/claire_m/status/1861234567890123456',
      authorHandle: 'claire_m',
      authorName: 'Claire M.',
      authorFollowers: 1520,
      text: 'Toujours aucune connexion chez Ondaline depuis ce matin #panne',
      lang: 'fr',
      createdAt: 1795611780000,
      likes: 12,
      shares: 4,
      replies: 2,
      rating: null,
      sentiment: -0.8,
      toxicity: 0.1,
    });
    expect(r.mentions[1]).toMatchObject({
      createdAt: Date.UTC(2026, 10, 25, 13, 5),
      likes: 3,
      authorName: null,
    });
    // No platform: taken from the id; seconds since 1970 read as such.
    expect(r.mentions[2]).toMatchObject({
      platform: 'reviews',
      createdAt: 1795612000000,
      rating: 1,
      reach: 40,
    });
    // Out-of-range scores are dropped, not clamped into something they were not.
    expect(r.mentions[3]).toMatchObject({ sentiment: null, rating: null });
    expect(r.quarantined.map((q) => q.reason)).toEqual([
      'NDJSON line 5: not valid JSON',
      'NDJSON line 6: not valid JSON',
      'NDJSON line 7: no text',
      'NDJSON line 8: unknown platform "instagram"',
      'NDJSON line 9: unreadable createdAt "le 25 vers midi"',
      'NDJSON line 10: not a JSON object',
    ]);
    expect(r.quarantined[0]!.raw).toBe('not json at all');
  });

  it('counts lines from the chunk offset the importer gives, and never refuses a later chunk', () => {
    const r = ndjsonFormat.parse('{"platform":"x","externalId":"1","text":"a","createdAt":1}\nbroken\n', {
      ...ctx,
      lineOffset: 40_000,
    });
    expect(r.quarantined[0]!.reason).toBe('NDJSON line 40002: not valid JSON');
    expect(
      ndjsonFormat.parse('broken\nalso broken\n', { ...ctx, lineOffset: 20_000 }).quarantined,
    ).toHaveLength(2);
  });

  it('imports back what `vigie mentions --json` prints', () => {
    const original: Mention = {
      id: 'bluesky:at://did:plc:abc/app.bsky.feed.post/3k',
      platform: 'bluesky',
      externalId: 'at://did:plc:abc/app.bsky.feed.post/3k',
      url: 'https://bsky.app/profile/zoe.bsky.social/post/3k',
      authorHandle: 'zoe.bsky.social',
      authorName: 'Zoé',
      authorFollowers: 210,
      text: 'La panne Ondaline vue de Lille\n« toujours rien »',
      lang: 'fr',
      createdAt: Date.UTC(2026, 10, 25, 13, 20, 5, 120),
      fetchedAt: NOW,
      likes: 5,
      shares: 1,
      replies: 2,
      reach: 210,
      rating: null,
      sentiment: null,
      toxicity: null,
      sourceId: null,
      status: 'new',
    };
    const r = ndjsonFormat.parse(`${mentionToJsonLine(original)}\n`, ctx);
    expect(r.quarantined).toEqual([]);
    expect(r.mentions).toEqual([
      {
        id: original.id,
        platform: 'bluesky',
        externalId: original.externalId,
        url: original.url,
        authorHandle: 'zoe.bsky.social',
        authorName: 'Zoé',
        authorFollowers: null,
        text: original.text,
        lang: 'fr',
        createdAt: original.createdAt,
        likes: 5,
        shares: 1,
        replies: 2,
        reach: 210,
        rating: null,
        sentiment: null,
        toxicity: null,
      },
    ]);
    const snake = ndjsonFormat.parse(fixture('export.ndjson'), ctx);
    expect(snake.mentions).toMatchObject([
      {
        id: 'x:1861234567890123456',
        externalId: '1861234567890123456',
        authorName: 'Claire M.',
        reach: 1520,
      },
      { platform: 'rss', externalId: 'https://www.journal-reseau.example/2026/11/25/panne-ondaline' },
    ]);
  });

  it('refuses files where nothing is a Vigie mention, with one sentence', () => {
    const cases: [string, string][] = [
      ['', 'The file is empty.'],
      ['\n\n  \n', 'The file is empty.'],
      ['hello\nworld\n', 'This is not NDJSON: no line is a JSON value.'],
      [fixture('mentions.json'), 'This is not NDJSON: no line is a JSON value.'],
      ['%PDF-1.4\n1 0 obj', 'This is a PDF document, not an NDJSON file.'],
      ['\uFFFDPNG\r\n\x1a\n\0\0\0\rIHDR', 'This is a PNG image, not an NDJSON file.'],
      [
        '{"data":{"id":"1","text":"tweet"}}\n{"data":{"id":"2","text":"tweet"}}',
        'No line is a Vigie mention (line 1: no platform).',
      ],
    ];
    for (const [text, message] of cases) {
      expect(() => ndjsonFormat.parse(text, ctx), text.slice(0, 20)).toThrow(FormatError);
      expect(() => ndjsonFormat.parse(text, ctx), text.slice(0, 20)).toThrow(message);
    }
  });

  it('imports a large file in chunks through the importer; a second import stores nothing new', async () => {
    const file = tmp.file('big.ndjson');
    const lines: string[] = [];
    for (let i = 1; i <= 20_050; i++) {
      lines.push(
        i === 20_010
          ? '{"platform":"x","text":"broken on purpose"'
          : JSON.stringify({
              platform: 'x',
              externalId: `n${i}`,
              authorHandle: 'a',
              text: `#${i}`,
              createdAt: NOW - i * 1000,
            }),
      );
    }
    fs.writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
    const first = await importFile(file, 'auto', { ingestor, now: () => NOW });
    expect(first).toMatchObject({ format: 'ndjson', inserted: 20_049, quarantined: 1 });
    expect(db.prepare('SELECT reason FROM quarantine').get()).toEqual({
      reason: 'NDJSON line 20010: not valid JSON',
    });
    const again = await importFile(file, 'ndjson', { ingestor, now: () => NOW });
    expect(again).toMatchObject({ inserted: 0, duplicates: 20_049 });
    expect(count('SELECT COUNT(*) AS n FROM mentions')).toBe(20_049);
  });

  it('claims Vigie NDJSON only', () => {
    expect(ndjsonFormat.sniff(fixture('mentions.ndjson'), 'a')).toBe(true);
    expect(ndjsonFormat.sniff(fixture('export.ndjson'), 'a')).toBe(true);
    const others = [
      fixture('mentions.json'),
      '[{"platform":"x","text":"a","createdAt":1}]',
      fixture('tag-timeline.json', 'mastodon'),
      fixture('search-posts.json', 'bluesky'),
      fixture('search-recent-p1.json', 'twitter'),
      fixture('search-p1.json', 'reddit'),
      '{"data":{"id":"1","text":"hi","created_at":"2026-11-25T10:00:00Z"}}\n',
      'Date,Text\n2026-11-25,hi',
      fixture('rss2.xml', 'feeds'),
      '',
    ];
    for (const text of others) expect(ndjsonFormat.sniff(text, 'x'), text.slice(0, 40)).toBe(false);
  });
});

describe('json', () => {
  it('reads {mentions: […]}; bad objects are quarantined with their position and line', () => {
    const r = jsonFormat.parse(fixture('mentions.json'), { ...ctx, fileName: 'mentions.json' });
    expect(r.mentions.map((m) => m.id)).toEqual([
      'x:1861234567890123456',
      'facebook:9001_42',
      'reddit:t3_abc123',
    ]);
    expect(r.mentions[2]).toMatchObject({
      authorHandle: 'jeanmi57',
      url: null,
      createdAt: Date.UTC(2026, 10, 25, 13, 7, 30),
    });
    expect(r.quarantined).toEqual([
      {
        reason: 'JSON item 2 (line 12): no text',
        code: 'no_text',
        detail: { unit: 'line', n: 12 },
        raw: expect.stringContaining('mathieu_d'),
      },
      {
        reason: 'JSON item 4 (line 19): not a JSON object',
        code: 'not_object',
        detail: { unit: 'line', n: 19 },
        raw: 'a string is not a mention',
      },
    ]);
  });

  it('reads a bare array, the shape of a --json export collected into one', () => {
    const lines = fixture('export.ndjson').trim().split('\n');
    const r = jsonFormat.parse(`[\n${lines.join(',\n')}\n]`, ctx);
    expect(r.mentions).toHaveLength(2);
    expect(jsonFormat.parse('[]', ctx)).toEqual({ mentions: [], shares: [], quarantined: [] });
  });

  it('refuses what is not such JSON, with one sentence', () => {
    const cases: [string, string][] = [
      ['not json', 'This is not valid JSON.'],
      [fixture('mentions.ndjson'), 'It looks like NDJSON (one object per line): use --format ndjson.'],
      ['{"items":[]}', 'This JSON is neither an array of mentions nor {"mentions": […]}.'],
      ['42', 'This JSON is neither an array'],
      [fixture('tag-timeline.json', 'mastodon'), 'This JSON holds no Vigie mentions'],
      [fixture('rss2.xml', 'feeds'), 'This is not valid JSON.'],
      ['\uFFFDPNG\r\n\x1a\n\0\0\0\rIHDR', 'This is a PNG image, not a JSON file.'],
    ];
    for (const [text, message] of cases) {
      expect(() => jsonFormat.parse(text, ctx), text.slice(0, 20)).toThrow(FormatError);
      expect(() => jsonFormat.parse(text, ctx), text.slice(0, 20)).toThrow(message);
    }
  });

  it('an RSS file given as json imports nothing', async () => {
    const err = await importFile(fixturePath('feeds', 'rss2.xml'), 'json', { ingestor }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(VigieError);
    expect((err as VigieError).message).toBe('rss2.xml: This is not valid JSON.');
    expect(count('SELECT COUNT(*) AS n FROM mentions')).toBe(0);
  });

  it('claims Vigie JSON only', () => {
    expect(jsonFormat.sniff(fixture('mentions.json'), 'a')).toBe(true);
    expect(jsonFormat.sniff('[{"platform":"x","text":"a","createdAt":1}]', 'a')).toBe(true);
    for (const [name, dir] of [
      ['tag-timeline.json', 'mastodon'],
      ['search-posts.json', 'bluesky'],
      ['search-recent-p1.json', 'twitter'],
      ['search-p1.json', 'reddit'],
      ['page-feed.json', 'facebook'],
      ['rss2.xml', 'feeds'],
    ] as const) {
      expect(jsonFormat.sniff(fixture(name, dir), name), name).toBe(false);
    }
  });

  it('finds the line of each element of the mentions array, strings and nesting included', () => {
    expect(elementLines('[1,\n2,\n {"a":[3,\n4]},\n"x,\\"]\\n"\n]')).toEqual([1, 2, 3, 5]);
    expect(elementLines('{"x":[9,9],\n"mentions":\n[\n{},\n\n{"mentions":[1]}]}')).toEqual([4, 6]);
    expect(elementLines('{"note":"mentions","mentions":[]}')).toEqual([]);
  });
});

describe('ndjson / json: fuzz', () => {
  const record = fc.record(
    {
      id: fc.oneof(fc.string(), fc.constantFrom('x:1', 'rss:a', 'nope')),
      platform: fc.oneof(fc.constantFrom('x', 'rss', 'bluesky', 'instagram'), fc.string(), fc.integer()),
      externalId: fc.oneof(fc.string(), fc.integer()),
      text: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
      createdAt: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant('2026-11-25T10:00:00Z')),
      likes: fc.oneof(fc.integer(), fc.string(), fc.double()),
      sentiment: fc.oneof(fc.double(), fc.string()),
      rating: fc.oneof(fc.integer(), fc.double()),
      url: fc.oneof(fc.webUrl(), fc.string()),
    },
    { requiredKeys: [] },
  );

  it('random records and random text only ever throw FormatError', () => {
    const ndjsonText = fc.oneof(
      fc
        .array(
          fc.oneof(
            record.map((r) => JSON.stringify(r)),
            fc.string({ maxLength: 40 }),
          ),
          { maxLength: 8 },
        )
        .map((l) => l.join('\n')),
      fc.string({ maxLength: 200 }),
    );
    fc.assert(
      fc.property(ndjsonText, fc.nat(50_000), (text, offset) => {
        for (const lineOffset of [0, offset]) {
          try {
            const r = ndjsonFormat.parse(text, { ...ctx, lineOffset });
            for (const m of r.mentions) {
              expect(m.id).toBe(`${m.platform}:${m.externalId}`);
              expect(Number.isFinite(m.createdAt)).toBe(true);
            }
          } catch (err) {
            if (!(err instanceof FormatError)) throw err;
          }
        }
        ndjsonFormat.sniff(text, 'x');
      }),
      { numRuns: 200 },
    );
    const jsonText = fc.oneof(
      fc.array(record, { maxLength: 6 }).map((a) => JSON.stringify(a, null, 1)),
      fc.array(record, { maxLength: 6 }).map((a) => JSON.stringify({ mentions: a })),
      fc.json(),
      fc.string({ maxLength: 200 }),
    );
    fc.assert(
      fc.property(jsonText, (text) => {
        try {
          jsonFormat.parse(text, ctx);
        } catch (err) {
          if (!(err instanceof FormatError)) throw err;
        }
        jsonFormat.sniff(text, 'x');
      }),
      { numRuns: 200 },
    );
  });
});
