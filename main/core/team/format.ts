// Small, deterministic formatting helpers shared by the team modules (no clock, no locale surprises).

export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];

/** A text in both languages of the app. */
export interface Bilingual {
  fr: string;
  en: string;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** `2024-05-01T10:00:00.000Z` — always UTC, always with milliseconds. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString();
}

const localFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Local wall-clock time in an IANA time zone, in one unambiguous shape for both languages:
 * `2024-05-01 12:00:00 UTC+2`. Day/month order never depends on the reader's locale.
 * Throws a RangeError for an unknown time zone (checked by `assertTimeZone`).
 */
export function formatLocal(ms: number, timeZone: string): string {
  let fmt = localFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'shortOffset',
    });
    localFormatters.set(timeZone, fmt);
  }
  const parts: Record<string, string> = {};
  for (const p of fmt.formatToParts(new Date(ms))) parts[p.type] = p.value;
  const offset = (parts.timeZoneName ?? 'UTC').replace(/^GMT/, 'UTC');
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${offset}`;
}

/** Throws a RangeError with a clear message when `timeZone` is not a known IANA zone. */
export function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
  } catch {
    throw new RangeError(`Unknown time zone: ${timeZone}`);
  }
}

/** `1 h 05 min`, `12 min`, `45 s` (the same shape in FR and EN; `j`/`d` for days). */
export function formatDuration(ms: number, lang: Lang): string {
  const negative = ms < 0;
  let s = Math.round(Math.abs(ms) / 1000);
  const days = Math.floor(s / 86_400);
  s -= days * 86_400;
  const hours = Math.floor(s / 3600);
  s -= hours * 3600;
  const minutes = Math.floor(s / 60);
  s -= minutes * 60;
  let out: string;
  if (days > 0) out = `${days} ${lang === 'fr' ? 'j' : 'd'}${hours > 0 ? ` ${hours} h` : ''}`;
  else if (hours > 0) out = minutes > 0 ? `${hours} h ${String(minutes).padStart(2, '0')} min` : `${hours} h`;
  else if (minutes > 0) out = s > 0 && minutes < 5 ? `${minutes} min ${s} s` : `${minutes} min`;
  else out = `${s} s`;
  return negative ? `-${out}` : out;
}

/** Keeps a user-entered value on one line (handoff notes, timeline texts). */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
}
