// Google Alerts feeds: google.com/url redirects unwrapped, highlights stripped, one mention per article.
import { describe, expect, it } from 'vitest';
import { unwrapGoogleUrl } from '../../../main/core/sync/formats/google-alerts';
import { addSource, ALERTS, db, engine, row, server, useFeedSource } from './feed-fixtures';

useFeedSource();

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
