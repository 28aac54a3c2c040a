// Column mapping (headers, explicit mappings, malformed rows) and cell values (counts, sentiment,
// platforms, dates).
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../main/core/sync/formats/csv';
import { csvMappingFor } from '../../../main/core/sync/formats/csv-mapping';
import {
  guessDayFirst,
  parseCount,
  parseCsvDate,
  parseSentiment,
  platformOf,
} from '../../../main/core/sync/formats/csv-values';
import { ctx, local } from './csv-fixtures';

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
        reason: expect.stringMatching(
          /^CSV row 3: malformed CSV \(a quote opens a cell and is not closed on its line\)$/,
        ),
        code: 'malformed',
        detail: { unit: 'row', n: 3 },
        raw: expect.any(String),
      },
    ]);
  });

  it('a stray quote sets aside its own line only: the rows after it are read', () => {
    // A post starting with " exported unquoted: its quote never closes and used to swallow the file.
    const lines = ['Date,Text,URL', '2026-11-25 10:00,first,https://a.example/0'];
    lines.push('2026-11-25 10:01,"Ondaline ment encore,https://a.example/1');
    for (let i = 2; i < 300; i++) lines.push(`2026-11-25 11:00,post ${i},https://a.example/${i}`);
    lines.push('2026-11-25 12:00,"again, unclosed,https://a.example/300');
    lines.push('2026-11-25 12:01,"quoted, properly",https://a.example/301');
    const r = parseCsv(lines.join('\r\n') + '\r\n', ctx());
    expect(r.mentions.map((m) => m.text)).toEqual([
      'first',
      ...Array.from({ length: 298 }, (_, k) => `post ${k + 2}`),
      'quoted, properly',
    ]);
    expect(r.quarantined.map((q) => [q.reason, q.raw])).toEqual([
      [
        'CSV row 3: malformed CSV (a quote opens a cell and is not closed on its line)',
        '2026-11-25 10:01,"Ondaline ment encore,https://a.example/1',
      ],
      [
        'CSV row 302: malformed CSV (a quote opens a cell and is not closed on its line)',
        '2026-11-25 12:00,"again, unclosed,https://a.example/300',
      ],
    ]);
  });

  it('a record with a multi-line cell before its unclosed quote is set aside whole', () => {
    const text = 'Date,Text,Note\n2026-11-25,"line one\nline two","oops\n2026-11-26,next,\n';
    const r = parseCsv(text, ctx());
    expect(r.mentions.map((m) => m.text)).toEqual(['next']);
    expect(r.quarantined.map((q) => q.raw)).toEqual(['2026-11-25,"line one\nline two","oops']);
  });

  it('reads an early-month US date as month first when AM/PM sits in its own Time column', () => {
    // Only ambiguous days (≤ 12): the 2:05 PM of the Time column is what says the order.
    const text = 'Date,Time,Text\n11/03/2026,2:05 PM,panne\n11/04/2026,9:15 AM,toujours\n';
    expect(parseCsv(text, ctx()).mentions.map((m) => m.createdAt)).toEqual([
      local(11, 3, 14, 5),
      local(11, 4, 9, 15),
    ]);
    // Without AM/PM, the same dates are read day first (the French order).
    const french = 'Date,Heure,Texte\n11/03/2026,14:05,panne\n';
    expect(parseCsv(french, ctx()).mentions[0]!.createdAt).toBe(local(3, 11, 14, 5));
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
