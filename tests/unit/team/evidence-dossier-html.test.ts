import { Parser } from 'htmlparser2';
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  buildDossier,
  freezeMention,
  renderDossierHtml,
  type EvidenceItem,
} from '../../../main/core/team/evidence-dossier';
import { FROZEN, input, mention, T } from './evidence-fixtures';

// The evidence dossier's HTML with attacker-written mentions in it: script tags, event handlers,
// javascript: and data: links, SVG payloads, RTL overrides, 50 kB texts. It must stay inert.

const XSS_TEXTS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">clic</text></a></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '"><iframe src=javascript:alert(1)>',
  "'><body onload=alert(1)>",
  '</div></dd></dl></section><script>alert(1)</script>',
  '</style><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '<a href="javascript:alert(1)">gagnez un iPhone</a>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<link rel=stylesheet href=https://evil.example/x.css>',
  '<style>@import url(https://evil.example/x.css); body{background:url(https://evil.example/p.png)}</style>',
  '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x">',
  '<form action="https://evil.example"><input name=p></form>',
  '<!-- <script>alert(1)</script> -->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '{{constructor.constructor("alert(1)")()}}',
  'abc\u202Egnp.exe',
  'zero\u200Bwidth\u2066isolate\u2069 and \u0000 nul \u0007 bell',
  'famille 👨‍👩‍👧 intacte',
];
const XSS_AUTHORS = [
  '<script>alert(1)</script>',
  '"onmouseover="alert(1)',
  '\u0430dmin_officiel', // Cyrillic а: a homoglyph of "admin_officiel"
  '\u202Elanoitan',
  '<img src=x onerror=alert(1)>',
];
const XSS_URLS = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(document.cookie)',
  'java\tscript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.example/x',
  'https://example.com/"><script>alert(1)</script>',
  "https://example.com/' onmouseover='alert(1)",
  'https://ex\u0430mple.com/login',
  'http://ok.example/path?q=<b>&r=1',
];
const BIG = 'Harcèlement <b>répété</b> & menaces. '.repeat(1400); // ~50 kB

const ALLOWED_TAGS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'header',
  'main',
  'h1',
  'h2',
  'dl',
  'dt',
  'dd',
  'p',
  'section',
  'div',
  'span',
  'bdi',
  'code',
  'a',
]);
const ALLOWED_ATTRS = new Set([
  'lang',
  'charset',
  'http-equiv',
  'content',
  'name',
  'class',
  'id',
  'title',
  'dir',
  'href',
  'rel',
  'target',
]);

interface Parsed {
  tags: { name: string; attribs: Record<string, string> }[];
  text: string;
  style: string;
}

function parseHtml(html: string): Parsed {
  const out: Parsed = { tags: [], text: '', style: '' };
  let inStyle = false;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        out.tags.push({ name, attribs });
        inStyle = name === 'style';
      },
      ontext(text) {
        if (inStyle) out.style += text;
        else out.text += text;
      },
      onclosetag() {
        inStyle = false;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return out;
}

