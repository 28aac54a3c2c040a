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
  type FreezableMention,
} from '../../../main/core/team/evidence-dossier';
import { FROZEN, input, mention, T } from './evidence-fixtures';

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
