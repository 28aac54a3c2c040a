// Google Alerts feeds: Atom whose links go through https://www.google.com/url?…&url=<article>… and whose
// titles highlight the keywords with <b>. The article's own URL is the link, the id and the publisher.
import { hostOf, resolveUrl, type FeedEntry } from './feed-item';

const GOOGLE_HOST = /^(?:www\.)?google\.[a-z]{2,3}(?:\.[a-z]{2})?$/;

/** The article behind a google.com/url redirect; null when the link is not one. */
export function unwrapGoogleUrl(href: string | null): string | null {
  if (!href) return null;
  let u: URL;
  try {
    u = new URL(href);
  } catch {
    return null;
  }
  if (!GOOGLE_HOST.test(u.hostname) || u.pathname !== '/url') return null;
  return resolveUrl(u.searchParams.get('url') ?? u.searchParams.get('q'), null);
}

/** Detected by the alert's feed id (`tag:google.com,2005:reader/user/…`) or its redirect links. */
export function isGoogleAlerts(feedId: string, entryLinks: readonly (string | null)[]): boolean {
  if (feedId.startsWith('tag:google.com,2005:reader/user/')) return true;
  return entryLinks.some((l) => unwrapGoogleUrl(l) !== null);
}

/**
 * The same article often comes back in several alerts (and the alert's own entry ids differ), so the
 * article URL is its id. Titles and contents are already plain text here (<b> removed with the HTML).
 */
export function googleAlertsEntry(e: FeedEntry): FeedEntry {
  const article = unwrapGoogleUrl(e.url);
  if (!article) return e;
  const host = hostOf(article);
  return {
    ...e,
    id: article,
    url: article,
    author: null,
    publisherHost: host,
    publisherName: host,
  };
}
