import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open';
import { SourcesRepo } from '../../../main/core/store/sources-repo';
import { SyncEngine } from '../../../main/core/sync/engine';
import { parseLooseDate } from '../../../main/core/sync/formats/feed-dates';
import { atomFormat, parseFeed, rssFormat } from '../../../main/core/sync/formats/feed-parse';
import { unwrapGoogleUrl } from '../../../main/core/sync/formats/google-alerts';
import { HttpClient } from '../../../main/core/sync/http';
import { Ingestor } from '../../../main/core/sync/ingest';
import { EnvAndFileSecrets } from '../../../main/core/sync/secrets';
import { registerAdapter } from '../../../main/core/sync/sources';
import { feedSource, type FeedState } from '../../../main/core/sync/sources/feed';
import { FormatError } from '../../../main/core/sync/types';
import { startPlatformServer, type RecordedRequest, type Reply } from '../../helpers/platform-server';
import { ROOT, tempDir } from '../../helpers/tmp';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'feeds');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const RSS = fixture('rss2.xml');
const ATOM = fixture('atom.xml');
const ALERTS = fixture('google-alerts.xml');
const NOW = Date.UTC(2026, 10, 25, 17, 0, 0);
const ETAG = '"rss-v1-5f3a"';
const LAST_MODIFIED = 'Tue, 25 Nov 2026 15:30:00 GMT';
const RSS_TYPE = { 'content-type': 'application/rss+xml; charset=utf-8' };

/** Serves `body` like a well-behaved feed server: validators, and 304 when the client's still match. */
function conditional(body: string, etag = ETAG, lastModified = LAST_MODIFIED) {
  return (req: RecordedRequest): Reply => {
    const fresh = req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === lastModified;
    const headers = { ...RSS_TYPE, etag, 'last-modified': lastModified };
    return fresh ? { status: 304, headers } : { body, headers };
  };
}

let tmp: ReturnType<typeof tempDir>;
let db: Database.Database;
let engine: SyncEngine;
let server: Awaited<ReturnType<typeof startPlatformServer>>;

beforeAll(() => registerAdapter(feedSource));
beforeEach(async () => {
  tmp = tempDir();
  db = openStore(tmp.file('store.db'));
  engine = new SyncEngine({
    db,
    ingestor: new Ingestor(db, () => NOW),
    http: new HttpClient({ timeoutMs: 3000 }),
    secrets: new EnvAndFileSecrets({}),
    now: () => NOW,
  });
  server = await startPlatformServer(() => ({ status: 404, body: 'Not Found' }));
});
afterEach(async () => {
  await server.close();
  db.close();
  tmp.cleanup();
});

function addSource(url: string, id = 'feed'): string {
  new SourcesRepo(db).create({ id, type: 'feed', name: 'Feed test', config: { url }, status: 'idle' }, NOW);
  return id;
}
const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
const mentionCount = () => count('SELECT COUNT(*) AS n FROM mentions');
const cursorOf = (id: string) => {
  const cursor = new SourcesRepo(db).get(id)!.cursor;
  return cursor === null ? null : (JSON.parse(cursor) as FeedState);
};
const row = (id: string) =>
  db.prepare('SELECT * FROM mentions WHERE id = ?').get(id) as Record<string, unknown>;

