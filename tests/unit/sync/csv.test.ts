import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VigieError } from '../../../main/core/errors';
import { openStore } from '../../../main/core/store/open';
import { importFile } from '../../../main/core/sync/file-import';
import { csvFormat, parseCsv } from '../../../main/core/sync/formats/csv';
import { csvMappingFor } from '../../../main/core/sync/formats/csv-mapping';
import {
  guessDayFirst,
  parseCount,
  parseCsvDate,
  parseSentiment,
  platformOf,
} from '../../../main/core/sync/formats/csv-values';
import { decodeText } from '../../../main/core/sync/formats/decode';
import { Ingestor } from '../../../main/core/sync/ingest';
import '../../../main/core/sync/sources/all';
import { FormatError } from '../../../main/core/sync/types';
import { ROOT, tempDir } from '../../helpers/tmp';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'csv');
const fixturePath = (name: string) => path.join(FIXTURES, name);
/** As the importer reads a file: bytes, then decodeText. */
const fixture = (name: string) => decodeText(fs.readFileSync(fixturePath(name)));
const NOW = Date.UTC(2026, 10, 26);
const ctx = (fileName = 'export.csv') => ({ now: NOW, fileName });
const local = (mo: number, d: number, h: number, mi = 0) => new Date(2026, mo - 1, d, h, mi).getTime();

let tmp: ReturnType<typeof tempDir>;
let db: Database.Database;
let ingestor: Ingestor;
beforeEach(() => {
  tmp = tempDir();
  db = openStore(tmp.file('store.db'));
  ingestor = new Ingestor(db, () => NOW);
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});
const row = (id: string) =>
  db.prepare('SELECT * FROM mentions WHERE id = ?').get(id) as Record<string, unknown>;

