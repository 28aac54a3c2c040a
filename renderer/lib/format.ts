import { useTranslation } from 'react-i18next';

/** BCP 47 locale used for numbers and dates: 24-hour clock in both languages. */
export function localeOf(language: string): string {
  return language.startsWith('en') ? 'en-GB' : 'fr-FR';
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface Formatters {
  locale: string;
  /** 12 345 / 12,345 */
  integer(n: number): string;
  /** One decimal at most: 8,4 / 8.4 */
  decimal(n: number): string;
  /** 3,2 M / 3.2M */
  compact(n: number): string;
  /** 14:32 */
  time(at: number): string;
  /** mar. 14 janv., 14:32 / Tue 14 Jan, 14:32 */
  dateTime(at: number): string;
  /** 14 janv. / 14 Jan */
  shortDate(at: number): string;
  /** « il y a 3 min » relative to `now` (the incident clock). */
  relative(at: number, now: number): string;
  /** 15 min / 2 h / 1 j */
  duration(minutes: number): string;
}

export function makeFormatters(language: string): Formatters {
  const locale = localeOf(language);
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: 1 });
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const dateTime = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  const shortDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  const unit = (u: 'minute' | 'hour' | 'day') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' });
  const minutes = unit('minute');
  const hours = unit('hour');
  const days = unit('day');
  return {
    locale,
    integer: (n) => integer.format(n),
    decimal: (n) => decimal.format(n),
    compact: (n) => compact.format(n),
    time: (at) => time.format(at),
    dateTime: (at) => dateTime.format(at),
    shortDate: (at) => shortDate.format(at),
    relative: (at, now) => {
      const diff = at - now;
      const abs = Math.abs(diff);
      if (abs < MINUTE) return rtf.format(0, 'second');
      if (abs < HOUR) return rtf.format(Math.round(diff / MINUTE), 'minute');
      if (abs < DAY) return rtf.format(Math.round(diff / HOUR), 'hour');
      return rtf.format(Math.round(diff / DAY), 'day');
    },
    duration: (m) => {
      if (m % 1440 === 0) return days.format(m / 1440);
      if (m % 60 === 0) return hours.format(m / 60);
      return minutes.format(m);
    },
  };
}

/**
 * One set of formatters per language for the whole page: building an Intl formatter costs far more
 * than using one, and a feed of a hundred rows each building ten of them held up the first render.
 */
const shared = new Map<string, Formatters>();

export function formattersFor(language: string): Formatters {
  let f = shared.get(language);
  if (!f) shared.set(language, (f = makeFormatters(language)));
  return f;
}

/** Formatters for the current UI language; components re-render when the language changes. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return formattersFor(i18n.language);
}
