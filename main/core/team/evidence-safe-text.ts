// Attacker-controlled text made safe to show: HTML escaping, marks for hidden characters, http(s) links.
import { htmlEscape } from '../report/render-html';

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export const escapeHtml = htmlEscape;

/**
 * Characters that hide or disguise text: controls (but tab and newlines), bidi embeddings,
 * overrides and isolates, zero-width and invisible format characters, Unicode tags, lone
 * surrogates. ZWJ/ZWNJ are kept: emoji sequences and several scripts need them.
 */
export function isSuspiciousCodePoint(cp: number): boolean {
  return (
    (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) ||
    (cp >= 0x7f && cp <= 0x9f) ||
    cp === 0xad ||
    cp === 0x061c ||
    cp === 0x180e ||
    cp === 0x200b ||
    cp === 0x200e ||
    cp === 0x200f ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    cp === 0xfeff ||
    (cp >= 0xfff9 && cp <= 0xfffb) ||
    (cp >= 0xd800 && cp <= 0xdfff) ||
    (cp >= 0xe0000 && cp <= 0xe007f)
  );
}

/** `U+202E`: how a code point is named in the exports. */
export const codePointLabel = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** Escaped text with suspicious characters replaced by a visible ⟦U+XXXX⟧ mark. */
export function displayText(text: string): string {
  let out = '';
  let plain = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isSuspiciousCodePoint(cp)) {
      out += escapeHtml(plain);
      plain = '';
      out += `<span class="cc" title="${codePointLabel(cp)}">⟦${codePointLabel(cp)}⟧</span>`;
    } else plain += ch;
  }
  return out + escapeHtml(plain);
}

/** An http(s) URL, parsed; null for anything else (javascript:, data:, file:, relative, broken). */
export function safeHttpUrl(raw: string): URL | null {
  if (!/^\s*https?:\/\//i.test(raw)) return null;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The text without its suspicious characters (titles, file names). */
export function stripSuspicious(text: string): string {
  return [...text].filter((c) => !isSuspiciousCodePoint(c.codePointAt(0) ?? 0)).join('');
}
