/** Turns what a person types into a safe FTS5 query: each word quoted, the last one a prefix. */
export function toFtsQuery(input: string): string | null {
  const words = input
    .split(/\s+/)
    .map((w) => w.replace(/"/g, '').trim())
    .filter(Boolean)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}
