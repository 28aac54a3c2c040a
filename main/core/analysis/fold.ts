// Word folding shared by the tokenizer and every lexicon: one spelling per word, whatever its case,
// accents or apostrophe.

const FOLD_MAP: Record<string, string> = {
  à: 'a',
  â: 'a',
  ä: 'a',
  á: 'a',
  ã: 'a',
  å: 'a',
  ç: 'c',
  é: 'e',
  è: 'e',
  ê: 'e',
  ë: 'e',
  í: 'i',
  ì: 'i',
  î: 'i',
  ï: 'i',
  ñ: 'n',
  ó: 'o',
  ò: 'o',
  ô: 'o',
  ö: 'o',
  õ: 'o',
  ú: 'u',
  ù: 'u',
  û: 'u',
  ü: 'u',
  ý: 'y',
  ÿ: 'y',
  œ: 'oe',
  æ: 'ae',
  '’': "'",
  '‘': "'",
  ʼ: "'",
};
const FOLD_RE = /[àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ’‘ʼ]/g;
// Anything outside printable ASCII (control characters only cost a no-op replace).
const NON_ASCII = /[^\u0020-\u007e]/;

/** Lowercase, accents removed, typographic apostrophes made plain. */
export function fold(s: string): string {
  const lower = s.toLowerCase();
  return NON_ASCII.test(lower) ? lower.replace(FOLD_RE, (c) => FOLD_MAP[c] ?? c) : lower;
}
