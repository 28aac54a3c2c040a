// Numbers in the sentences and documents the core writes in French or English: 12 345 and 3,5 in
// French (narrow no-break space between thousands, no-break space before %), 12,345 and 3.5 in
// English. Written out rather than left to Intl, so the same bytes come out on every machine (the ICU
// version decides the grouping character otherwise). The review exports and the analysis's reasons
// both use these.

export type NumberLang = 'fr' | 'en';

/** Whole numbers grouped by thousands: `12 345` (narrow no-break space) in French, `12,345` in English. */
export function int(n: number, lang: NumberLang): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.round(Math.abs(n)));
  const sep = lang === 'fr' ? '\u202f' : ',';
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** Fixed decimals: `3,5` / `3.5`. */
export function dec(n: number, lang: NumberLang, digits = 1): string {
  const s = n.toFixed(digits);
  return lang === 'fr' ? s.replace('.', ',') : s;
}

/** At most `digits` decimals, none when they are zeros: `1,1`, `7` / `1.1`, `7`. */
export function upTo(n: number, lang: NumberLang, digits = 1): string {
  const s = String(Math.round(n * 10 ** digits) / 10 ** digits);
  return lang === 'fr' ? s.replace('.', ',') : s;
}

/** `12,5 %` / `12.5%` (`digits` decimals). */
export function pct(ratio: number, lang: NumberLang, digits = 1): string {
  const n = dec(ratio * 100, lang, digits);
  return lang === 'fr' ? `${n}\u00a0%` : `${n}%`;
}
