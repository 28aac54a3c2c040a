// A thin, typed view over fast-xml-parser's ordered output: feeds mix text and markup (Atom xhtml),
// so document order is kept. No XML is parsed by hand here.
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { htmlToPlainText } from '../normalize';
import { FormatError } from '../types';

/** `{tag: children, ':@': attributes}` for an element, `{'#text': string}` for text. */
export type XmlNode = Record<string, unknown>;

const ATTRS = ':@';
const TEXT = '#text';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '' });

/** The document's top-level nodes; a parser failure means the text is not XML at all. */
export function parseXml(text: string): XmlNode[] {
  let out: unknown;
  try {
    out = parser.parse(text);
  } catch (err) {
    throw new FormatError(`The XML cannot be read (${err instanceof Error ? err.message : 'parse error'}).`);
  }
  return Array.isArray(out) ? out.filter(isNode) : [];
}

const isNode = (v: unknown): v is XmlNode => typeof v === 'object' && v !== null && !Array.isArray(v);

export function tagOf(node: XmlNode): string | null {
  for (const key of Object.keys(node)) if (key !== ATTRS && key !== TEXT) return key;
  return null;
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  const kids = tag ? node[tag] : null;
  return Array.isArray(kids) ? kids.filter(isNode) : [];
}

/** Child elements named `name` (exact, prefix included). */
export function elements(node: XmlNode, name: string): XmlNode[] {
  return childrenOf(node).filter((c) => tagOf(c) === name);
}

export function firstElement(node: XmlNode, ...names: string[]): XmlNode | null {
  for (const name of names) {
    const found = childrenOf(node).find((c) => tagOf(c) === name);
    if (found) return found;
  }
  return null;
}

export function attr(node: XmlNode, name: string): string | null {
  const attrs = node[ATTRS];
  if (!isNode(attrs)) return null;
  const v = attrs[name];
  return typeof v === 'string' ? v : null;
}

/** All the text under a node, in document order (CDATA included, entities decoded by the parser). */
export function textOf(node: XmlNode): string {
  if (typeof node[TEXT] === 'string') return node[TEXT];
  if (typeof node[TEXT] === 'number') return String(node[TEXT]);
  let out = '';
  for (const c of childrenOf(node)) out += textOf(c);
  return out;
}

/** The markup inside a node, re-serialized (Atom xhtml content → HTML for html-to-text). */
export function innerXml(node: XmlNode): string {
  const tag = tagOf(node);
  const kids = tag ? node[tag] : null;
  return Array.isArray(kids) ? String(builder.build(kids)) : '';
}

/** The element itself as XML, for quarantine excerpts. */
export function outerXml(node: XmlNode): string {
  return String(builder.build([node]));
}

/** Plain text of a title or other short field: collapsed whitespace, markup and entities undone. */
export function plainLine(text: string): string {
  const s = /<[a-z/!]|&[#a-z0-9]+;/i.test(text) ? htmlToPlainText(text) : text;
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Plain text of a longer field whose type is known (Atom text constructs, RSS descriptions); `base`
 * resolves the relative links of its markup.
 */
export function plainBlock(
  node: XmlNode,
  type: 'text' | 'html' | 'xhtml',
  base: string | null = null,
): string {
  if (type === 'xhtml') return htmlToPlainText(innerXml(node), base);
  const text = textOf(node);
  // Markup-free HTML only needs its whitespace collapsed.
  if (type === 'html')
    return /[<&]/.test(text) ? htmlToPlainText(text, base) : text.replace(/\s+/g, ' ').trim();
  return text
    .replace(/[ \t\f\v\r]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
