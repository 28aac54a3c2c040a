import { Parser } from 'htmlparser2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertMentions, fixtureStore, at } from './fixture';
import { exportText } from './export-helpers';

// Hostile mention texts, author names and URLs: none may become markup, a script or a fetch.
const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '"><iframe src="https://evil.test/"></iframe>',
  "'><link rel=stylesheet href=https://evil.test/x.css>",
  '<style>@import url(https://evil.test/a.css)</style>',
  '<a href="javascript:alert(1)">clic</a>',
  '</td></tr></table><script src=https://evil.test/x.js></script>',
  '[lien](javascript:alert(1)) ![img](https://evil.test/p.png)',
  '=HYPERLINK("https://evil.test","clic")',
];

let env: ReturnType<typeof fixtureStore>;
beforeEach(() => {
  env = fixtureStore();
  insertMentions(
    env.db,
    XSS.map((text, i) => ({
      id: `x:xss${i}`,
      at: at(9, 40 + i),
      handle: `h${i}`,
      name: XSS[(i + 1) % XSS.length]!,
      reach: 1,
      sentiment: -0.5,
      toxicity: 0.1,
      cluster: 'cx',
      text,
      url: i % 2 ? `https://evil.test/${encodeURI(text)}` : 'javascript:alert(document.cookie)',
    })),
  );
  env.db
    .prepare(
      "INSERT INTO evidence(incident_id, mention_id, platform, url, author_handle, author_name, text, mention_created_at, sha256, pinned_at) VALUES ('panne-2026-03', 'x:xss1', 'x', ?, '<b>h1</b>', ?, ?, 0, ?, ?)",
    )
    .run(`https://evil.test/"><script>alert(3)</script>`, XSS[1], XSS[7], 'ef'.repeat(32), at(9, 50));
});
afterEach(() => {
  env.db.close();
  env.tmp.cleanup();
});

describe('HTML export is self-contained and inert', () => {
  it.each(['fr', 'en'] as const)(
    'has no script, no external load, only escaped hostile text (%s)',
    async (lang) => {
      const html = await exportText(env.db, { format: 'html', lang });
      // Parsed by a real HTML parser: which elements and attributes does a browser get?
      const tags = new Set<string>();
      const attrs: [string, string, string][] = [];
      const parser = new Parser({
        onopentag(name, attributes) {
          tags.add(name);
          for (const [k, v] of Object.entries(attributes)) attrs.push([name, k, v]);
        },
      });
      parser.write(html);
      parser.end();
      const allowed = [
        'html',
        'head',
        'meta',
        'title',
        'style',
        'body',
        'h1',
        'h2',
        'h3',
        'p',
        'br',
        'table',
        'thead',
        'tbody',
        'tr',
        'th',
        'td',
        'ul',
        'li',
        'figure',
        'figcaption',
        'svg',
        'line',
        'rect',
        'text',
        'blockquote',
        'div',
        'span',
        'a',
        'section',
      ];
      expect([...tags].filter((t) => !allowed.includes(t))).toEqual([]);
      for (const [tag, name, value] of attrs) {
        expect(name, `${tag} ${name}`).not.toMatch(/^on|^src$|^srcset$|^style$|^formaction$|^xlink:href$/i);
        if (name === 'href') expect(value).toMatch(/^https?:\/\//);
      }
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/url\(|@import/i);
      // Every link is printed in full as its own text.
      for (const [, href, text] of html.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g))
        expect(text).toBe(href);
      // The hostile texts are there, as text.
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script src=https://evil.test/x.js&gt;');
      expect(html).toContain('&lt;b&gt;h1&lt;/b&gt;'); // an author handle
      expect(html).toContain('https://evil.test/&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;'); // a link, in full
      expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'none\';');
    },
  );

  it('Markdown escapes links, images and HTML from mentions', async () => {
    const md = await exportText(env.db, { format: 'md', lang: 'fr' });
    expect(md).not.toMatch(/(?<!\\)<script/);
    expect(md).not.toMatch(/(?<!\\)\[lien\]\(/);
    expect(md).not.toMatch(/!\[img\]/);
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
  });

  it('CSV has a BOM, the chosen delimiter, and neutralized formulas', async () => {
    const semi = await exportText(env.db, { format: 'csv' });
    expect(semi.startsWith('\ufeffid;platform;created_at;')).toBe(true);
    expect(semi).toContain(`'=HYPERLINK(`);
    expect(semi).not.toMatch(/[;\n]=HYPERLINK/);
    const comma = await exportText(env.db, { format: 'csv', delimiter: ',', csvTable: 'timeline' });
    expect(comma.startsWith('\ufeffat,kind,actor,text,mention_id,data\r\n')).toBe(true);
    expect(comma).toContain('2026-03-14T08:12:00.000Z,alert,Vigie,');
  });

  it('pseudonymized exports keep no author handle, name or link', async () => {
    const md = await exportText(env.db, { format: 'md', lang: 'en', pseudonymize: true });
    const csv = await exportText(env.db, { format: 'csv', pseudonymize: true });
    for (const doc of [md, csv]) {
      for (const secret of [
        'mallory',
        'nadia_r',
        'Ève Durand',
        'https://x.com/eve',
        'Camille Martin',
        'Hugo Bernard',
      ])
        expect(doc, secret).not.toContain(secret);
    }
    expect(md).toMatch(/@anon-[0-9a-f]{6}/);
    // Stable: the same author gets the same alias in every export.
    const again = await exportText(env.db, { format: 'md', lang: 'en', pseudonymize: true });
    expect(again).toBe(md);
  });

  it('private details of protected people only when chosen', async () => {
    const hidden = await exportText(env.db, { format: 'html', lang: 'fr' });
    const shown = await exportText(env.db, { format: 'html', lang: 'fr', includePrivate: true });
    expect(hidden).not.toContain('Nadia Roux');
    expect(shown).toContain('Nadia Roux');
    expect(shown).toContain('@nadia_r');
  });
});