/** What the text shows once the ⟦U+XXXX⟧ marks stand for the characters they replace. */
function unmark(text: string): string {
  return text.replace(/⟦U\+([0-9A-F]{4,6})⟧/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}

describe('evidence dossier HTML is inert', () => {
  const items: EvidenceItem[] = [];
  let n = 0;
  for (const text of XSS_TEXTS)
    items.push(freezeMention(mention({ id: `x:t${n}`, createdAt: T + n++, text }), FROZEN));
  for (const authorHandle of XSS_AUTHORS)
    items.push(
      freezeMention(
        mention({ id: `x:a${n}`, createdAt: T + n++, authorHandle, authorName: authorHandle }),
        FROZEN,
      ),
    );
  for (const url of XSS_URLS)
    items.push(freezeMention(mention({ id: `x:u${n}`, createdAt: T + n++, url }), FROZEN));
  items.push(
    freezeMention(mention({ id: 'x:big', createdAt: T + n, text: BIG }), FROZEN, {
      note: '<script>n</script>',
    }),
  );
  const dossier = buildDossier(
    input(items, {
      subject: '<script>alert("subject")</script>',
      title: '<img src=x onerror=alert(1)>',
      preparedBy: '"><svg onload=alert(1)>',
    }),
  );

  for (const lang of ['fr', 'en'] as const) {
    const html = renderDossierHtml(dossier, lang);
    const parsed = parseHtml(html);

    it(`${lang}: has no script, no event handler, no element from the data`, () => {
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(
        /<(img|svg|math|iframe|object|embed|form|input|link|base|frame|audio|video|source)\b/i,
      );
      for (const t of parsed.tags) {
        expect(ALLOWED_TAGS.has(t.name), `tag <${t.name}>`).toBe(true);
        for (const attr of Object.keys(t.attribs)) {
          expect(attr.startsWith('on'), `attribute ${attr} on <${t.name}>`).toBe(false);
          expect(ALLOWED_ATTRS.has(attr), `attribute ${attr} on <${t.name}>`).toBe(true);
        }
      }
      // Every "<" in the document opens one of our tags: none comes from the data.
      const opened = [...html.matchAll(/<(\/?)([^\s>/]+)/g)].map((m) => m[2]!.toLowerCase());
      for (const name of opened) expect(name === '!doctype' || ALLOWED_TAGS.has(name), name).toBe(true);
    });

    it(`${lang}: loads nothing from outside and forbids it by CSP`, () => {
      for (const t of parsed.tags) expect(t.attribs.src).toBeUndefined();
      expect(parsed.style).not.toMatch(/url\(|@import/i);
      const csp =
        parsed.tags.find((t) => t.attribs['http-equiv'] === 'Content-Security-Policy')?.attribs.content ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      const styleHash = crypto.createHash('sha256').update(parsed.style, 'utf8').digest('base64');
      expect(csp).toContain(`style-src 'sha256-${styleHash}'`);
      expect(parsed.tags.filter((t) => t.name === 'style')).toHaveLength(1);
      expect(
        parsed.tags.find((t) => t.name === 'meta' && t.attribs.name === 'referrer')?.attribs.content,
      ).toBe('no-referrer');
    });

    it(`${lang}: makes only http(s) links clickable, with rel="noopener noreferrer"`, () => {
      const links = parsed.tags.filter((t) => t.name === 'a');
      expect(links.length).toBeGreaterThan(0);
      for (const a of links) {
        expect(a.attribs.href).toMatch(/^https?:\/\//);
        expect(new URL(a.attribs.href!).protocol).toMatch(/^https?:$/);
        expect(a.attribs.rel).toBe('noopener noreferrer');
      }
      const hrefs = links.map((a) => a.attribs.href);
      expect(hrefs).toContain('https://example.com/%22%3E%3Cscript%3Ealert(1)%3C/script%3E');
      expect(hrefs).toContain('https://xn--exmple-4nf.com/login');
      expect(hrefs.some((h) => /javascript|data:|vbscript|file:/i.test(h ?? ''))).toBe(false);
      // Dangerous links are shown in full, as text.
      for (const url of XSS_URLS) expect(unmark(parsed.text)).toContain(url);
      expect(parsed.text).toContain(
        lang === 'fr' ? 'non cliquable : schéma « javascript: »' : 'not clickable: “javascript:” link',
      );
      expect(parsed.text).toContain(
        lang === 'fr' ? 'domaine réel : xn--exmple-4nf.com' : 'actual domain: xn--exmple-4nf.com',
      );
    });

    it(`${lang}: shows every payload as text, in full, with hidden characters marked`, () => {
      const text = unmark(parsed.text);
      for (const t of XSS_TEXTS) expect(text).toContain(t);
      for (const author of XSS_AUTHORS) expect(text).toContain(author);
      expect(text).toContain(BIG);
      expect(parsed.text).toContain('abc⟦U+202E⟧gnp.exe');
      expect(parsed.text).toContain('zero⟦U+200B⟧width⟦U+2066⟧isolate⟦U+2069⟧');
      expect(parsed.text).toContain('⟦U+0000⟧ nul ⟦U+0007⟧ bell');
      expect(parsed.text).toContain('famille 👨‍👩‍👧 intacte'); // ZWJ kept for emoji
      expect(parsed.text).not.toContain('\u202E');
      // The homoglyph handle is flagged with its code point.
      expect(parsed.text).toContain(
        lang === 'fr'
          ? 'Caractères non ASCII (sosies possibles) : а U+0430'
          : 'Non-ASCII characters (possible lookalikes): а U+0430',
      );
      expect(html).toContain(
        `<title>${lang === 'fr' ? 'Dossier de preuves' : 'Evidence dossier'} — &lt;script&gt;`,
      );
    });
  }

  it('keeps the local time and the UTC time of each message', () => {
    const one = buildDossier(input([freezeMention(mention(), FROZEN)]));
    const html = renderDossierHtml(one, 'fr');
    expect(html).toContain('2025-03-10T21:15:30.000Z');
    expect(html).toContain('2025-03-10 22:15:30 UTC+1');
    expect(renderDossierHtml(buildDossier(input([])), 'en')).toContain('No message in this dossier.');
  });
});
