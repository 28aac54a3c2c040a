// RSS or Atom, told apart by the document's root: the HTTP feed source and `vigie import --format
// rss|atom` share this parser. A body that is not a complete feed is refused whole (FormatError).
import { FormatError, Rejection, emptyResult, excerpt, setAside, type ParseResult } from '../types';
import { extractAtom } from './atom';
import { entryToMention } from './feed-item';
import { rejectBinary } from './not-text';
import type { FileFormat } from './registry';
import { extractRss } from './rss';
import { outerXml, parseXml, tagOf, type XmlNode } from './xml-tree';

export type FeedKind = 'rss' | 'atom';

function kindOfTag(tag: string): FeedKind | null {
  const local = tag.includes(':') ? tag.slice(tag.indexOf(':') + 1) : tag;
  if (local === 'rss' || local === 'RDF') return 'rss';
  if (local === 'feed') return 'atom';
  return null;
}

export function sniffFeed(text: string): FeedKind | null {
  const tag = rootTag(text.slice(0, 8192));
  return tag ? kindOfTag(tag) : null;
}

/**
 * Root element name, skipping the prolog (declaration, comments, doctype). A forward scan with
 * indexOf: one regex with lazy alternatives backtracks exponentially on "<?a?><?a?>…<!--".
 */
function rootTag(head: string): string | null {
  let i = head.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < head.length && /\s/.test(head.charAt(i))) i++;
    let end: number;
    if (head.startsWith('<?', i)) end = after(head, '?>', i + 2);
    else if (head.startsWith('<!--', i)) end = after(head, '-->', i + 4);
    else if (/^<!doctype/i.test(head.slice(i, i + 9))) {
      const close = head.indexOf('>', i);
      const subset = head.indexOf('[', i);
      end =
        subset >= 0 && (close < 0 || subset < close)
          ? after(head, '>', after(head, ']', subset))
          : after(head, '>', i);
    } else break;
    if (end < 0) return null;
    i = end;
  }
  return /^<([A-Za-z_][\w.-]*(?::[\w.-]+)?)/.exec(head.slice(i, i + 200))?.[1] ?? null;
}

/** Index just past the next `token` from `from`, or -1. */
function after(text: string, token: string, from: number): number {
  if (from < 0) return -1;
  const at = text.indexOf(token, from);
  return at < 0 ? -1 : at + token.length;
}

export interface FeedOptions {
  /** The feed's own URL, for relative links; null for a file (the feed's declared links are used). */
  feedUrl: string | null;
  now: number;
}

export function parseFeed(text: string, opts: FeedOptions): ParseResult & { kind: FeedKind } {
  rejectBinary(text, 'an RSS or Atom feed');
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (!start.startsWith('<')) {
    const what = /^[[{]/.test(start) ? 'JSON' : 'text';
    throw new FormatError(`This is ${what}, not an RSS or Atom feed (which is XML).`);
  }
  // An HTML page (a login or consent wall, an error page) however its doctype is written.
  if (/^<!doctype\s+html\b/i.test(start) || /^<html[\s>]/i.test(start)) {
    throw new FormatError('This is an HTML page, not an RSS or Atom feed.');
  }
  const root = parseXml(text).find((n) => tagOf(n) !== null);
  const tag = root ? tagOf(root) : null;
  const kind = tag ? kindOfTag(tag) : null;
  if (!root || !tag || !kind) {
    const what =
      tag && /^html$/i.test(tag) ? 'an HTML page' : `XML whose root is <${(tag ?? '?').slice(0, 40)}>`;
    throw new FormatError(`This is ${what}, not an RSS or Atom feed.`);
  }
  if (!endsWithClosing(text, tag)) {
    throw new FormatError(`The feed is cut off: it does not end with </${tag}>.`);
  }
  const feed = kind === 'rss' ? extractRss(root, opts.feedUrl) : extractAtom(root, opts.feedUrl);
  const out = emptyResult();
  const label = kind === 'rss' ? 'RSS item' : 'Atom entry';
  feed.items.forEach(({ entry, node }, i) => {
    const mention = entryToMention(entry, { ...feed.info, now: opts.now });
    if (mention instanceof Rejection) {
      out.quarantined.push(
        setAside(`${label} ${i + 1}: `, mention, rawOf(node), { unit: 'entry', n: i + 1 }),
      );
    } else out.mentions.push(mention);
  });
  return { ...out, kind };
}

function rawOf(node: XmlNode): string {
  try {
    return excerpt(outerXml(node));
  } catch {
    return excerpt(node);
  }
}

/**
 * The parser is lenient with unclosed elements, so a body cut in the middle would parse "fine" with
 * its last item half empty: the root's closing tag (before trailing comments) proves it is whole.
 */
function endsWithClosing(text: string, tag: string): boolean {
  let end = trimmedEnd(text, text.length);
  while (text.startsWith('-->', end - 3)) {
    const open = text.lastIndexOf('<!--', end - 3);
    if (open < 0) break;
    end = trimmedEnd(text, open);
  }
  const closing = /<\/\s*([^\s<>]+)\s*>$/.exec(text.slice(Math.max(0, end - 300), end));
  return closing?.[1] === tag;
}

/** End index of `text.slice(0, end)` without its trailing whitespace (no copies of a large body). */
function trimmedEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
  return end;
}

function feedFormat(name: FeedKind): FileFormat {
  return {
    name,
    sniff: (text) => sniffFeed(text) === name,
    // Either kind is read whatever the name: the body says which it is.
    parse: (text, ctx) => {
      const { kind: _kind, ...result } = parseFeed(text, { feedUrl: null, now: ctx.now });
      return result;
    },
  };
}

export const rssFormat = feedFormat('rss');
export const atomFormat = feedFormat('atom');
