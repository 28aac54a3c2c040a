/** A piece of a mention's text, marked when the search matched it. */
export interface Segment {
  text: string;
  hit: boolean;
}

const OPEN = '\u0002';
const CLOSE = '\u0003';

/**
 * Splits FTS5 highlight() output (matches between \u0002 and \u0003) into segments the row renders
 * as text and <mark> elements: nothing is ever parsed as markup. A stray marker in the text itself
 * only shifts the highlighting.
 */
export function splitHighlight(marked: string): Segment[] {
  const out: Segment[] = [];
  let hit = false;
  let buf = '';
  for (const ch of marked) {
    if (ch === OPEN || ch === CLOSE) {
      if (buf) out.push({ text: buf, hit });
      buf = '';
      hit = ch === OPEN;
    } else buf += ch;
  }
  if (buf) out.push({ text: buf, hit });
  return out;
}