describe('csv: listening-tool exports', () => {
  it('Talkwalker (comma, UTF-8, epoch-ms dates, −5…5 sentiment, multi-line cells)', () => {
    const r = parseCsv(fixture('talkwalker.csv'), ctx());
    expect(r.quarantined).toEqual([]);
    expect(r.mentions).toHaveLength(3);
    const [tweet, article, reddit] = r.mentions;
    expect(tweet).toMatchObject({
      id: 'x:1861234567890123456', // the tweet id from the URL: meets the X source's copy
      platform: 'x',
      authorHandle: 'claire_m',
      authorName: 'Claire M.',
      createdAt: 1795611780000,
      lang: 'fr',
      reach: 1520,
      likes: 12, // the only engagement figure
      sentiment: -0.6,
    });
    expect(article).toMatchObject({
      platform: 'rss',
      id: 'rss:https://www.journal-reseau.example/2026/11/25/panne-ondaline',
      text: "Panne Ondaline : la cellule de crise mobilisée\n\nLes abonnés d'Ondaline signalent une coupure générale.\nLa direction promet un point à 16 h.",
      authorName: 'Claire Martin',
      authorHandle: 'Claire Martin',
    });
    expect(reddit).toMatchObject({ platform: 'reddit', sentiment: 0, authorHandle: 'jeanmi57' });
  });

  it('Meltwater (UTF-16LE with BOM, TAB, "25-Nov-2026 02:03PM", thousands commas)', async () => {
    const report = await importFile(fixturePath('meltwater.csv'), 'auto', { ingestor, now: () => NOW });
    expect(report).toMatchObject({ format: 'csv', inserted: 2, quarantined: 0 });
    // Tweet Id mangled by Excel (1.86123E+18): the URL's id is used.
    expect(row('x:1861234567890999999')).toMatchObject({
      author_handle: 'mathieu_d',
      text: 'Ça fait 8 h sans réseau, merci @Ondaline 🙃',
      created_at: local(11, 25, 14, 3),
      lang: 'fr',
      reach: 8400,
      author_followers: 8400,
      likes: 20,
      shares: 8,
      replies: 3,
      sentiment: -1,
    });
    expect(row('rss:mw-7781')).toMatchObject({
      text: 'Ondaline outage hits millions\n\nCustomers of Ondaline report no connection & no phone line',
      author_handle: 'Jane Reporter',
      created_at: local(11, 25, 15, 10),
      reach: 1_250_000,
      lang: 'en',
    });
  });

  it('Excel-French (";", UTF-8 BOM, 25/11/2026 14:03, decimal commas): broken rows quarantined by row', async () => {
    const report = await importFile(fixturePath('digimind-fr.csv'), 'auto', { ingestor, now: () => NOW });
    expect(report).toMatchObject({ format: 'csv', inserted: 4, quarantined: 4 });
    expect(row('x:1861234567890123456')).toMatchObject({
      text: 'Toujours aucune connexion chez Ondaline; vous abusez',
      author_handle: 'claire_m',
      created_at: local(11, 25, 14, 3),
      reach: 1520,
      lang: 'fr',
      sentiment: -1,
      likes: 12,
      shares: 4,
      replies: 2,
    });
    expect(row('rss:https://www.journal-reseau.example/2026/11/25/panne-ondaline')).toMatchObject({
      reach: 250_000, // "250 000,5"
      sentiment: 0,
      author_handle: 'Le Journal du Réseau',
    });
    // Day first for the whole column (25/11 proves it): 05/11 is the 5th of November.
    expect(row('reviews:https://avis.example/ondaline/123')).toMatchObject({
      created_at: local(11, 5, 9),
      reach: 12,
    });
    const facebook = db.prepare("SELECT * FROM mentions WHERE platform = 'facebook'").get() as Record<
      string,
      unknown
    >;
    expect(facebook.external_id).toMatch(/^sha1:[0-9a-f]{40}$/); // no id, no URL: a hash of the row
    expect(facebook).toMatchObject({ sentiment: 1, likes: 45, reach: 1200 });
    const reasons = (
      db.prepare('SELECT reason FROM quarantine ORDER BY id').all() as { reason: string }[]
    ).map((q) => q.reason);
    expect(reasons).toEqual([
      'CSV row 5: no text',
      'CSV row 6: no date',
      'CSV row 7: unreadable date "hier soir"',
      'CSV row 8: 13 cells for 12 columns (an unquoted separator in a text?)',
    ]);

    // The same file again: the same ids (including the hashed one), nothing new.
    const again = await importFile(fixturePath('digimind-fr.csv'), 'csv', { ingestor, now: () => NOW });
    expect(again).toMatchObject({ inserted: 0, duplicates: 4 });
  });

  it('Brandwatch (report lines above the header)', () => {
    const r = parseCsv(fixture('brandwatch.csv'), ctx());
    expect(r.quarantined).toEqual([]);
    expect(r.mentions).toMatchObject([
      {
        id: 'x:1861234567890123456',
        text: 'Toujours aucune connexion chez Ondaline depuis ce matin', // the title is its beginning
        authorHandle: 'claire_m',
        authorName: 'Claire M.',
        authorFollowers: 1520,
        reach: 3000,
        shares: 4,
        createdAt: local(11, 25, 14, 3),
      },
      {
        platform: 'rss',
        text: "Ondaline sous le feu des critiques\n\nLa panne géante d'Ondaline relance le débat",
        authorFollowers: null,
      },
    ]);
  });

  it('a US export: month first (11/25 proves it), AM/PM, "12,500"', () => {
    const r = parseCsv(fixture('us-export.csv'), ctx());
    expect(r.mentions).toMatchObject([
      { platform: 'facebook', createdAt: local(11, 25, 14, 3), authorHandle: 'Sam Carter', reach: 340 },
      { platform: 'rss', createdAt: local(3, 4, 9, 15), reach: 12_500 },
    ]);
  });

  it('Excel serial dates, a separate fractional time, TAB', () => {
    const r = parseCsv(fixture('excel-serial.tsv'), ctx('export.tsv'));
    expect(r.mentions).toMatchObject([
      { platform: 'youtube', createdAt: local(11, 25, 14, 3), authorHandle: 'lyon_news' },
      { platform: 'youtube', createdAt: local(11, 25, 15, 0), text: 'Vidéo : la panne expliquée' },
    ]);
  });

  it('reads the same rows whatever the delimiter and the encoding', () => {
    const rows = [
      ['Date', 'Author', 'Text', 'URL', 'Reach'],
      ['2026-11-25 14:03', 'élodie', 'Coupure à Besançon, ça dure', 'https://forum.example/t/9', '1200'],
      ['2026-11-25 14:05', 'françois', 'Rétabli chez moi « enfin »', '', '30'],
    ];
    const cell = (c: string, d: string) => (c.includes(d) || c.includes(',') ? `"${c}"` : c);
    const results: unknown[] = [];
    for (const delimiter of [',', ';', '\t']) {
      const text = rows.map((r) => r.map((c) => cell(c, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
      const encodings: [string, Buffer][] = [
        ['utf-8', Buffer.from(text, 'utf8')],
        ['utf-8 BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
        ['utf-16le BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
        ['utf-16le', Buffer.from(text, 'utf16le')],
        ['windows-1252', Buffer.from(text, 'latin1')],
      ];
      for (const [name, bytes] of encodings) {
        const decoded = decodeText(bytes);
        expect(csvFormat.sniff(decoded, 'x.csv'), `${JSON.stringify(delimiter)} ${name}`).toBe(true);
        const r = parseCsv(decoded, ctx());
        expect(r.quarantined, `${JSON.stringify(delimiter)} ${name}`).toEqual([]);
        results.push(r.mentions);
      }
    }
    expect(results[0]).toMatchObject([
      { authorHandle: 'élodie', text: 'Coupure à Besançon, ça dure', reach: 1200, platform: 'file' },
      { authorHandle: 'françois', text: 'Rétabli chez moi « enfin »' },
    ]);
    for (const r of results) expect(r).toEqual(results[0]);
  });
});

describe('csv: column mapping', () => {
  it('maps FR and EN headers without case or accents, and reports the unknown ones', () => {
    const headers = [
      'Date de publication',
      'HEURE',
      'Auteur',
      'Contenu',
      'Lien',
      'Réseau',
      'Langue',
      'Portée',
      'Tonalité',
      "J'aime",
      'Partages',
      'Commentaires',
      'Identifiant interne',
      'Campagne',
    ];
    const { mapping, unknown } = csvMappingFor(headers);
    expect(mapping).toMatchObject({
      date: 'Date de publication',
      time: 'HEURE',
      author: 'Auteur',
      text: 'Contenu',
      url: 'Lien',
      platform: 'Réseau',
      lang: 'Langue',
      reach: 'Portée',
      sentiment: 'Tonalité',
      likes: "J'aime",
      shares: 'Partages',
      replies: 'Commentaires',
      id: null,
      title: null,
    });
    expect(unknown).toEqual(['Identifiant interne', 'Campagne']);
    expect(
      csvMappingFor(['Published (UTC)', 'Hit Sentence', 'Screen_Name', 'Potential Reach']).mapping,
    ).toMatchObject({
      date: 'Published (UTC)',
      text: 'Hit Sentence',
      author: 'Screen_Name',
      reach: 'Potential Reach',
    });
  });

  it('without a date or text column, says which headers it did not understand; an explicit mapping fixes it', () => {
    const text = 'Quand;Qui;Quoi;Où\n25/11/2026 14:03;@abc;Panne totale;Lyon\n';
    expect(() => parseCsv(text, ctx())).toThrow(
      'No date or text column among the headers (unrecognised: Quand, Qui, Quoi, Où); map the columns by hand.',
    );
    const r = parseCsv(text, { ...ctx(), mapping: { date: 'Quand', author: 'qui', text: 'Quoi' } });
    expect(r.mentions).toMatchObject([
      { text: 'Panne totale', authorHandle: 'abc', createdAt: local(11, 25, 14, 3) },
    ]);
    expect(() => parseCsv(text, { ...ctx(), mapping: { date: 'Quand', text: 'Texte' } })).toThrow(
      'The file has no column "Texte" (mapped to text).',
    );
    // null switches a guessed column off.
    const withSentiment = 'Date,Text,Sentiment\n2026-11-25,hello,positive\n';
    expect(parseCsv(withSentiment, ctx()).mentions[0]!.sentiment).toBe(1);
    expect(
      parseCsv(withSentiment, { ...ctx(), mapping: { sentiment: null } }).mentions[0]!.sentiment,
    ).toBeNull();
  });

  it('quarantines a row whose quotes never close, with its row number', () => {
    const text = 'Date,Text\n2026-11-25 10:00,ok\n2026-11-25 11:00,"never closed\n';
    const r = parseCsv(text, ctx());
    expect(r.mentions).toHaveLength(1);
    expect(r.quarantined).toEqual([
      {
        reason: expect.stringMatching(/^CSV row 3: malformed CSV \(Quoted field unterminated\)$/),
        raw: expect.any(String),
      },
    ]);
  });

  it('stays linear on huge hostile cells', () => {
    const started = Date.now();
    expect(parseCount(`${'1'.repeat(50_000)}x`, false)).toBeNull();
    const r = parseCsv(
      `Date,Text,Reach\n2026-11-25,"${'<a'.repeat(50_000)}",${'9'.repeat(50_000)}x\n`,
      ctx(),
    );
    expect(r.mentions).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('turns HTML in text cells into plain text', () => {
    const r = parseCsv(
      'Date,Text\n2026-11-25,"<p>Panne <b>Ondaline</b> &amp; co</p><script>x()</script>"\n',
      ctx(),
    );
    expect(r.mentions[0]!.text).toBe('Panne Ondaline & co');
  });
});

/** The first bytes of an .xlsx: a ZIP local file header for [Content_Types].xml, then deflated data. */
const XLSX_HEAD = Buffer.concat([
  Buffer.from(
    '504b0304140006000800000021007a8c5e4b6d01000012050000130008025b436f6e74656e745f54797065735d2e786d6c20a2',
    'hex',
  ),
  Buffer.from(
    'ac54cb6ec23010bc57ea3f44be56c40b2af5d0d21e3b45a2fd00d7de1047f1c3b2162ef0f7dd3882d282a812dc12cdce8e67c7',
    'hex',
  ),
]);

describe('csv: files that are not CSV', () => {
  const cases: [string, Buffer | string, string][] = [
    [
      'a PNG',
      Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
      'This is a PNG image, not a CSV file.',
    ],
    [
      'a PDF',
      '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n',
      'This is a PDF document, not a CSV file.',
    ],
    [
      'an xlsx',
      XLSX_HEAD,
      'This is a ZIP archive or an Office file (an .xlsx workbook: save it as CSV first), not a CSV file.',
    ],
    ['JSON', '[{"platform":"x","text":"hi","createdAt":1}]', 'This is a JSON file, not a CSV file.'],
    [
      'an RSS feed',
      fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'feeds', 'rss2.xml')),
      'This is an XML or HTML document, not a CSV file.',
    ],
    ['prose', 'Bonjour,\nvoici le rapport de la cellule.\n', 'No date or text column among the headers'],
    [
      'one column',
      'just one line of text\n',
      'This is not a CSV file: its first line has no , ; or TAB separator.',
    ],
  ];
  it.each(cases)('%s → FormatError, nothing imported', async (_name, content, message) => {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    expect(() => csvFormat.parse(decodeText(bytes), ctx())).toThrow(FormatError);
    expect(() => csvFormat.parse(decodeText(bytes), ctx())).toThrow(message);
    const file = tmp.file('wrong.csv');
    fs.writeFileSync(file, bytes);
    const err = await importFile(file, 'csv', { ingestor }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VigieError);
    expect((err as VigieError).message).toContain(message);
    expect((db.prepare('SELECT COUNT(*) AS n FROM mentions').get() as { n: number }).n).toBe(0);
  });

  it('sniffs exports, and not JSON, NDJSON, XML or platform bodies', () => {
    for (const name of [
      'talkwalker.csv',
      'meltwater.csv',
      'digimind-fr.csv',
      'brandwatch.csv',
      'us-export.csv',
    ]) {
      expect(csvFormat.sniff(fixture(name), 'download'), name).toBe(true);
    }
    expect(csvFormat.sniff(fixture('excel-serial.tsv'), 'export.tsv')).toBe(true);
    const others = [
      '[{"platform":"x","text":"a, b; c","createdAt":1}]',
      '{"platform":"x","text":"a","createdAt":1}\n{"platform":"x","text":"b","createdAt":2}',
      fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'feeds', 'atom.xml'), 'utf8'),
      fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'mastodon', 'tag-timeline.json'), 'utf8'),
      'Bonjour, ceci est une lettre.',
      '',
    ];
    for (const text of others) expect(csvFormat.sniff(text, 'file.json'), text.slice(0, 30)).toBe(false);
  });
});

describe('csv: cell values', () => {
  it.each([
    ['1520', false, 1520],
    ['12,500', false, 12500],
    ['12,5', true, 12],
    ['1 520,0', true, 1520],
    ['250\u00a0000,5', true, 250000],
    ['1.234.567', true, 1234567],
    ['12.500', true, 12500],
    ['12.5', false, 12],
    ['1,234.5', false, 1234],
    ['1.234,5', false, 1234],
    ["1'234", false, 1234],
    ['3.4M', false, 3400000],
    ['1,2k', true, 1200],
    ['', false, null],
    ['n/a', false, null],
    ['-5', false, null],
    ['12abc', false, null],
  ] as const)('count %j (decimal comma: %s) → %s', (raw, decimalComma, expected) => {
    expect(parseCount(raw, decimalComma)).toBe(expected);
  });

  it.each([
    ['Positive', 1],
    ['positif', 1],
    ['Négatif', -1],
    ['NEGATIVE', -1],
    ['neutre', 0],
    ['Neutral', 0],
    ['-3', -0.6],
    ['0.25', 0.25],
    ['-80', -0.8],
    ['', null],
    ['not rated', null],
    ['1000', null],
  ] as const)('sentiment %j → %s', (raw, expected) => {
    expect(parseSentiment(raw)).toBe(expected);
  });

  it.each([
    ['Twitter', null, 'x'],
    ['X', null, 'x'],
    ['SOCIALMEDIA_TWITTER', null, 'x'],
    ['Facebook', null, 'facebook'],
    ['Instagram', null, 'file'],
    ['Online News', null, 'rss'],
    ['Blogs', null, 'rss'],
    ['Presse en ligne', null, 'rss'],
    ['reddit', null, 'reddit'],
    ['YouTube', null, 'youtube'],
    ['Mastodon', null, 'mastodon'],
    ['Bluesky', null, 'bluesky'],
    ['Avis', null, 'reviews'],
    ['Forums', null, 'file'],
    ['', 'https://x.com/a/status/1', 'x'],
    ['', 'https://m.facebook.com/p/1', 'facebook'],
    ['', 'https://youtu.be/abc', 'youtube'],
    ['', 'https://www.lemonde.fr/a', 'file'],
  ] as const)('platform of %j (url %s) → %s', (source, url, expected) => {
    expect(platformOf(source, url)).toBe(expected);
  });

  it('dates: day/month order decided by the column, Excel serials, epoch numbers', () => {
    expect(guessDayFirst(['03/04/2026 10:00', '25/11/2026 10:00'])).toBe(true);
    expect(guessDayFirst(['03/04/2026 10:00', '11/25/2026 10:00'])).toBe(false);
    expect(guessDayFirst(['03/04/2026 10:00 AM'])).toBe(false);
    expect(guessDayFirst(['03/04/2026 10:00'])).toBe(true);
    expect(parseCsvDate('46351.5854166667', '', true)).toBe(local(11, 25, 14, 3));
    expect(parseCsvDate('1795611780', '', true)).toBe(1795611780000);
    expect(parseCsvDate('25/11/2026', '14:03', true)).toBe(local(11, 25, 14, 3));
    expect(parseCsvDate('25-Nov-2026 02:03PM', '02:03 PM', true)).toBe(local(11, 25, 14, 3));
    expect(parseCsvDate('2026-11-25T14:03:00Z', '', true)).toBe(Date.UTC(2026, 10, 25, 14, 3));
    expect(parseCsvDate('123', '', true)).toBeNull();
    expect(parseCsvDate('99999', '', true)).toBeNull();
  });
});

describe('csv: fuzz', () => {
  it('random and mutated files only ever throw FormatError', () => {
    const samples = ['talkwalker.csv', 'digimind-fr.csv', 'brandwatch.csv', 'us-export.csv'].map(fixture);
    const mutated = fc
      .tuple(fc.constantFrom(...samples), fc.nat(), fc.nat(), fc.string({ maxLength: 30 }))
      .map(([s, a, b, insert]) => {
        const i = a % s.length;
        return s.slice(0, i) + insert + s.slice(Math.min(s.length, i + (b % 100)));
      });
    const alphabet = fc.constantFrom(
      ',',
      ';',
      '\t',
      '"',
      '\n',
      '\r',
      'a',
      '1',
      '/',
      ':',
      ' ',
      'é',
      'Date',
      'Text',
    );
    const csvish = fc.array(alphabet, { maxLength: 200 }).map((parts) => `Date,Text\n${parts.join('')}`);
    fc.assert(
      fc.property(fc.oneof(mutated, csvish, fc.string({ maxLength: 200 })), (text) => {
        try {
          const r = csvFormat.parse(text, ctx());
          for (const m of r.mentions) {
            expect(m.text.length).toBeGreaterThan(0);
            expect(Number.isFinite(m.createdAt)).toBe(true);
            expect(m.id.startsWith(`${m.platform}:`)).toBe(true);
          }
        } catch (err) {
          if (!(err instanceof FormatError)) throw err;
        }
        csvFormat.sniff(text, 'x.csv');
      }),
      { numRuns: 200 },
    );
  });
});
