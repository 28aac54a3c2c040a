// Every registered file format (the HTTP sources parse the same bodies) fed random text, damaged real
// fixtures and randomly mutated JSON bodies: it never throws anything but FormatError, never hangs,
// and whatever it returns is a well-formed mention (or a quarantined record with a reason).
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../../shared/model';
import { QUARANTINE_CODES, quarantineDetailSchema } from '../../../shared/quarantine';
import { formatByName, formatNames, sniffFormat } from '../../../main/core/sync/formats/registry';
import { SNIFF_ORDER } from '../../../main/core/sync/file-import';
import { FormatError, type ParseResult } from '../../../main/core/sync/types';
import '../../../main/core/sync/sources/all';
import { ROOT } from '../../helpers/tmp';
import { RUNS, applyTextEdit, jsonEdits, mutateJson, textEdit, timeBoxed } from './fuzz-helpers';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
/** Real samples of each format, the starting points of the mutations. */
const SAMPLES: Record<string, string[]> = {
  mastodon: ['mastodon'],
  bluesky: ['bluesky'],
  twitter: ['twitter'],
  reddit: ['reddit'],
  youtube: ['youtube'],
  facebook: ['facebook'],
  rss: ['feeds/rss2.xml', 'feeds/google-alerts.xml', 'feeds/rss1-rdf.xml', 'e2e/feed.rss'],
  atom: ['feeds/atom.xml'],
  ndjson: ['files/mentions.ndjson', 'files/export.ndjson'],
  json: ['files/mentions.json'],
  csv: ['csv'],
};

function samplesOf(format: string): string[] {
  return (SAMPLES[format] ?? []).flatMap((rel) => {
    const full = path.join(FIXTURES, rel);
    if (!fs.existsSync(full)) return [];
    if (fs.statSync(full).isFile()) return [fs.readFileSync(full, 'utf8')];
    return fs
      .readdirSync(full)
      .sort()
      .map((f) => fs.readFileSync(path.join(full, f), 'utf8'));
  });
}

const PLATFORM_SET = new Set<string>(PLATFORMS);

/** Parses and checks the result's shape; FormatError (the whole file refused) is a valid answer. */
function parseChecked(format: string, text: string): ParseResult | 'refused' {
  const f = formatByName(format)!;
  let result: ParseResult;
  try {
    result = timeBoxed(`${format}.parse`, () =>
      f.parse(text, { now: Date.UTC(2026, 10, 25), fileName: 'x' }),
    );
  } catch (err) {
    if (err instanceof FormatError) {
      expect(err.message.length).toBeGreaterThan(0);
      return 'refused';
    }
    throw err;
  }
  for (const m of result.mentions) {
    expect(PLATFORM_SET.has(m.platform), m.platform).toBe(true);
    expect(m.id).toBe(`${m.platform}:${m.externalId}`);
    expect(m.externalId.length).toBeGreaterThan(0);
    expect(typeof m.text).toBe('string');
    expect(Number.isFinite(m.createdAt)).toBe(true);
    // Only web links are kept: a javascript:/data:/file: URL never reaches the store.
    // (What a browser would make of the stored string, e.g. `https:/x.com` is https://x.com/.)
    if (m.url !== null && m.url !== undefined) expect(['http:', 'https:']).toContain(new URL(m.url).protocol);
    for (const n of [m.likes, m.shares, m.replies]) {
      if (n !== undefined && n !== null) expect(Number.isInteger(n) && n >= 0).toBe(true);
    }
  }
  for (const q of result.quarantined) {
    expect(q.reason.length).toBeGreaterThan(0);
    // The interface words the reason from its code: a record without a known code would show English.
    expect(QUARANTINE_CODES).toContain(q.code);
    expect(quarantineDetailSchema.safeParse(q.detail ?? {}).success).toBe(true);
    expect(q.raw.length).toBeLessThanOrEqual(2001);
  }
  return result;
}

describe('every registered format', () => {
  const names = formatNames();

  it('covers the formats the import command offers', () => {
    expect(new Set(names)).toEqual(new Set(SNIFF_ORDER));
    for (const name of names) expect(samplesOf(name).length, name).toBeGreaterThan(0);
  });

  it.each(names)('%s: random text is parsed or refused with FormatError; sniffing never throws', (name) => {
    const f = formatByName(name)!;
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.json(), fc.string({ unit: 'grapheme' })),
        (text) => {
          timeBoxed(`${name}.sniff`, () => f.sniff(text, 'x.txt'));
          timeBoxed('sniffFormat', () => sniffFormat(text, 'x.txt', SNIFF_ORDER));
          parseChecked(name, text);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it.each(names)('%s: damaged real samples are parsed or refused, never thrown', (name) => {
    const samples = samplesOf(name);
    fc.assert(
      fc.property(fc.nat(), fc.array(textEdit, { minLength: 1, maxLength: 3 }), (pick, edits) => {
        const text = edits.reduce(applyTextEdit, samples[pick % samples.length]!);
        parseChecked(name, text);
      }),
      { numRuns: RUNS },
    );
  });

  const jsonFormats = names.filter((n) => {
    const s = samplesOf(n)[0];
    if (!s) return false;
    try {
      JSON.parse(s);
      return true;
    } catch {
      return false;
    }
  });

  it.each(jsonFormats)('%s: bodies with random fields changed keep the good records', (name) => {
    const samples = samplesOf(name)
      .map((s) => {
        try {
          return JSON.parse(s) as unknown;
        } catch {
          return null;
        }
      })
      .filter((s) => s !== null);
    fc.assert(
      fc.property(fc.nat(), jsonEdits, (pick, edits) => {
        const body = mutateJson(samples[pick % samples.length] as never, edits);
        parseChecked(name, JSON.stringify(body));
      }),
      { numRuns: RUNS },
    );
  });

  it('a bad record among good ones is quarantined and the rest imported', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 2 }), fc.nat({ max: 4 }), (junk, at) => {
        const good = (i: number) =>
          JSON.stringify({
            platform: 'x',
            externalId: `g${i}`,
            text: `texte ${i}`,
            createdAt: 1795611780000 + i,
          });
        const lines = [0, 1, 2, 3, 4].map(good);
        lines.splice(at, 0, JSON.stringify(junk));
        const result = parseChecked('ndjson', lines.join('\n'));
        expect(result).not.toBe('refused');
        const r = result as ParseResult;
        expect(r.mentions.map((m) => m.externalId).filter((id) => /^g\d$/.test(id))).toHaveLength(5);
        expect(r.mentions.length + r.quarantined.length).toBe(6);
      }),
      { numRuns: RUNS },
    );
  });
});
