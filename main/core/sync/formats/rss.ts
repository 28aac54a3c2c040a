// RSS 2.0 (and 0.9x, 1.0/RDF) → feed entries. Field extraction only; feed-item.ts makes the mentions.
import { langCode } from '../normalize';
import { hostOf, resolveUrl, withBase, type FeedEntry, type FeedInfo } from './feed-item';
import { attr, elements, firstElement, plainBlock, plainLine, tagOf, textOf, type XmlNode } from './xml-tree';

export interface ExtractedFeed {
  info: Omit<FeedInfo, 'now'>;
  items: { entry: FeedEntry; node: XmlNode }[];
}

const text = (node: XmlNode | null): string => (node ? textOf(node).trim() : '');

/** `root` is <rss> or <rdf:RDF>; `feedUrl` resolves relative links (null for a file). */
export function extractRss(root: XmlNode, feedUrl: string | null): ExtractedFeed {
  const channel = firstElement(root, 'channel') ?? root;
  // RSS 2.0 nests the items in the channel; RSS 1.0 (RDF) puts them next to it.
  const itemNodes = tagOf(root) === 'rss' ? elements(channel, 'item') : elements(root, 'item');
  const channelLink = resolveUrl(text(firstElement(channel, 'link')), feedUrl);
  const base = withBase(withBase(feedUrl ?? channelLink, attr(root, 'xml:base')), attr(channel, 'xml:base'));
  const info = {
    title: plainLine(text(firstElement(channel, 'title'))) || null,
    host: hostOf(channelLink) ?? hostOf(feedUrl),
    lang: langCode(text(firstElement(channel, 'language', 'dc:language'))),
  };
  return { info, items: itemNodes.map((node) => ({ node, entry: itemEntry(node, base) })) };
}

function itemEntry(item: XmlNode, channelBase: string | null): FeedEntry {
  const base = withBase(channelBase, attr(item, 'xml:base'));
  const guidNode = firstElement(item, 'guid');
  const guid = text(guidNode) || attr(item, 'rdf:about') || null;
  // A guid is a permalink unless it says isPermaLink="false".
  const guidIsLink = guidNode !== null && attr(guidNode, 'isPermaLink')?.trim() !== 'false';
  const atomLink = firstElement(item, 'atom:link');
  const url =
    resolveUrl(text(firstElement(item, 'link')), base) ??
    resolveUrl(atomLink ? attr(atomLink, 'href') : null, base) ??
    (guidIsLink ? resolveUrl(guid, base) : null);
  const description = firstElement(item, 'description', 'content:encoded', 'summary');
  const source = firstElement(item, 'source');
  const dateNode = firstElement(item, 'pubDate', 'dc:date', 'a10:updated', 'atom:updated', 'published');
  return {
    id: guid,
    title: plainLine(text(firstElement(item, 'title'))),
    summary: description
      ? plainBlock(description, 'html', withBase(base, attr(description, 'xml:base')) ?? url)
      : '',
    url,
    date: dateNode ? textOf(dateNode) : null,
    author: authorName(text(firstElement(item, 'dc:creator', 'author', 'itunes:author'))),
    publisherHost: source ? hostOf(resolveUrl(attr(source, 'url'), base)) : null,
    publisherName: source ? plainLine(text(source)) || null : null,
  };
}

/** RSS <author> is an e-mail address, often with the name: "ed@example.org (Ed Smith)". */
function authorName(raw: string): string | null {
  const s = raw.replace(/\s+/g, ' ').trim();
  if (!s) return null;
  const name = /\(([^()]+)\)$/.exec(s)?.[1] ?? /^([^<]+)<[^>]*>$/.exec(s)?.[1] ?? s;
  return plainLine(name) || null;
}