describe('feed source: RSS 2.0', () => {
  it('reads the feed, then asks with its ETag / Last-Modified: 304 → nothing new, run complete', async () => {
    server.setHandler(conditional(RSS));
    const id = addSource(`${server.baseUrl}/actu/feed.xml`);

    const first = await engine.runOnce(id);
    expect(first).toMatchObject({ status: 'ok', inserted: 4, quarantined: 1, pages: 1, complete: true });
    expect(server.requests[0]!.headers['if-none-match']).toBeUndefined();
    expect(server.requests[0]!.headers['if-modified-since']).toBeUndefined();
    expect(server.requests[0]!.headers.accept).toContain('application/rss+xml');
    expect(cursorOf(id)).toEqual({ etag: ETAG, lastModified: LAST_MODIFIED });

    // HttpClient returns 304 as a normal response (status 304, empty body): the feed did not change.
    const second = await engine.runOnce(id);
    expect(second).toMatchObject({ status: 'ok', inserted: 0, duplicates: 0, complete: true, error: null });
    expect(server.requests[1]!.headers['if-none-match']).toBe(ETAG);
    expect(server.requests[1]!.headers['if-modified-since']).toBe(LAST_MODIFIED);
    expect(cursorOf(id)).toEqual({ etag: ETAG, lastModified: LAST_MODIFIED });
    expect(mentionCount()).toBe(4);
  });

  it('decodes a feed in its declared legacy charset (header or XML prolog), accents and € intact', async () => {
    const title = 'Coupure générale : l’opérateur promet 10 € de dédommagement';
    const xml = (prolog: string) =>
      `<?xml version="1.0"${prolog}?><rss version="2.0"><channel><title>Actu</title><link>https://actu.example/</link>` +
      `<item><title>${title}</title><link>https://actu.example/a${prolog ? 1 : 2}</link>` +
      `<pubDate>Tue, 25 Nov 2026 15:00:00 GMT</pubDate></item></channel></rss>`;
    const cp1252 = (text: string) =>
      Buffer.from([...text].map((c) => ({ '’': 0x92, '€': 0x80 })[c] ?? c.charCodeAt(0)));
    // Declared in the prolog only, served without a charset.
    server.setHandler(() => ({
      body: cp1252(xml(' encoding="ISO-8859-1"')),
      headers: { 'content-type': 'application/rss+xml' },
    }));
    await engine.runOnce(addSource(`${server.baseUrl}/latin1.xml`, 'latin1'));
    // Declared in the header only.
    server.setHandler(() => ({
      body: cp1252(xml('')),
      headers: { 'content-type': 'application/rss+xml; charset=windows-1252' },
    }));
    await engine.runOnce(addSource(`${server.baseUrl}/cp1252.xml`, 'cp1252'));
    const texts = db.prepare('SELECT text FROM mentions ORDER BY id').all() as { text: string }[];
    expect(texts).toHaveLength(2);
    for (const { text } of texts) expect(text).toContain(title);
  });

  it('takes baseUrl + path like the other HTTP sources', async () => {
    server.setHandler((req) =>
      req.path === '/actu/feed.xml' ? { body: RSS, headers: RSS_TYPE } : { status: 404 },
    );
    new SourcesRepo(db).create(
      {
        id: 'based',
        type: 'feed',
        name: 'Feed',
        config: { baseUrl: server.baseUrl, path: 'actu/feed.xml' },
        status: 'idle',
      },
      NOW,
    );
    const report = await engine.runOnce('based');
    expect(report.error?.message ?? null).toBeNull();
    expect(report.inserted).toBeGreaterThan(0);
  });

  it('a server without validators: the second run re-reads the feed and stores 0 new', async () => {
    server.setHandler(() => ({ body: RSS, headers: RSS_TYPE }));
    const id = addSource(`${server.baseUrl}/feed`);
    expect(await engine.runOnce(id)).toMatchObject({ inserted: 4 });
    const again = await engine.runOnce(id);
    expect(again).toMatchObject({ status: 'ok', inserted: 0, duplicates: 4, complete: true });
    expect(server.requests[1]!.headers['if-none-match']).toBeUndefined();
    expect(cursorOf(id)).toEqual({ etag: null, lastModified: null });
    expect(mentionCount()).toBe(4);
  });

  it('normalizes items: plain text, resolved links, guid or link as id, localized dates, authors', async () => {
    server.setHandler(conditional(RSS));
    await engine.runOnce(addSource(`${server.baseUrl}/actu/feed.xml`));

    const first = row('rss:jr-2026-1125-001');
    expect(first).toMatchObject({
      platform: 'rss',
      external_id: 'jr-2026-1125-001',
      // Relative link, resolved against the feed's URL.
      url: `${server.baseUrl}/2026/11/25/panne-ondaline`,
      author_handle: 'Claire Martin',
      author_name: 'Claire Martin',
      lang: 'fr',
      // "mar., 25 nov. 2026 14:03:00 +0100"
      created_at: Date.UTC(2026, 10, 25, 13, 3),
    });
    expect(first.text).toMatch(/^Panne Ondaline : la cellule de crise mobilisée\n\nLes abonnés d’Ondaline/);
    expect(first.text).not.toMatch(/<|alert\(/); // HTML and its script are gone

    // No guid: the link is the id; the RSS author e-mail gives its name; entities decoded.
    const second = row('rss:https://www.journal-reseau.example/2026/11/25/geste-commercial');
    expect(second).toMatchObject({
      author_handle: 'La Rédaction',
      created_at: Date.UTC(2026, 10, 25, 15, 30),
      text: "Ondaline promet un geste commercial & un remboursement\n\nL'opérateur annonce un dédommagement automatique.",
    });

    // <source url>: the original publisher is the author; a zone-less French date is local time.
    expect(row('rss:https://www.journal-reseau.example/?p=4242')).toMatchObject({
      author_handle: 'agence.example',
      author_name: 'Agence Télécom',
      created_at: new Date(2026, 10, 25, 16, 45).getTime(),
    });

    // No date at all (allowed by RSS): dated when first seen; no author: the site and the feed title.
    expect(row('rss:jr-2026-1125-005')).toMatchObject({
      created_at: NOW,
      author_handle: 'journal-reseau.example',
      author_name: 'Le Journal du Réseau',
    });

    const q = db.prepare('SELECT reason, raw_excerpt FROM quarantine').all() as {
      reason: string;
      raw_excerpt: string;
    }[];
    expect(q).toEqual([
      {
        reason: 'RSS item 4: unreadable date "le jour de la panne"',
        raw_excerpt: expect.stringContaining('<guid isPermaLink="false">jr-2026-1125-004</guid>'),
      },
    ]);
  });

  it('an HTML error page, a cut-off feed or a 500 stores nothing and keeps the validators', async () => {
    server.setHandler(conditional(RSS));
    const id = addSource(`${server.baseUrl}/feed.xml`);
    await engine.runOnce(id);
    const before = cursorOf(id);

    server.setHandler(() => ({ body: fixture('error-page.html'), headers: { 'content-type': 'text/html' } }));
    const html = await engine.runOnce(id);
    expect(html).toMatchObject({ status: 'error', error: { kind: 'bad_response' } });
    expect(html.error!.message).toContain('This is an HTML page, not an RSS or Atom feed.');

    // A complete HTTP answer whose XML stops in the middle of an item.
    const cut = RSS.slice(0, RSS.indexOf('<title>Article à la date'));
    server.setHandler(() => ({ body: cut.replace('jr-2026-1125-001', 'jr-new-001'), headers: RSS_TYPE }));
    const truncated = await engine.runOnce(id);
    expect(truncated).toMatchObject({ status: 'error', error: { kind: 'bad_response' } });
    expect(truncated.error!.message).toContain('cut off');

    server.setHandler(() => ({ status: 500, body: 'oops' }));
    expect(await engine.runOnce(id)).toMatchObject({ status: 'error', error: { kind: 'server' } });

    server.setHandler(() => ({ body: '{"items":[]}', headers: { 'content-type': 'application/json' } }));
    expect(await engine.runOnce(id)).toMatchObject({ error: { kind: 'bad_response' } });

    expect(mentionCount()).toBe(4);
    expect(cursorOf(id)).toEqual(before);
  });

  it('rejects a config without an http(s) URL', async () => {
    const id = addSource('file:///etc/passwd');
    expect(await engine.runOnce(id)).toMatchObject({ status: 'config_error' });
    expect(server.requests).toHaveLength(0);
  });
});

describe('feed source: Atom', () => {
  it('reads entries with xml:base, html / xhtml / text content, and feed-level authors', async () => {
    server.setHandler(() => ({ body: ATOM, headers: { 'content-type': 'application/atom+xml' } }));
    const id = addSource(`${server.baseUrl}/blog/atom.xml`);
    expect(await engine.runOnce(id)).toMatchObject({ status: 'ok', inserted: 3, quarantined: 0 });

    expect(row('rss:tag:status.ondaline.example,2026:post-1')).toMatchObject({
      // xml:base on the feed ("https://status.ondaline.example/blog/") + "posts/outage-grand-est"
      url: 'https://status.ondaline.example/blog/posts/outage-grand-est',
      author_handle: 'Jane Doe',
      lang: 'en',
      created_at: Date.UTC(2026, 10, 25, 12, 3), // published, not updated
      text: 'Outage in the Grand Est region\n\nWe are investigating a fibre outage.',
    });
    const restored = row('rss:tag:status.ondaline.example,2026:post-2');
    expect(restored).toMatchObject({
      url: 'https://status.ondaline.example/updates/2026/restored.html', // the entry's own xml:base
      author_handle: 'Ondaline Network Team', // the feed's author
      created_at: Date.UTC(2026, 10, 25, 15, 45, 30, 250),
    });
    expect(restored.text).toMatch(
      /^Service restored\n\nAll customers are back online\.\nRead the incident report/,
    );
    expect(restored.text).toContain('& our apology');
    expect(row('rss:tag:status.ondaline.example,2026:post-3')).toMatchObject({
      url: 'https://elsewhere.example/absolute',
      text: 'Plain text entry\n\nMaintenance window: 02:00 < t < 04:00 tonight.', // text type stays text
    });
    expect(await engine.runOnce(id)).toMatchObject({ inserted: 0, duplicates: 3 });
  });

  it('resolves relative links against the feed URL when there is no xml:base', async () => {
    const atom = ATOM.replace(' xml:base="https://status.ondaline.example/blog/"', '');
    server.setHandler(() => ({ body: atom }));
    await engine.runOnce(addSource(`${server.baseUrl}/status/feeds/atom.xml`));
    expect(row('rss:tag:status.ondaline.example,2026:post-1').url).toBe(
      `${server.baseUrl}/status/feeds/posts/outage-grand-est`,
    );
  });
});

describe('feed source: Google Alerts', () => {
  it('unwraps google.com/url links, strips the <b> highlights, one mention per article', async () => {
    server.setHandler(() => ({ body: ALERTS, headers: { 'content-type': 'application/atom+xml' } }));
    const id = addSource(`${server.baseUrl}/alerts/feeds/0680703191/1060416615`);
    // Three entries, two of them the same article seen by two alerts.
    expect(await engine.runOnce(id)).toMatchObject({ status: 'ok', inserted: 2, duplicates: 1 });

    const article = 'https://www.journal-reseau.example/2026/11/25/panne-ondaline';
    expect(row(`rss:${article}`)).toMatchObject({
      url: article,
      external_id: article,
      author_handle: 'journal-reseau.example',
      created_at: Date.UTC(2026, 10, 25, 13, 40, 12),
      text:
        "Panne géante chez Ondaline : des milliers d'abonnés privés d'internet\n\n" +
        "Les abonnés d'Ondaline signalent une coupure générale depuis ce matin, selon la cellule de crise\u00a0...",
    });
    const news = row('rss:https://news.example.com/tech/ondaline-outage?ref=alert&lang=en');
    expect(news).toMatchObject({ author_handle: 'news.example.com' });
    expect(news.text).toBe(
      'Ondaline outage: what we know\n\nCustomers of Ondaline report no connection & no phone line\u00a0...',
    );
    const all = db.prepare('SELECT url, text FROM mentions').all() as { url: string; text: string }[];
    for (const m of all) {
      expect(m.url).not.toContain('google.com');
      expect(m.text).not.toMatch(/<\/?b>|&lt;|&#39;|&nbsp;/);
    }
  });

  it('unwraps only real Google redirects to http(s) pages', () => {
    expect(
      unwrapGoogleUrl('https://www.google.com/url?rct=j&sa=t&url=https://a.example/x%3Fy%3D1&ct=ga'),
    ).toBe('https://a.example/x?y=1');
    expect(unwrapGoogleUrl('https://www.google.fr/url?q=https://b.example/&sa=U')).toBe('https://b.example/');
    for (const bad of [
      'https://evil.example/url?url=https://a.example/',
      'https://www.google.com/search?url=https://a.example/',
      'https://www.google.com/url?url=javascript:alert(1)',
      'https://www.google.com/url?sa=t',
      'not a url',
      null,
    ]) {
      expect(unwrapGoogleUrl(bad), String(bad)).toBeNull();
    }
  });
});

describe('feed parser', () => {
  const opts = { feedUrl: null, now: NOW };

  it('reads RSS 1.0 (RDF) too', () => {
    const r = parseFeed(fixture('rss1-rdf.xml'), opts);
    expect(r.kind).toBe('rss');
    expect(r.mentions).toMatchObject([
      {
        id: 'rss:https://forum.example/t/1',
        authorHandle: 'jeanmi57',
        createdAt: Date.UTC(2026, 10, 25, 8, 12),
      },
    ]);
  });

  it('in a file, resolves relative links against the channel link', () => {
    const r = rssFormat.parse(RSS, { now: NOW, fileName: 'feed.xml' });
    expect(r.mentions[0]!.url).toBe('https://www.journal-reseau.example/2026/11/25/panne-ondaline');
  });

  it('keeps long ids short, and never keeps javascript: or data: links', () => {
    const longGuid = `https://tracker.example/?${'x'.repeat(400)}`;
    const rss = `<rss><channel><title>T</title>
      <item><title>A</title><guid>${longGuid}</guid><link>javascript:alert(1)</link><pubDate>Tue, 25 Nov 2026 10:00:00 GMT</pubDate></item>
      <item><title>B</title><link>data:text/html,hi</link><pubDate>Tue, 25 Nov 2026 11:00:00 GMT</pubDate></item>
    </channel></rss>`;
    const r = parseFeed(rss, opts);
    expect(r.mentions).toHaveLength(1);
    expect(r.mentions[0]!.externalId).toMatch(/^sha1:[0-9a-f]{40}$/);
    expect(r.mentions[0]!.url).toBe(longGuid); // the guid is a permalink
    expect(r.quarantined).toEqual([
      { reason: 'RSS item 2: entry without guid, id or link', raw: expect.any(String) },
    ]);
  });

  it('quarantines entries with neither title nor text', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>e1</id><updated>2026-11-25T10:00:00Z</updated></entry></feed>`;
    expect(parseFeed(atom, opts).quarantined[0]!.reason).toBe('Atom entry 1: entry without title or text');
  });

  it('sniffs RSS and Atom by their root element', () => {
    expect(rssFormat.sniff(RSS, 'feed.xml')).toBe(true);
    expect(rssFormat.sniff(fixture('rss1-rdf.xml'), 'x')).toBe(true);
    expect(atomFormat.sniff(RSS, 'feed.xml')).toBe(false);
    expect(atomFormat.sniff(ATOM, 'atom.xml')).toBe(true);
    expect(atomFormat.sniff(ALERTS, 'alerts.xml')).toBe(true);
    expect(rssFormat.sniff(ATOM, 'atom.xml')).toBe(false);
    for (const other of ['{"rss":1}', '<html><body>rss</body></html>', '', 'date,text\n1,2', '<svg/>']) {
      expect(rssFormat.sniff(other, 'x'), other).toBe(false);
      expect(atomFormat.sniff(other, 'x'), other).toBe(false);
    }
  });

  it('refuses files that are not feeds with one clear sentence', () => {
    const ctx = { now: NOW, fileName: 'f' };
    const cases: [string, RegExp][] = [
      ['[{"platform":"x","text":"hi"}]', /^This is JSON, not an RSS or Atom feed/],
      ['%PDF-1.7\n%âãÏÓ\n1 0 obj', /^This is a PDF document, not an RSS or Atom feed\.$/],
      ['\uFFFDPNG\r\n\x1a\n\0\0\0\rIHDR', /^This is a PNG image, not an RSS or Atom feed\.$/],
      [fixture('error-page.html'), /^This is an HTML page/],
      ['<svg xmlns="http://www.w3.org/2000/svg"/>', /^This is XML whose root is <svg>/],
      ['date;texte\n25/11/2026;panne', /^This is text, not an RSS or Atom feed/],
      [RSS.slice(0, 2000), /cut off/],
      ['', /not an RSS or Atom feed/],
    ];
    for (const [text, message] of cases) {
      expect(() => rssFormat.parse(text, ctx), text.slice(0, 20)).toThrow(FormatError);
      expect(() => atomFormat.parse(text, ctx), text.slice(0, 20)).toThrow(message);
    }
  });

  it('does not expand entities declared in a DOCTYPE beyond the parser limits', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
      <rss><channel><item><title>&d;&d;&d;&d;</title><guid>1</guid><pubDate>Tue, 25 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>`;
    let text = '';
    try {
      text = parseFeed(bomb, opts).mentions[0]?.text ?? '';
    } catch (err) {
      expect(err).toBeInstanceOf(FormatError);
    }
    expect(text.length).toBeLessThan(100_000);
  });

  it('stays linear on hostile prologs and trailing comments (no regex backtracking)', () => {
    const started = Date.now();
    for (const head of [
      '<?a?>'.repeat(1600) + '<!--',
      '<!DOCTYPE a[<?x?>]>'.repeat(400),
      '<?'.repeat(4000),
    ]) {
      expect(rssFormat.sniff(head, 'x')).toBe(false);
    }
    const commented = parseFeed(`<rss><channel></channel></rss>${'<!---->\n'.repeat(50_000)}`, opts);
    expect(commented.mentions).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('fuzz: random and mutated bodies only ever throw FormatError', () => {
    const samples = [RSS, ATOM, ALERTS, fixture('rss1-rdf.xml')];
    const mutated = fc
      .tuple(fc.constantFrom(...samples), fc.nat(), fc.nat(), fc.string({ maxLength: 40 }))
      .map(([s, a, b, insert]) => {
        const i = a % s.length;
        const j = Math.min(s.length, i + (b % 200));
        return s.slice(0, i) + insert + s.slice(j);
      });
    const body = fc.oneof(
      mutated,
      fc.string({ maxLength: 300 }),
      fc.constantFrom('<rss>', '<feed>', '<rss/>'),
    );
    fc.assert(
      fc.property(body, (text) => {
        try {
          const r = parseFeed(text, { feedUrl: 'https://feeds.example/x.xml', now: NOW });
          for (const m of r.mentions) {
            expect(typeof m.text).toBe('string');
            expect(Number.isFinite(m.createdAt)).toBe(true);
          }
        } catch (err) {
          if (!(err instanceof FormatError)) throw err;
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('feed dates', () => {
  const utc = (h: number, mi = 0, s = 0) => Date.UTC(2026, 10, 25, h, mi, s);
  const local = (h: number, mi = 0) => new Date(2026, 10, 25, h, mi).getTime();
  const cases: [string, number][] = [
    // RFC 822 / 1123, as the spec writes them
    ['Tue, 25 Nov 2026 14:03:00 +0100', utc(13, 3)],
    ['Tue, 25 Nov 2026 14:03:00 GMT', utc(14, 3)],
    ['Tue, 25 Nov 2026 14:03 EST', utc(19, 3)],
    ['Tue, 25 Nov 2026 06:03:00 PST', utc(14, 3)],
    ['25 Nov 2026 14:03:00 UT', utc(14, 3)],
    ['Tue, 25 Nov 26 14:03:00 Z', utc(14, 3)],
    ['Tue, 25 Nov 2026 14:03:00 +0100 (CET)', utc(13, 3)],
    ['Tue, 25 Nov 2026 15:03:00 CEST', utc(13, 3)],
    ['Tue, 25 Nov 2026 14:03:00 GMT+01:00', utc(13, 3)],
    ['Tue, 25 Nov 2026 14:03:60 GMT', utc(14, 3, 59)],
    // French
    ['mar., 25 nov. 2026 14:03:00 +0100', utc(13, 3)],
    ['Mardi 25 Novembre 2026', local(0)],
    ['mardi 25 novembre 2026 à 14h03', local(14, 3)],
    ['Mar 25 Nov 2026 14:03:00 CET', utc(13, 3)],
    ['le 25 nov. 2026 à 14 h 03', local(14, 3)],
    ['1er déc. 2026 08:00 +0100', Date.UTC(2026, 11, 1, 7)],
    ['dim., 1 févr. 2026 10:00:00 +0100', Date.UTC(2026, 1, 1, 9)],
    ['sam. 15 août 2026 12:00 +0200', Date.UTC(2026, 7, 15, 10)],
    // German
    ['Di, 25 Nov 2026 14:03:00 +0100', utc(13, 3)],
    ['Dienstag, 25. November 2026 14:03 MEZ', utc(13, 3)],
    ['Mi, 04 Mär 2026 09:00:00 +0100', Date.UTC(2026, 2, 4, 8)],
    ['Do, 31. Dez. 2026 23:59 MEZ', Date.UTC(2026, 11, 31, 22, 59)],
    // Spanish
    ['mar, 25 nov 2026 14:03:00 +0100', utc(13, 3)],
    ['martes, 25 de noviembre de 2026 14:03', local(14, 3)],
    ['mié., 4 mar. 2026 09:00 +0100', Date.UTC(2026, 2, 4, 8)],
    // English variants
    ['November 25, 2026 2:03 PM', local(14, 3)],
    ['Nov 25, 2026 12:15 a.m. UTC', utc(0, 15)],
    ['25th November 2026 14:03 UTC', utc(14, 3)],
    // ISO 8601 / RFC 3339 (Atom, dc:date, many RSS feeds)
    ['2026-11-25T14:03:00Z', utc(14, 3)],
    ['2026-11-25T14:03:00.250+01:00', utc(13, 3) + 250],
    ['2026-11-25T14:03:00+0100', utc(13, 3)],
    ['2026-11-25 14:03:00', local(14, 3)],
    ['2026-11-25', local(0)],
    // Numeric (exports), day first unless a value says otherwise
    ['25/11/2026 14:03', local(14, 3)],
    ['11/25/2026 2:03 PM', local(14, 3)],
    ['25.11.2026 14:03', local(14, 3)],
    ['25-Nov-2026 02:03PM', local(14, 3)],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(parseLooseDate(text)).toBe(expected);
  });

  it('reads ambiguous numeric dates in the order it is told', () => {
    expect(parseLooseDate('03/04/2026', { dayFirst: true })).toBe(new Date(2026, 3, 3).getTime());
    expect(parseLooseDate('03/04/2026', { dayFirst: false })).toBe(new Date(2026, 2, 4).getTime());
    expect(parseLooseDate('2026-11-25 14:03', { zone: 60 })).toBe(utc(13, 3));
  });

  it.each([
    'le jour de la panne',
    'Tue, 32 Nov 2026 10:00:00 GMT',
    'Tue, 31 Feb 2026 10:00:00 GMT',
    'Tue, 25 Foo 2026 10:00:00 GMT',
    '25 Nov',
    '25:99',
    'Tue, 25 Nov 2026 25:00:00 GMT',
    '13 PM 25 Nov 2026',
    'Tue, 25 Nov 2026 14:03:00 +9900',
    '2026-13-01',
    '',
    '12345',
    'x'.repeat(500),
  ])('refuses %j', (text) => {
    expect(parseLooseDate(text)).toBeNull();
  });

  it('fuzz: never throws, returns null or a finite number', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const r = parseLooseDate(s);
        expect(r === null || Number.isFinite(r)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
