// Bluesky source: a post search or one account's feed, read newest first down to the last run's mark
// (the AppView has no since parameter).
import { z } from 'zod';
import { parseBlueskyBody, type FeedMark } from '../formats/bluesky';
import { SyncError, parseJsonBody, type HttpRequest } from '../http';
import type { HttpSourceAdapter } from '../source-adapter';

/** The lexicons' maximum page size. */
const LIMIT = 100;
const DEFAULT_BACKFILL_PAGES = 5;
/**
 * How far below the mark a run still reads: the search index lags the firehose a little and clients
 * stamp createdAt with their own clock, so a post may land just under the last run's newest one.
 * The overlap is absorbed by the dedup.
 */
const LATE_WINDOW_MS = 2 * 60_000;

const ACTOR = /^@?([A-Za-z0-9.-]{1,253}|did:[a-z]+:[A-Za-z0-9._:%-]{1,2048})$/;

export const blueskyConfigSchema = z
  .object({
    baseUrl: z.url({ protocol: /^https?$/ }).default('https://public.api.bsky.app'),
    query: z.string().trim().min(1).max(500).optional(),
    actor: z.string().trim().regex(ACTOR, 'a handle (name.bsky.social) or a did').optional(),
    backfillPages: z.number().int().min(1).max(100).optional(),
    tokenEnv: z.string().min(1).optional(),
    tokenFile: z.string().min(1).optional(),
    secretRef: z.string().min(1).optional(),
  })
  .refine((c) => (c.query === undefined) !== (c.actor === undefined), {
    message: 'set exactly one of query or actor',
  });

export type BlueskyConfig = z.infer<typeof blueskyConfigSchema>;

export interface BlueskyState {
  /** Newest item stored by the last complete run: the run stops once it reads below it. */
  mark: FeedMark | null;
  /** Newest item seen by the run in progress: the next mark once the run completes. */
  top: FeedMark | null;
  /** Cursor of the run in progress' next (older) page; null between runs. */
  cursor: string | null;
  pages: number;
}

const newer = (a: FeedMark, b: FeedMark | null): boolean =>
  b === null || a.at > b.at || (a.at === b.at && a.uri > b.uri);

function requestUrl(config: BlueskyConfig, state: BlueskyState): string {
  const base = config.baseUrl.replace(/\/+$/, '');
  const params = new URLSearchParams();
  let method: string;
  if (config.query !== undefined) {
    method = 'app.bsky.feed.searchPosts';
    params.set('q', config.query);
    params.set('sort', 'latest');
  } else {
    method = 'app.bsky.feed.getAuthorFeed';
    params.set('actor', (config.actor ?? '').replace(/^@/, ''));
  }
  params.set('limit', String(LIMIT));
  if (state.cursor) params.set('cursor', state.cursor);
  return `${base}/xrpc/${method}?${params.toString()}`;
}

export const blueskySource: HttpSourceAdapter<BlueskyConfig, BlueskyState> = {
  type: 'bluesky',
  configSchema: blueskyConfigSchema,
  // The public AppView needs none; a token is passed through for AppViews that ask for one.
  secret: { required: false, label: 'an access token' },
  initialState: () => ({ mark: null, top: null, cursor: null, pages: 0 }),

  request(config, state, ctx): HttpRequest {
    return {
      url: requestUrl(config, state),
      headers: ctx.secret ? { authorization: `Bearer ${ctx.secret}` } : {},
    };
  },

  parsePage(res, config, state) {
    const page = parseBlueskyBody(parseJsonBody(res));
    if (!page) {
      throw new SyncError(
        'bad_response',
        `${new URL(res.url).host} sent JSON that is not a Bluesky feed page.`,
      );
    }
    let top = state.top;
    for (const m of page.marks) if (newer(m, top)) top = m;
    const mark = state.mark;
    // The page's last item is its oldest in the server's order; one backdated post higher up (imports
    // from elsewhere keep their old createdAt) must not end the run.
    const oldest = page.marks[page.marks.length - 1];
    const reached = mark !== null && oldest !== undefined && oldest.at <= mark.at - LATE_WINDOW_MS;
    const pages = state.pages + 1;
    const backfillDone = mark === null && pages >= (config.backfillPages ?? DEFAULT_BACKFILL_PAGES);
    const cursor = page.itemCount > 0 ? page.cursor : null;
    // A cursor that does not move would replay the same page forever.
    const more = cursor !== null && cursor !== state.cursor && !reached && !backfillDone;
    const nextState: BlueskyState = more
      ? { mark, top, cursor, pages }
      : { mark: top && newer(top, mark) ? top : mark, top: null, cursor: null, pages: 0 };
    const { mentions, shares, quarantined } = page;
    return { mentions, shares, quarantined, state: nextState, more };
  },
};
