// Cell values of listening-tool exports: counts with any thousands/decimal separator, sentiment
// labels in several languages, source names → platforms, and the date forms spreadsheets produce.
import type { Platform } from '../../../../shared/model';
import { langCode } from '../normalize';
import { parseLooseDate } from './feed-dates';

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

/**
 * "12 500", "12,500", "12.500,5", "1,2k", "3.4M". With `decimalComma` (a ;-separated, French-style
 * file) a lone comma is the decimal mark; otherwise "12,500" is twelve thousand five hundred.
 */
export function parseCount(raw: string, decimalComma: boolean): number | null {
  let s = raw.toLowerCase().replace(/[\s\u00a0\u202f'’]/g, '');
  if (s === '' || !/\d/.test(s)) return null;
  let mult = 1;
  const suffix = /[kmb]$/.exec(s)?.[0];
  if (suffix) {
    mult = suffix === 'k' ? 1e3 : suffix === 'm' ? 1e6 : 1e9;
    s = s.slice(0, -1);
  }
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    s = comma > dot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (comma >= 0) {
    const thousands = s.indexOf(',') !== comma || (!decimalComma && /^\d{1,3}(,\d{3})+$/.test(s));
    s = thousands ? s.replace(/,/g, '') : s.replace(',', '.');
  } else if (dot >= 0) {
    const thousands = s.indexOf('.') !== dot || (decimalComma && /^\d{1,3}\.\d{3}$/.test(s));
    if (thousands) s = s.replace(/\./g, '');
  }
  if (!/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(s)) return null; // unambiguous: no backtracking on long cells
  const n = Number(s) * mult;
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : null;
}

const SENTIMENT_WORDS = new Map<string, number>([
  ...['positive', 'positif', 'positiv', 'positivo', 'positiva', 'pos', 'good'].map((w) => [w, 1] as const),
  ...['negative', 'negatif', 'negativ', 'negativo', 'negativa', 'neg', 'bad'].map((w) => [w, -1] as const),
  ...['neutral', 'neutre', 'neutro', 'neutra', 'neu', 'mixed', 'mixte'].map((w) => [w, 0] as const),
]);

/** −1…1; labels in FR/EN/DE/ES, or scores on −1…1, −5…5 (Talkwalker) or −100…100. */
export function parseSentiment(raw: string): number | null {
  const s = fold(raw);
  if (s === '') return null;
  const word = SENTIMENT_WORDS.get(s);
  if (word !== undefined) return word;
  if (!/^[-+]?\d+(?:[.,]\d+)?$/.test(s)) return null;
  const n = Number(s.replace(',', '.'));
  const scale = Math.abs(n) <= 1 ? 1 : Math.abs(n) <= 5 ? 5 : Math.abs(n) <= 100 ? 100 : 0;
  return scale ? n / scale : null;
}

const PLATFORM_WORDS: [RegExp, Platform][] = [
  [/twitter|tweet|^x$|^x\.com$|^x \(/, 'x'],
  [/facebook|^fb$/, 'facebook'],
  [/reddit/, 'reddit'],
  [/youtube/, 'youtube'],
  [/mastodon|fediverse/, 'mastodon'],
  [/bluesky|bsky/, 'bluesky'],
  [/review|avis|trustpilot|tripadvisor/, 'reviews'],
  [/news|blog|press|online|^web|print|magazine|actu|journal|radio|tv|television|podcast|rss/, 'rss'],
];

const PLATFORM_HOSTS: [RegExp, Platform][] = [
  [/(^|\.)(twitter|x)\.com$/, 'x'],
  [/(^|\.)(facebook|fb)\.com$/, 'facebook'],
  [/(^|\.)reddit\.com$/, 'reddit'],
  [/(^|\.)(youtube\.com|youtu\.be)$/, 'youtube'],
  [/(^|\.)bsky\.app$/, 'bluesky'],
];

/** The platform named by the Source / Media type column, else recognised from the URL; else 'file'. */
export function platformOf(source: string, url: string | null): Platform {
  const s = fold(source);
  if (s) for (const [re, p] of PLATFORM_WORDS) if (re.test(s)) return p;
  if (url) {
    const host = new URL(url).hostname.toLowerCase();
    for (const [re, p] of PLATFORM_HOSTS) if (re.test(host)) return p;
  }
  return 'file';
}

const LANGUAGE_NAMES = new Map<string, string>([
  ...['french', 'francais', 'franzosisch', 'frances'].map((w) => [w, 'fr'] as const),
  ...['english', 'anglais', 'englisch', 'ingles'].map((w) => [w, 'en'] as const),
  ...['german', 'allemand', 'deutsch', 'aleman'].map((w) => [w, 'de'] as const),
  ...['spanish', 'espagnol', 'spanisch', 'espanol'].map((w) => [w, 'es'] as const),
  ...['italian', 'italien', 'italienisch', 'italiano'].map((w) => [w, 'it'] as const),
  ...['dutch', 'neerlandais', 'niederlandisch', 'nederlands'].map((w) => [w, 'nl'] as const),
  ...['portuguese', 'portugais', 'portugiesisch', 'portugues'].map((w) => [w, 'pt'] as const),
]);

export function parseLang(raw: string): string | null {
  return LANGUAGE_NAMES.get(fold(raw)) ?? langCode(raw);
}

const NUMERIC_DATE = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\b/;

/**
 * Day-first or month-first for a whole column: a value above 12 in first place proves day-first
 * (25/11), in second place month-first (11/25). Without proof, AM/PM times point to the US order,
 * anything else to the European one.
 */
export function guessDayFirst(values: readonly string[]): boolean {
  let dayFirst = 0;
  let monthFirst = 0;
  let meridiem = false;
  for (const v of values) {
    const m = NUMERIC_DATE.exec(v);
    if (!m) continue;
    if (Number(m[1]) > 12) dayFirst++;
    else if (Number(m[2]) > 12) monthFirst++;
    if (/\d\s*[ap]\.?m\b/i.test(v)) meridiem = true;
  }
  if (dayFirst !== monthFirst) return dayFirst > monthFirst;
  return !meridiem;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Excel serial day numbers (46351.5868) are wall-clock times: read them in the local zone. */
function fromExcelSerial(serial: number): number {
  const wall = new Date(EXCEL_EPOCH + Math.round(serial * 86_400) * 1000);
  return new Date(
    wall.getUTCFullYear(),
    wall.getUTCMonth(),
    wall.getUTCDate(),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
  ).getTime();
}

/** A date cell (plus the separate time cell some exports have) → ms UTC, or null. */
export function parseCsvDate(date: string, time: string, dayFirst: boolean): number | null {
  const d = date.trim();
  if (/^\d{4,5}(?:[.,]\d+)?$/.test(d)) {
    const serial = Number(d.replace(',', '.'));
    if (serial < 20_000 || serial > 80_000) return null;
    const fraction = /^0?[.,]\d+$/.test(time.trim()) ? Number(time.trim().replace(',', '.')) : 0;
    return fromExcelSerial(serial + fraction);
  }
  if (/^\d{10}$/.test(d)) return Number(d) * 1000; // Unix seconds
  if (/^\d{13}$/.test(d)) return Number(d); // Unix milliseconds
  // Some exports repeat the time in its own column: the date cell's own time wins.
  let t = /\d{1,2}\s?[:h]\s?\d{2}/.test(d) ? '' : time.trim();
  if (/^0?[.,]\d+$/.test(t)) {
    const seconds = Math.round(Number(t.replace(',', '.')) * 86_400);
    t = `${Math.floor(seconds / 3600)}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  }
  return parseLooseDate(t ? `${d} ${t}` : d, { dayFirst });
}
