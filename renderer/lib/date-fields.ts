// Dates typed as separate day / month / year (and hour / minute) fields. A native date input shows
// the browser's own format (mm/dd/yyyy in an English browser), whatever language the cell chose for
// Vigie; separate numeric fields read the same in French and English and need no date parsing.
// Values are the native inputs' strings: "2026-11-29" and "2026-11-29T14:05" (local time).

export type DatePart = 'day' | 'month' | 'year';
export type Part = DatePart | 'hour' | 'minute';
export type Parts = Record<Part, string>;

const EMPTY: Parts = { day: '', month: '', year: '', hour: '', minute: '' };
const VALUE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/** Day, month and year in the order the language writes them (fr: 29/11/2026, en: 11/29/2026). */
export function dateOrder(language: string): DatePart[] {
  const parts = new Intl.DateTimeFormat(language, { day: '2-digit', month: '2-digit', year: 'numeric' })
    .formatToParts(new Date(2026, 10, 29))
    .map((p) => p.type)
    .filter((t): t is DatePart => t === 'day' || t === 'month' || t === 'year');
  return parts.length === 3 ? parts : ['day', 'month', 'year'];
}

/** A value's fields ("" → every field empty). */
export function splitValue(value: string): Parts {
  const m = VALUE.exec(value);
  if (!m) return { ...EMPTY };
  return { year: m[1]!, month: m[2]!, day: m[3]!, hour: m[4] ?? '', minute: m[5] ?? '' };
}

const pad = (s: string, n: number) => s.padStart(n, '0');

/**
 * The value the fields spell, or "" while they are incomplete or name no real date or time
 * (31/02, 24:00). Years have four digits.
 */
export function joinParts(parts: Parts, withTime: boolean): string {
  const day = Number(parts.day);
  const month = Number(parts.month);
  const year = Number(parts.year);
  if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month) || !/^\d{4}$/.test(parts.year))
    return '';
  const d = new Date(year, month - 1, day);
  if (d.getFullYear() !== year || d.getMonth() !== month - 1 || d.getDate() !== day) return '';
  const date = `${parts.year}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
  if (!withTime) return date;
  if (!/^\d{1,2}$/.test(parts.hour) || !/^\d{1,2}$/.test(parts.minute)) return '';
  if (Number(parts.hour) > 23 || Number(parts.minute) > 59) return '';
  return `${date}T${pad(parts.hour, 2)}:${pad(parts.minute, 2)}`;
}

/** Digits only, at most the field's width (a pasted "29/11" in the day field keeps "29"). */
export function cleanField(part: Part, typed: string): string {
  return typed.replace(/\D/g, '').slice(0, part === 'year' ? 4 : 2);
}
