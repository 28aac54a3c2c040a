// Recognising a CSV file: delimiters and encodings, files that are something else, and fuzzing.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VigieError } from '../../../main/core/errors';
import { importFile } from '../../../main/core/sync/file-import';
import { csvFormat, parseCsv } from '../../../main/core/sync/formats/csv';
import { decodeText } from '../../../main/core/sync/formats/decode';
import { FormatError } from '../../../main/core/sync/types';
import { ROOT } from '../../helpers/tmp';
import { ctx, db, fixture, ingestor, tmp, useCsvStore } from './csv-fixtures';

useCsvStore();

describe('csv: listening-tool exports', () => {
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
