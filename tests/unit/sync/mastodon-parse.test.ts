/** Mastodon format and normalization: status fields, boosts, saved files, the Link header, fuzzing. */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SyncEngine } from '../../../main/core/sync/engine';
import type { Ingestor } from '../../../main/core/sync/ingest';
import { mastodonFormat } from '../../../main/core/sync/formats/mastodon';
import { linkParam, mastodonSource, type MastodonConfig } from '../../../main/core/sync/sources/mastodon';
import { FormatError, type ParseResult } from '../../../main/core/sync/types';
import { fuzzPageBodies, fuzzSplicedText, fuzzTextAndJson } from '../../helpers/parser-fuzz';
import { ROOT } from '../../helpers/tmp';
import { fixtureText, TAG, timeline, useMastodonEnv, type PlatformServer } from './mastodon-fixtures';

const env = useMastodonEnv();
const { addSource, count, row } = env;
let db: Database.Database;
let engine: SyncEngine;
let server: PlatformServer;
let ingestor: Ingestor;
beforeEach(() => {
  ({ db, engine, server, ingestor } = env);
});

describe('mastodon source: hashtag timeline', () => {
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
  const parse = (text: string) => mastodonFormat.parse(text, ctx);

  it('random text and random JSON: a result or a FormatError, never anything else', () => {
    fuzzTextAndJson({ parse, check: expectSane, numRuns: 200 });
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
    fuzzSplicedText({ text: fixtureText('notifications.json'), parse, check: expectSane, numRuns: 200 });
  });

  it('parsePage on random bodies: a page or a SyncError, with a storable state', () => {
    const config = mastodonSource.configSchema.parse({
      baseUrl: 'https://m.example',
      hashtag: 'x',
    }) as MastodonConfig;
    fuzzPageBodies({
      source: mastodonSource,
      config,
      states: [mastodonSource.initialState(config)],
      url: 'https://m.example/api/v1/timelines/tag/x',
      now: 0,
      secret: null,
      check: expectSane,
      numRuns: 200,
      // Mastodon pages through the Link header: a random one, or none.
      headers: fc.option(fc.string()).map((link) => {
        const headers = new Headers();
        if (link !== null) headers.set('link', link.replace(/[\r\n\0]/g, ''));
        return headers;
      }),
    });
  });
});
