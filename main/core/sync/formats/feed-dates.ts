// Dates as feeds and exports really write them: RFC 822 and RFC 3339, but also localized day and month
// names (FR/EN/DE/ES), "14h03", AM/PM and numeric day/month orders. Unreadable → null (quarantined).

/** Months by accent-free lowercase name or abbreviation (trailing dots are dropped by the tokenizer). */
const MONTHS = new Map<string, number>();
const MONTH_NAMES: string[][] = [
  ['january', 'jan', 'janvier', 'janv', 'januar', 'janner', 'jaenner', 'enero', 'ene'],
  ['february', 'feb', 'fevrier', 'fevr', 'fev', 'februar', 'febrero'],
  ['march', 'mar', 'mars', 'marz', 'maerz', 'marzo'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr'],
  ['may', 'mai', 'mayo'],
  ['june', 'jun', 'juin', 'juni', 'junio'],
  ['july', 'jul', 'juillet', 'juil', 'juli', 'julio'],
  ['august', 'aug', 'aout', 'agosto', 'ago'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'set'],
  ['october', 'oct', 'octobre', 'oktober', 'okt', 'octubre'],
  ['november', 'nov', 'novembre', 'noviembre'],
  ['december', 'dec', 'decembre', 'dezember', 'dez', 'diciembre', 'dic'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((n) => MONTHS.set(n, i + 1)));

/** Day names are only recognised (and ignored: feeds often get the weekday wrong). */
const DAYS = new Set([
  ...['monday', 'mon', 'tuesday', 'tue', 'tues', 'wednesday', 'wed', 'thursday', 'thu', 'thur', 'thurs'],
  ...['friday', 'fri', 'saturday', 'sat', 'sunday', 'sun'],
  ...['lundi', 'lun', 'mardi', 'mar', 'mercredi', 'mer', 'jeudi', 'jeu', 'vendredi', 'ven', 'samedi', 'sam'],
  ...['dimanche', 'dim'],
  ...['montag', 'mo', 'dienstag', 'di', 'mittwoch', 'mi', 'donnerstag', 'do', 'freitag', 'fr', 'samstag'],
  ...['sonnabend', 'sa', 'sonntag', 'so'],
  ...['lunes', 'martes', 'miercoles', 'mie', 'jueves', 'jue', 'viernes', 'vie', 'sabado', 'sab', 'domingo'],
  ...['dom'],
]);

/** Zone names in minutes east of UTC (the US ones as RFC 822 defines them). */
const ZONES = new Map<string, number>([
  ['gmt', 0],
  ['ut', 0],
  ['utc', 0],
  ['z', 0],
  ['wet', 0],
  ['west', 60],
  ['bst', 60],
  ['cet', 60],
  ['met', 60],
  ['mez', 60],
  ['cest', 120],
  ['mest', 120],
  ['mesz', 120],
  ['eet', 120],
  ['eest', 180],
  ['est', -300],
  ['edt', -240],
  ['cst', -360],
  ['cdt', -300],
  ['mst', -420],
  ['mdt', -360],
  ['pst', -480],
  ['pdt', -420],
]);

/** Little words around dates: "le 25 novembre à 14h", "25 de noviembre de 2026", "1er", "25th". */
const FILLERS = new Set([
  ...['de', 'del', 'el', 'le', 'the', 'of', 'at', 'a', 'on', 'um', 'uhr', 'den', 'am', 't'],
  ...['er', 'st', 'nd', 'rd', 'th', 'eme'], // 1er, 25th
]);

export interface DateOptions {
  /** Numeric dates whose day and month are both ≤ 12: day first (25/11) unless told otherwise. */
  dayFirst?: boolean;
  /**
   * Dates written without a zone: 'local' (the computer's zone, which is the cell's: listening tools
   * export in the account's zone) or a fixed offset in minutes east of UTC.
   */
  zone?: 'local' | number;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Milliseconds UTC, or null when the text is not a date this parser is sure about. */
export function parseLooseDate(input: string, opts: DateOptions = {}): number | null {
  const text = input.trim();
  if (text === '' || text.length > 120) return null;
  const iso = ISO.exec(text);
  if (iso) return fromIso(iso, opts);
  return fromTokens(normalize(text), opts);
}

function fromIso(m: RegExpExecArray, opts: DateOptions): number | null {
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const parts: Parts = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h ?? 0),
    minute: Number(mi ?? 0),
    second: Number(s ?? 0),
    ms: Math.min(ms, 999),
  };
  let offset: number | null = null;
  if (zone) {
    const z = zone.toLowerCase();
    if (ZONES.has(z)) offset = ZONES.get(z) ?? 0;
    else {
      const sign = zone.startsWith('-') ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
    }
  }
  return build(parts, offset, opts);
}

function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b([ap])\.\s?m\b\.?/g, '$1m') // a.m. / p.m.
    .replace(/\b(\d{1,2})\s?h\s?(\d{2})\b/g, '$1:$2') // 14h03, 14 h 03
    .replace(/\b(\d{1,2})\s?h\b/g, '$1:00'); // 14h
}

