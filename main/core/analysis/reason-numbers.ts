// Numbers inside the sentences the analysis writes in both languages (suggested-level reasons, spike
// alerts): each in its language's way, 100 852 and 1,1 in French, 100,852 and 1.1 in English, with a
// no-break space where French puts one (before %, between thousands) so a figure never wraps apart.

export type ReasonLang = 'fr' | 'en';

const NBSP = '\u00a0';

/** Whole from 100 up, else at most `decimals` decimals. */
export function reasonNumber(lang: ReasonLang, x: number, decimals = 1): string {
  const rounded = x >= 100 ? Math.round(x) : Math.round(x * 10 ** decimals) / 10 ** decimals;
  const [whole, fraction] = String(Math.abs(rounded)).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'fr' ? NBSP : ',');
  const sign = rounded < 0 ? '-' : '';
  return fraction ? `${sign}${grouped}${lang === 'fr' ? ',' : '.'}${fraction}` : `${sign}${grouped}`;
}

/** 0.5 → "50 %" in French, "50%" in English. */
export function reasonPercent(lang: ReasonLang, share: number): string {
  const n = Math.round(share * 100);
  return lang === 'fr' ? `${n}${NBSP}%` : `${n}%`;
}
