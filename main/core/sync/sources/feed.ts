// RSS / Atom / Google Alerts source: one conditional GET per run (ETag, Last-Modified). Feeds have no
// paging: each run reads the whole feed and the dedup by id drops what is already stored.
import { z } from 'zod';
import { parseFeed } from '../formats/feed-parse';
import { SyncError, type HttpRequest } from '../http';
import type { HttpSourceAdapter } from '../source-adapter';
import { FormatError } from '../types';

// `url` is the feed itself. Like every HTTP source it also takes `baseUrl` (+ optional `path`), which is
// handy in a sources.json that points all sources at one host (a mirror, a test server).
export const feedConfigSchema = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== 'object') return raw;
    const c = raw as { url?: unknown; baseUrl?: unknown; path?: unknown };
    if (c.url !== undefined || typeof c.baseUrl !== 'string') return raw;
    const path = typeof c.path === 'string' ? c.path : '';
    return {
      ...c,
      url: path ? new URL(path, c.baseUrl.endsWith('/') ? c.baseUrl : `${c.baseUrl}/`).href : c.baseUrl,
    };
  },
  z.object({
    url: z.url({ protocol: /^https?$/ }),
    baseUrl: z.string().optional(),
    path: z.string().optional(),
  }),
);
export type FeedConfig = z.infer<typeof feedConfigSchema>;

export interface FeedState {
  /** Validators of the last 200 answer, sent back so an unchanged feed costs a 304. */
  etag: string | null;
  lastModified: string | null;
}

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';

export const feedSource: HttpSourceAdapter<FeedConfig, FeedState> = {
  type: 'feed',
  configSchema: feedConfigSchema,
  initialState: () => ({ etag: null, lastModified: null }),

  request(config, state): HttpRequest {
    const headers: Record<string, string> = { accept: ACCEPT };
    if (state.etag) headers['if-none-match'] = state.etag;
    if (state.lastModified) headers['if-modified-since'] = state.lastModified;
    return { url: config.url, headers };
  },

  parsePage(res, config, state, ctx) {
    // 304 Not Modified: nothing new since the validators we sent.
    if (res.status === 304) return { mentions: [], shares: [], quarantined: [], state, more: false };
    const { kind: _kind, ...result } = readFeed(res.body, config.url, ctx.now);
    const next: FeedState = {
      etag: res.headers.get('etag'),
      lastModified: res.headers.get('last-modified'),
    };
    return { ...result, state: next, more: false };
  },
};

/** A body that is not a feed (HTML error page, cut-off XML) is a bad response: nothing is stored. */
function readFeed(body: string, url: string, now: number): ReturnType<typeof parseFeed> {
  try {
    return parseFeed(body, { feedUrl: url, now });
  } catch (err) {
    if (!(err instanceof FormatError)) throw err;
    throw new SyncError('bad_response', `${new URL(url).host} did not send a readable feed. ${err.message}`);
  }
}
