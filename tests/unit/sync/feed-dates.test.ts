// parseLooseDate: the dates feeds and exports write, in several languages, and the ones it refuses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLooseDate } from '../../../main/core/sync/formats/feed-dates';

describe('feed dates', () => {
  const utc = (h: number, mi = 0, s = 0) => Date.UTC(2026, 10, 25, h, mi, s);
  const local = (h: number, mi = 0) => new Date(2026, 10, 25, h, mi).getTime();
  const cases: [string, number][] = [
    // RFC 822 / 1123, as the spec writes them
    ['Tue, 25 Nov 2026 14:03:00 +0100', utc(13, 3)],
    ['Tue, 25 Nov 2026 14:03:00 GMT', utc(14, 3)],
    ['Tue, 25 Nov 2026 14:03 EST', utc(19, 3)],
    ['Tue, 25 Nov 2026 06:03:00 PST', utc(14, 3)],
    ['25 Nov 2026 14:03:00 UT', utc(14, 3)],
    ['Tue, 25 Nov 26 14:03:00 Z', utc(14, 3)],
    ['Tue, 25 Nov 2026 14:03:00 +0100 (CET)', utc(13, 3)],
    ['Tue, 25 Nov 2026 15:03:00 CEST', utc(13, 3)],
    ['Tue, 25 Nov 2026 14:03:00 GMT+01:00', utc(13, 3)],
    ['Tue, 25 Nov 2026 14:03:60 GMT', utc(14, 3, 59)],
    // French
    ['mar., 25 nov. 2026 14:03:00 +0100', utc(13, 3)],
    ['Mardi 25 Novembre 2026', local(0)],
    ['mardi 25 novembre 2026 à 14h03', local(14, 3)],
    ['Mar 25 Nov 2026 14:03:00 CET', utc(13, 3)],
    ['le 25 nov. 2026 à 14 h 03', local(14, 3)],
    ['1er déc. 2026 08:00 +0100', Date.UTC(2026, 11, 1, 7)],
    ['dim., 1 févr. 2026 10:00:00 +0100', Date.UTC(2026, 1, 1, 9)],
    ['sam. 15 août 2026 12:00 +0200', Date.UTC(2026, 7, 15, 10)],
    // German
    ['Di, 25 Nov 2026 14:03:00 +0100', utc(13, 3)],
    ['Dienstag, 25. November 2026 14:03 MEZ', utc(13, 3)],
    ['Mi, 04 Mär 2026 09:00:00 +0100', Date.UTC(2026, 2, 4, 8)],
    ['Do, 31. Dez. 2026 23:59 MEZ', Date.UTC(2026, 11, 31, 22, 59)],
    // Spanish
    ['mar, 25 nov 2026 14:03:00 +0100', utc(13, 3)],
    ['martes, 25 de noviembre de 2026 14:03', local(14, 3)],
    ['mié., 4 mar. 2026 09:00 +0100', Date.UTC(2026, 2, 4, 8)],
    // English variants
    ['November 25, 2026 2:03 PM', local(14, 3)],
    ['Nov 25, 2026 12:15 a.m. UTC', utc(0, 15)],
    ['25th November 2026 14:03 UTC', utc(14, 3)],
    // ISO 8601 / RFC 3339 (Atom, dc:date, many RSS feeds)
    ['2026-11-25T14:03:00Z', utc(14, 3)],
    ['2026-11-25T14:03:00.250+01:00', utc(13, 3) + 250],
    ['2026-11-25T14:03:00+0100', utc(13, 3)],
    ['2026-11-25 14:03:00', local(14, 3)],
    ['2026-11-25', local(0)],
    // Numeric (exports), day first unless a value says otherwise
    ['25/11/2026 14:03', local(14, 3)],
    ['11/25/2026 2:03 PM', local(14, 3)],
    ['25.11.2026 14:03', local(14, 3)],
    ['25-Nov-2026 02:03PM', local(14, 3)],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(parseLooseDate(text)).toBe(expected);
  });

  it('reads ambiguous numeric dates in the order it is told', () => {
    expect(parseLooseDate('03/04/2026', { dayFirst: true })).toBe(new Date(2026, 3, 3).getTime());
    expect(parseLooseDate('03/04/2026', { dayFirst: false })).toBe(new Date(2026, 2, 4).getTime());
    expect(parseLooseDate('2026-11-25 14:03', { zone: 60 })).toBe(utc(13, 3));
  });

  it.each([
    'le jour de la panne',
    'Tue, 32 Nov 2026 10:00:00 GMT',
    'Tue, 31 Feb 2026 10:00:00 GMT',
    'Tue, 25 Foo 2026 10:00:00 GMT',
    '25 Nov',
    '25:99',
    'Tue, 25 Nov 2026 25:00:00 GMT',
    '13 PM 25 Nov 2026',
    'Tue, 25 Nov 2026 14:03:00 +9900',
    '2026-13-01',
    '',
    '12345',
    'x'.repeat(500),
  ])('refuses %j', (text) => {
    expect(parseLooseDate(text)).toBeNull();
  });

  it('fuzz: never throws, returns null or a finite number', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const r = parseLooseDate(s);
        expect(r === null || Number.isFinite(r)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
