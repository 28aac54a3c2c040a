// How the analysis rounds the figures in its reasons (suggested level, spike alerts), written the
// way each language writes numbers (main/core/numbers-by-language.ts).
import { int, pct, upTo, type NumberLang } from '../numbers-by-language';

export type ReasonLang = NumberLang;

/** Whole from 100 up, else at most `decimals` decimals. */
export function reasonNumber(lang: ReasonLang, x: number, decimals = 1): string {
  return x >= 100 ? int(x, lang) : upTo(x, lang, decimals);
}

/** A share as a whole percentage: "50 %" in French, "50%" in English. */
export function reasonPercent(lang: ReasonLang, share: number): string {
  return pct(share, lang, 0);
}
