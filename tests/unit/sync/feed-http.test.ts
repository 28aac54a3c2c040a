// The feed source over HTTP: conditional requests (ETag / Last-Modified), declared charsets, URL
// config, and failed answers that must store nothing, against a server on 127.0.0.1.
import { describe, expect, it } from 'vitest';
import { SourcesRepo } from '../../../main/core/store/sources-repo';
import {
  addSource,
  conditional,
  cursorOf,
  db,
  engine,
  ETAG,
  fixture,
  LAST_MODIFIED,
  mentionCount,
  NOW,
  RSS,
  RSS_TYPE,
  server,
  useFeedSource,
} from './feed-fixtures';

useFeedSource();

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
