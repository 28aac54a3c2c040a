// The small parsers every import leans on (CSV header sniffing and column mapping, cell values, feed
// dates) and the analysis text pipeline, fed random and hostile text: no throw, no hang, outputs in
// their documented ranges.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../main/core/analysis';
import { parseCsv, readCsvHeader } from '../../../main/core/sync/formats/csv';
import { CSV_FIELDS, csvMappingFor, resolveMapping } from '../../../main/core/sync/formats/csv-mapping';
import {
  guessDayFirst,
  parseCount,
  parseCsvDate,
  parseLang,
  parseSentiment,
} from '../../../main/core/sync/formats/csv-values';
import { parseLooseDate } from '../../../main/core/sync/formats/feed-dates';
import { FormatError } from '../../../main/core/sync/types';
import { VigieError } from '../../../main/core/errors';
import { RUNS, timeBoxed } from './fuzz-helpers';

/** Text that looks like the inputs: header words, separators, digits, dates, and noise around them. */
const csvish = fc
  .array(
    fc.oneof(
      fc.constantFrom('Date', 'URL', 'Author', 'Hit Sentence', 'Source', 'Language', 'Reach', 'Sentiment'),
      fc.constantFrom(',', ';', '\t', '\n', '\r\n', '"', '""', 'sep=;\n', '\uFEFF', '\u0000'),
      fc.constantFrom('25/11/2026', '2026-11-25 14:05', '11/25/26 2:05 PM', '45621.5', '12 500', '1,2k'),
      fc.string({ unit: 'binary', maxLength: 12 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

const dateish = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          'lun.',
          'Mon,',
          'mardi',
          '25',
          '1er',
          'nov.',
          'novembre',
          'Nov',
          'de',
          '2026',
          '14h05',
        ),
        fc.constantFrom('14:05:09', '+0100', 'GMT', 'CET', 'Z', 'T', '-', '/', '.', ' ', '99', '0', '-1'),
        fc.integer({ min: -1e6, max: 1e6 }).map(String),
      ),
      { maxLength: 10 },
    )
    .map((p) => p.join(' ')),
  fc.string({ maxLength: 200 }).map((s) => `2026-11-25T${s}`),
);

describe('CSV sniffing and mapping', () => {
  it('reads a header from anything and maps only columns the file has', () => {
    fc.assert(
      fc.property(csvish, (text) => {
        const header = timeBoxed('readCsvHeader', () => readCsvHeader(text));
        expect([null, ',', ';', '\t']).toContain(header.delimiter);
        const { mapping, unknown } = csvMappingFor(header.headers);
        for (const field of CSV_FIELDS) {
          const col = mapping[field];
          if (col !== null) expect(header.headers).toContain(col);
        }
        for (const u of unknown) expect(header.headers).toContain(u);
      }),
      { numRuns: RUNS },
    );
  });

  it('parses or refuses any CSV, with any user mapping, and quarantines bad rows', () => {
    const userMapping = fc.dictionary(
      fc.constantFrom(...CSV_FIELDS),
      fc.option(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('Date', 'URL', 'Author')), {
        nil: null,
      }),
    );
    fc.assert(
      fc.property(csvish, userMapping, (text, mapping) => {
        try {
          const r = timeBoxed('parseCsv', () =>
            parseCsv(text, { now: Date.UTC(2026, 10, 25), fileName: 'x.csv', mapping }),
          );
          for (const m of r.mentions) expect(Number.isFinite(m.createdAt)).toBe(true);
          for (const q of r.quarantined) expect(q.reason).not.toBe('');
        } catch (err) {
          // A whole file refused, or a mapping naming a column the file lacks: a clear error either way.
          if (!(err instanceof FormatError || err instanceof VigieError)) throw err;
          expect((err as Error).message).not.toBe('');
        }
        try {
          resolveMapping(readCsvHeader(text).headers, mapping);
        } catch (err) {
          if (!(err instanceof VigieError || err instanceof FormatError)) throw err;
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('cell values: counts are whole and non-negative, sentiment in −1…1, dates finite or null', () => {
    fc.assert(
      fc.property(
        fc.oneof(csvish, dateish),
        fc.boolean(),
        fc.array(dateish, { maxLength: 5 }),
        (raw, comma, dates) => {
          const n = parseCount(raw, comma);
          if (n !== null) expect(Number.isFinite(n) && n >= 0).toBe(true);
          const s = parseSentiment(raw);
          if (s !== null) expect(s >= -1 && s <= 1).toBe(true);
          const lang = parseLang(raw);
          if (lang !== null) expect(lang).toMatch(/^[a-z]{2,3}$/);
          const dayFirst = guessDayFirst(dates);
          expect(typeof dayFirst).toBe('boolean');
          const d = timeBoxed('parseCsvDate', () => parseCsvDate(raw, dates[0] ?? '', dayFirst));
          if (d !== null) expect(Number.isFinite(d)).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('feed dates', () => {
  it('any text gives a finite time or null, whatever the options', () => {
    fc.assert(
      fc.property(
        dateish,
        fc.boolean(),
        fc.oneof(fc.constant('local' as const), fc.integer({ min: -900, max: 900 })),
        (text, dayFirst, zone) => {
          const t = timeBoxed('parseLooseDate', () => parseLooseDate(text, { dayFirst, zone }));
          if (t !== null) expect(Number.isFinite(t)).toBe(true);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it('reads back the dates machines write (ISO 8601, RFC 822)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
        (d) => {
          expect(parseLooseDate(d.toISOString())).toBe(d.getTime());
          expect(parseLooseDate(d.toUTCString())).toBe(Math.floor(d.getTime() / 1000) * 1000);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('analysis text pipeline', () => {
  const hostile = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc
      .array(
        fc.constantFrom(
          'panne',
          'ONDALINE',
          '@helene_durand',
          '#boycott',
          'connard',
          'https://x.com/a?b=c',
          '\u202E',
          '\u200B',
          '🤬',
          '!!!',
          ':-)',
          'é',
          'e\u0301',
          '<script>',
        ),
        { maxLength: 80 },
      )
      .map((w) => w.join(' ')),
    fc.nat({ max: 60_000 }).map((n) => 'a'.repeat(n)),
  );

  it('analyzeText answers for any text, within its ranges', () => {
    fc.assert(
      fc.property(
        hostile,
        fc.option(fc.string({ maxLength: 8 }), { nil: null }),
        fc.option(fc.integer({ min: -3, max: 9 }), { nil: null }),
        (text, platformLang, rating) => {
          const a = timeBoxed('analyzeText', () => analyzeText(text, { platformLang, rating }));
          expect(a.sentiment >= -1 && a.sentiment <= 1).toBe(true);
          expect(a.toxicity >= 0 && a.toxicity <= 1).toBe(true);
          expect(typeof a.lang).toBe('string');
          expect(Array.isArray(a.crisisTerms) && Array.isArray(a.targets)).toBe(true);
          expect([null, 'person', 'people']).toContain(a.aimedAt);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
