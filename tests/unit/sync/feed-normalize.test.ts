// How the feed source turns RSS items and Atom entries into mentions: text, links, ids, dates,
// authors, and the items it quarantines.
import { describe, expect, it } from 'vitest';
import {
  addSource,
  ATOM,
  conditional,
  db,
  engine,
  NOW,
  row,
  RSS,
  server,
  useFeedSource,
} from './feed-fixtures';

useFeedSource();

describe('feed source: RSS 2.0', () => {
  it('normalizes items: plain text, resolved links, guid or link as id, localized dates, authors', async () => {
    server.setHandler(conditional(RSS));
    await engine.runOnce(addSource(`${server.baseUrl}/actu/feed.xml`));

    // A bare guid (isPermaLink="false") is the site's own number: scoped by the site's host.
    const first = row('rss:journal-reseau.example/jr-2026-1125-001');
    expect(first).toMatchObject({
      platform: 'rss',
      external_id: 'journal-reseau.example/jr-2026-1125-001',
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
    expect(row('rss:journal-reseau.example/jr-2026-1125-005')).toMatchObject({
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
