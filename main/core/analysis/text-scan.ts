// The character scanner prepare() (text.ts) reads plain words with, before handing anything else to
// TOKEN_RE. Its character classes are subsets of TOKEN_RE's, so it never reads a token differently:
// where it cannot tell, it answers -1 and the regex decides.

/** ASCII characters of TOKEN_RE's word class [\p{L}\p{N}$*]. */
export const ASCII_WORD = new Uint8Array(128);
/** ASCII characters that can begin an e-mail address ([\w.+-]). */
export const ASCII_EMAIL = new Uint8Array(128);
/** ASCII characters no token begins with: the scanner steps over them. */
export const ASCII_QUIET = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  ASCII_WORD[c] = alnum || c === 36 /* $ */ || c === 42 /* * */ ? 1 : 0;
  ASCII_EMAIL[c] =
    alnum || c === 95 /* _ */ || c === 46 /* . */ || c === 43 /* + */ || c === 45 /* - */ ? 1 : 0;
  // Starters: word characters, [\w.+-], "@" (handles), "#" (hashtags), "!" and "?".
  ASCII_QUIET[c] = ASCII_WORD[c] || ASCII_EMAIL[c] || c === 64 || c === 35 || c === 33 || c === 63 ? 0 : 1;
}

/** Latin-1 letters and œ/Œ: the accented letters of French, all in \p{L}. */
export function isLatinLetter(c: number): boolean {
  return (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7) || c === 0x152 || c === 0x153;
}

/** Common non-ASCII characters that are neither word characters nor the start of any token. */
export function isQuiet(c: number): boolean {
  return (
    c === 0xa0 || // no-break space
    c === 0x202f || // narrow no-break space (French "nul !")
    c === 0xab || // «
    c === 0xbb || // »
    c === 0x2019 || // ’
    c === 0x2018 || // ‘
    c === 0x201c || // “
    c === 0x201d || // ”
    c === 0x2013 || // –
    c === 0x2014 // —
  );
}

/** A character the scanner knows to be in the word class. */
function isWordChar(c: number): boolean {
  return c < 128 ? ASCII_WORD[c] === 1 : isLatinLetter(c);
}

/** A character that might be in the word class (\p{L}, \p{N}) without the scanner knowing it. */
function mayBeWordChar(c: number): boolean {
  return c >= 128 && !isLatinLetter(c) && !isQuiet(c);
}

/** Whether the [\w.+-] run from i is followed by "@": then TOKEN_RE may read an e-mail address there. */
export function emailAhead(text: string, i: number): boolean {
  let e = i;
  while (e < text.length) {
    const c = text.charCodeAt(e);
    if (c >= 128 || ASCII_EMAIL[c] !== 1) return c === 64;
    e++;
  }
  return false;
}

/**
 * End of the word TOKEN_RE's word group reads from i ([\p{L}\p{N}$*]+ joined by ' ’ @ -, then an
 * optional trailing apostrophe), or -1 when the regex must decide (a URL or an e-mail address may
 * start here, or a character the scanner does not classify follows).
 */
export function plainWordEnd(text: string, i: number): number {
  const n = text.length;
  const c = text.charCodeAt(i);
  // TOKEN_RE tries URLs and e-mail addresses before words.
  if (c === 104 /* h */ && (text.startsWith('http://', i) || text.startsWith('https://', i))) return -1;
  if (c === 119 /* w */ && text.startsWith('www.', i)) return -1;
  if (c < 128 && ASCII_EMAIL[c] === 1 && emailAhead(text, i)) return -1;
  let j = i + 1;
  for (;;) {
    while (j < n && isWordChar(text.charCodeAt(j))) j++;
    if (j === n) return j;
    const d = text.charCodeAt(j);
    if (d === 39 /* ' */ || d === 0x2019 /* ’ */ || d === 64 /* @ */ || d === 45 /* - */) {
      const next = j + 1 < n ? text.charCodeAt(j + 1) : -1;
      if (next >= 0 && isWordChar(next)) {
        j += 2;
        continue;
      }
      if (next >= 0 && mayBeWordChar(next)) return -1;
      // No word follows: an apostrophe ends the word ("l'"), "@" and "-" do not belong to it.
      return d === 39 || d === 0x2019 ? j + 1 : j;
    }
    return mayBeWordChar(d) ? -1 : j;
  }
}
