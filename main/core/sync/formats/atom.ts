// Atom (RFC 4287) → feed entries, with Google Alerts' wrapped links undone. Extraction only.
import { langCode } from '../normalize';
import { hostOf, resolveUrl, withBase, type FeedEntry } from './feed-item';
import { googleAlertsEntry, isGoogleAlerts } from './google-alerts';
import type { ExtractedFeed } from './rss';
import { attr, elements, firstElement, plainBlock, plainLine, tagOf, textOf, type XmlNode } from './xml-tree';

/** Element names under the root's own prefix (`<feed>` usually, `<atom:feed>` sometimes). */
type Named = (local: string) => string;

export function extractAtom(root: XmlNode, feedUrl: string | null): ExtractedFeed {
  const tag = tagOf(root) ?? 'feed';
  const prefix = tag.includes(':') ? tag.slice(0, tag.indexOf(':') + 1) : '';
  const n: Named = (local) => prefix + local;
  const rootBase = withBase(feedUrl, attr(root, 'xml:base'));
  const siteLink = linkOf(root, n, rootBase);
  // A saved file has no URL of its own: its links resolve against the feed's declared address.
  const base = rootBase ?? siteLink ?? selfLink(root, n);
  const feedAuthor = authorOf(root, n);
  const lang = attr(root, 'xml:lang');
  const alerts = isGoogleAlerts(
    text(firstElement(root, n('id'))),
    elements(root, n('entry')).map((e) => linkOf(e, n, null)),
  );
  const items = elements(root, n('entry')).map((node) => {
    const entry = entryOf(node, n, withBase(base, attr(node, 'xml:base')), feedAuthor);
    return { node, entry: alerts ? googleAlertsEntry(entry) : entry };
  });
  return {
    info: {
      title: constructText(firstElement(root, n('title'))) || null,
      host: hostOf(siteLink) ?? hostOf(feedUrl),
      lang: langCode(lang),
    },
    items,
  };
}

const text = (node: XmlNode | null): string => (node ? textOf(node).trim() : '');

function entryOf(entry: XmlNode, n: Named, base: string | null, feedAuthor: string | null): FeedEntry {
  const summary = firstElement(entry, n('summary'));
  const content = firstElement(entry, n('content'));
  // Out-of-line content (src="…") has no text here.
  const url = linkOf(entry, n, base);
  const at = (node: XmlNode | null) => withBase(base, node ? attr(node, 'xml:base') : null) ?? url;
  const body =
    constructText(summary, at(summary)) ||
    (content && !attr(content, 'src') ? constructText(content, at(content)) : '');
  const date = firstElement(entry, n('published'), n('updated'), n('issued'), n('modified'));
  return {
    id: text(firstElement(entry, n('id'))) || null,
    title: constructText(firstElement(entry, n('title')))
      .replace(/\s+/g, ' ')
      .trim(),
    summary: body,
    url,
    date: date ? textOf(date) : null,
    author: authorOf(entry, n) ?? feedAuthor,
    publisherHost: null,
    publisherName: null,
  };
}

/** The alternate link (rel="alternate" or no rel), else the first link, resolved. */
function linkOf(node: XmlNode, n: Named, base: string | null): string | null {
  const links = elements(node, n('link'));
  const rel = (l: XmlNode) => (attr(l, 'rel') ?? 'alternate').trim().toLowerCase();
  const link = links.find((l) => rel(l) === 'alternate') ?? links[0];
  if (!link) return null;
  return resolveUrl(attr(link, 'href'), withBase(base, attr(link, 'xml:base')));
}

function selfLink(node: XmlNode, n: Named): string | null {
  const self = elements(node, n('link')).find((l) => attr(l, 'rel')?.trim() === 'self');
  return self ? resolveUrl(attr(self, 'href'), null) : null;
}

function authorOf(node: XmlNode, n: Named): string | null {
  const author = firstElement(node, n('author'));
  if (!author) return null;
  return plainLine(text(firstElement(author, n('name')))) || null;
}

/** Atom text constructs: type text (default), html (escaped markup) or xhtml (inline markup). */
function constructText(node: XmlNode | null, base: string | null = null): string {
  if (!node) return '';
  const type = (attr(node, 'type') ?? 'text').trim().toLowerCase();
  if (type === 'html' || type === 'text/html') return plainBlock(node, 'html', base);
  if (type === 'xhtml' || type.endsWith('xhtml+xml')) return plainBlock(node, 'xhtml', base);
  return plainBlock(node, 'text');
}
