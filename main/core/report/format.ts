// Deterministic formatting for the review documents: the same bytes on every machine (no reliance on
// the ICU version for digit grouping), times in UTC and in the reader's zone.
import type { ReportLang } from '../../../shared/report-model';
import { formatDuration } from '../team/format';

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-03-14 09:05 UTC` */
export function utc(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** `2026-03-14 10:05 (UTC+1)` in the given IANA zone. */
export function local(ms: number, timeZone: string): string {
  let f = zoneFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'shortOffset',
    });
    zoneFormats.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(ms))) p[part.type] = part.value;
  const offset = (p.timeZoneName ?? 'GMT').replace(/^GMT/, 'UTC');
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} (${offset})`;
}

/** UTC, then the reader's time when it differs (a reader in UTC would read the same time twice). */
export function utcAndLocal(ms: number, timeZone: string): string {
  const u = utc(ms);
  const l = local(ms, timeZone);
  // Both start with `YYYY-MM-DD HH:MM`: the same clock reading means an offset of zero.
  return l.slice(0, 16) === u.slice(0, 16) ? u : `${u} · ${l}`;
}

export function assertZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
  } catch {
    throw new RangeError(`Unknown time zone: ${timeZone}`);
  }
}

export const duration = (ms: number, lang: ReportLang) => formatDuration(ms, lang);

export { dec, int, pct } from '../numbers-by-language';