const TOKEN = /[a-z]+|\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?|[+-]\d{1,2}(?::?\d{2})?(?!\d)|\d+/g;

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

function fromTokens(text: string, opts: DateOptions): number | null {
  const nums: string[] = [];
  const months: { month: number; alsoDay: boolean }[] = [];
  let time: { hour: number; minute: number; second: number; ms: number } | null = null;
  let named: number | null = null;
  let numeric: number | null = null;
  let meridiem: 'am' | 'pm' | null = null;
  for (const [tok] of text.matchAll(TOKEN)) {
    if (/^[a-z]/.test(tok)) {
      if ((tok === 'am' || tok === 'pm') && time && !meridiem) meridiem = tok;
      // "GMT+0100" adds up; the "(CET)" comment after "+0100" only repeats it.
      else if (ZONES.has(tok)) named = numeric === null && named === null ? (ZONES.get(tok) ?? 0) : named;
      else if (MONTHS.has(tok)) months.push({ month: MONTHS.get(tok) ?? 0, alsoDay: DAYS.has(tok) });
      else if (!DAYS.has(tok) && !FILLERS.has(tok)) return null;
    } else if (/^[+-]/.test(tok)) {
      // "+0100" after the time is a zone; "-2026" in "25-Nov-2026" is the year.
      if (!time) nums.push(tok.slice(1).replace(':', ''));
      else if (numeric !== null) return null;
      else numeric = zoneMinutes(tok);
    } else if (tok.includes(':')) {
      if (time) return null;
      const [h, mi, s] = tok.split(':');
      const sec = Number((s ?? '0').replace(',', '.'));
      time = {
        hour: Number(h),
        minute: Number(mi),
        second: Math.floor(sec),
        ms: Math.round((sec % 1) * 1000),
      };
    } else nums.push(tok);
  }
  const ymd = months.length > 0 ? withMonthName(months, nums) : numericDate(nums, opts.dayFirst ?? true);
  if (!ymd) return null;
  let hour = time?.hour ?? 0;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  const parts: Parts = {
    ...ymd,
    hour,
    minute: time?.minute ?? 0,
    second: time?.second ?? 0,
    ms: Math.min(time?.ms ?? 0, 999),
  };
  const offset = named === null && numeric === null ? null : (named ?? 0) + (numeric ?? 0);
  return build(parts, offset, opts);
}

/** "+0100", "-05:00", "+1" → minutes east of UTC. */
function zoneMinutes(tok: string): number {
  const sign = tok.startsWith('-') ? -1 : 1;
  const d = tok.slice(1).replace(':', '');
  const hours = d.length <= 2 ? Number(d) : Number(d.slice(0, -2));
  const minutes = d.length <= 2 ? 0 : Number(d.slice(-2));
  return minutes > 59 ? Number.NaN : sign * (hours * 60 + minutes);
}

type Ymd = { year: number; month: number; day: number };

/** "mar" is Tuesday in French and March in English: with another month name present, it is the day. */
function withMonthName(months: { month: number; alsoDay: boolean }[], nums: string[]): Ymd | null {
  const sure = months.length > 1 ? months.filter((m) => !m.alsoDay) : months;
  if (sure.length !== 1 || nums.length !== 2) return null;
  const month = sure[0]!.month;
  const [a, b] = nums as [string, string];
  // The year is the 4-digit number (or the one above 31); "25 Nov 26" is day then year.
  const aIsYear = a.length >= 3 || (b.length <= 2 && Number(a) > 31);
  const day = Number(aIsYear ? b : a);
  const year = fullYear(aIsYear ? a : b);
  return year === null ? null : { year, month, day };
}

function numericDate(nums: string[], dayFirst: boolean): Ymd | null {
  if (nums.length !== 3) return null;
  const [a, b, c] = nums as [string, string, string];
  if (a.length === 4) {
    const year = fullYear(a);
    return year === null ? null : { year, month: Number(b), day: Number(c) };
  }
  const year = fullYear(c);
  if (year === null || a.length > 2 || b.length > 2) return null;
  const x = Number(a);
  const y = Number(b);
  const dmy = x > 12 ? true : y > 12 ? false : dayFirst;
  return dmy ? { year, month: y, day: x } : { year, month: x, day: y };
}

function fullYear(digits: string): number | null {
  if (digits.length === 2) {
    const n = Number(digits);
    return n < 70 ? 2000 + n : 1900 + n;
  }
  return digits.length === 4 ? Number(digits) : null;
}

function build(p: Parts, offset: number | null, opts: DateOptions): number | null {
  const { year, month, day, hour, minute, ms } = p;
  const second = Math.min(p.second, 59); // a leap second is the minute's last second
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (offset !== null && !(Math.abs(offset) <= 18 * 60)) return null; // also NaN
  const zone = offset ?? opts.zone ?? 'local';
  if (zone === 'local') return new Date(year, month - 1, day, hour, minute, second, ms).getTime();
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - zone * 60_000;
}
