// The RSS / Atom parser on its own: RSS 1.0, links and ids, sniffing, refusals, hostile input, fuzzing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atomFormat, parseFeed, rssFormat } from '../../../main/core/sync/formats/feed-parse';
import { FormatError } from '../../../main/core/sync/types';
import { ALERTS, ATOM, fixture, NOW, RSS } from './feed-fixtures';

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

  it('resolves the relative links of a description against the feed; other links stay as written', () => {
    const rss = `<rss><channel><title>Journal</title><link>https://www.journal.example/</link>
      <item><title>Panne</title><link>/2026/11/panne</link><pubDate>Tue, 25 Nov 2026 10:00:00 GMT</pubDate>
        <description>&lt;p&gt;Lire &lt;a href="/dossiers/ondaline"&gt;notre dossier&lt;/a&gt;, &lt;a href="suite.html"&gt;la suite&lt;/a&gt;,
        &lt;a href="mailto:redaction@journal.example"&gt;nous écrire&lt;/a&gt;, &lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt;,
        &lt;a href="#haut"&gt;haut&lt;/a&gt;&lt;/p&gt;</description></item>
    </channel></rss>`;
    const text = rssFormat.parse(rss, { now: NOW, fileName: 'feed.xml' }).mentions[0]!.text;
    expect(text).toContain('notre dossier [https://www.journal.example/dossiers/ondaline]');
    expect(text).toContain('la suite [https://www.journal.example/suite.html]');
    expect(text).toContain('nous écrire [redaction@journal.example]');
    expect(text).toContain('x [javascript:alert(1)]');
    expect(text).toContain('haut');
    expect(text).not.toContain('#haut');
  });

  it("resolves an Atom entry's relative links against its own xml:base", () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Statut</title><id>urn:statut</id>
      <entry xml:base="https://status.ondaline.example/updates/"><id>urn:statut:1</id><title>Rétabli</title>
        <link href="retabli.html"/><updated>2026-11-25T10:00:00Z</updated>
        <content type="html">Voir &lt;a href="carte.html"&gt;la carte&lt;/a&gt;</content></entry>
    </feed>`;
    const m = atomFormat.parse(atom, { now: NOW, fileName: 'status.atom' }).mentions[0]!;
    expect(m.url).toBe('https://status.ondaline.example/updates/retabli.html');
    expect(m.text).toContain('la carte [https://status.ondaline.example/updates/carte.html]');
  });

  it('scopes a bare guid by its site: two feeds numbering their items 1, 2 keep both; URIs stay as they are', () => {
    const feed = (site: string) => `<rss><channel><title>${site}</title><link>https://www.${site}/</link>
      <item><title>Article un de ${site}</title><guid isPermaLink="false">1</guid><pubDate>Tue, 25 Nov 2026 10:00:00 GMT</pubDate></item>
      <item><title>Article deux de ${site}</title><guid isPermaLink="false">urn:uuid:${site}-2</guid><pubDate>Tue, 25 Nov 2026 10:00:00 GMT</pubDate></item>
    </channel></rss>`;
    expect(parseFeed(feed('journal-a.example'), opts).mentions.map((m) => m.id)).toEqual([
      'rss:journal-a.example/1',
      'rss:urn:uuid:journal-a.example-2',
    ]);
    expect(parseFeed(feed('journal-b.example'), opts).mentions.map((m) => m.id)).toEqual([
      'rss:journal-b.example/1',
      'rss:urn:uuid:journal-b.example-2',
    ]);
    // A bare guid stored unscoped by an earlier version is recognised (see Ingestor's previousId).
    expect(parseFeed(feed('journal-b.example'), opts).mentions.map((m) => m.previousId)).toEqual([
      'rss:1',
      undefined,
    ]);
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
      {
        reason: 'RSS item 2: entry without guid, id or link',
        code: 'no_id',
        detail: { unit: 'entry', n: 2 },
        raw: expect.any(String),
      },
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
      ['<!doctype html><html><body>Consent</body></html>', /^This is an HTML page, not an RSS/],
      ['\n <html lang="fr"><head></head></html>', /^This is an HTML page, not an RSS/],
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
