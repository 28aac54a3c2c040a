// Reddit source: a site or subreddit search, a subreddit's new posts or its new comments, read newest
// first (`after` paging) down to the last run's newest item.
import { z } from 'zod';
import { parseRedditBody, type RedditMark } from '../formats/reddit';
import { SyncError, parseJsonBody, type HttpRequest } from '../http';
import type { HttpSourceAdapter } from '../source-adapter';

/** The listings' maximum page size. */
const LIMIT = 100;
/** Listings stop near 1,000 items anyway; the first run reads recent history only. */
const DEFAULT_BACKFILL_PAGES = 5;
/** Search indexes a post a little after it is created: read this far below the mark (dedup absorbs it). */
const LATE_WINDOW_MS = 5 * 60_000;

const SUBREDDIT = /^(?:\/?r\/)?([A-Za-z0-9_]{2,21}(?:\+[A-Za-z0-9_]{2,21})*)\/?$/;

export const redditConfigSchema = z
  .object({
    baseUrl: z.url({ protocol: /^https?$/ }).default('https://www.reddit.com'),
    search: z.string().trim().min(1).max(512).optional(),
    subreddit: z
      .string()
      .trim()
      .regex(SUBREDDIT, 'a subreddit name such as "france" or "r/france"')
      .transform((s) => SUBREDDIT.exec(s)![1]!)
      .optional(),
    comments: z.boolean().optional(),
    backfillPages: z.number().int().min(1).max(100).optional(),
    tokenEnv: z.string().min(1).optional(),
    tokenFile: z.string().min(1).optional(),
    secretRef: z.string().min(1).optional(),
  })
  .refine((c) => c.search !== undefined || c.subreddit !== undefined, {
    message: 'set search, subreddit, or both',
  })
  .refine((c) => !c.comments || (c.subreddit !== undefined && c.search === undefined), {
    message: 'comments reads one subreddit: set subreddit without search',
  });

export type RedditConfig = z.infer<typeof redditConfigSchema>;

export interface RedditState {
  /** Newest item stored by the last complete run: the run stops once it reaches it. */
  mark: RedditMark | null;
  /** Newest item seen by the run in progress: the next mark once it completes. */
  top: RedditMark | null;
  /** `after` of the run in progress' next (older) page; null between runs. */
  after: string | null;
  pages: number;
}

const newer = (a: RedditMark, b: RedditMark | null): boolean =>
  b === null || a.at > b.at || (a.at === b.at && a.name > b.name);

function requestUrl(config: RedditConfig, state: RedditState): string {
  const sub = config.subreddit ? `/r/${config.subreddit}` : '';
  const params = new URLSearchParams();
  let path: string;
  if (config.search !== undefined) {
    path = `${sub}/search.json`;
    params.set('q', config.search);
    if (sub) params.set('restrict_sr', '1');
    params.set('sort', 'new');
    params.set('type', 'link');
  } else {
    path = `${sub}/${config.comments ? 'comments' : 'new'}.json`;
  }
  params.set('limit', String(LIMIT));
  // Unescaped text fields (the parser decodes entities anyway, should a proxy drop this).
  params.set('raw_json', '1');
  if (state.after) params.set('after', state.after);
  return `${config.baseUrl.replace(/\/+$/, '')}${path}?${params.toString()}`;
}

/** Reddit's own reasons for refusing a subreddit: settings to fix, not credentials. */
const SUBREDDIT_REFUSALS: Record<string, string> = {
  private: 'is private',
  quarantined: 'is quarantined (it needs an opted-in account)',
  banned: 'is banned',
  gold_only: 'is reserved to premium members',
};

function refusalReason(body: string | null): string | null {
  if (!body) return null;
  try {
    const json: unknown = JSON.parse(body);
    const reason = typeof json === 'object' && json !== null ? (json as { reason?: unknown }).reason : null;
    return typeof reason === 'string' && Object.hasOwn(SUBREDDIT_REFUSALS, reason)
      ? SUBREDDIT_REFUSALS[reason]!
      : null;
  } catch {
    return null;
  }
}

export const redditSource: HttpSourceAdapter<RedditConfig, RedditState> = {
  type: 'reddit',
  configSchema: redditConfigSchema,
  // The public JSON listings need none; an OAuth token (with baseUrl https://oauth.reddit.com) raises limits.
  secret: { required: false, label: 'an OAuth access token' },
  initialState: () => ({ mark: null, top: null, after: null, pages: 0 }),

  request(config, state, ctx): HttpRequest {
    return {
      url: requestUrl(config, state),
      headers: ctx.secret ? { authorization: `Bearer ${ctx.secret}` } : {},
    };
  },

  parsePage(res, config, state) {
    const page = parseRedditBody(parseJsonBody(res));
    if (!page) {
      throw new SyncError('bad_response', `${new URL(res.url).host} sent JSON that is not a Reddit listing.`);
    }
    let top = state.top;
    for (const m of page.marks) if (newer(m, top)) top = m;
    const mark = state.mark;
    const oldest = page.marks[page.marks.length - 1];
    const reached =
      mark !== null &&
      (page.marks.some((m) => m.name === mark.name) ||
        (oldest !== undefined && oldest.at < mark.at - LATE_WINDOW_MS));
    const pages = state.pages + 1;
    const backfillDone = mark === null && pages >= (config.backfillPages ?? DEFAULT_BACKFILL_PAGES);
    const after = page.itemCount > 0 ? page.after : null;
    // An `after` that does not move would replay the same page forever.
    const more = after !== null && after !== state.after && !reached && !backfillDone;
    const nextState: RedditState = more
      ? { mark, top, after, pages }
      : { mark: top && newer(top, mark) ? top : mark, top: null, after: null, pages: 0 };
    const { mentions, shares, quarantined } = page;
    return { mentions, shares, quarantined, state: nextState, more };
  },

  classifyError(err) {
    if (err.status !== 403 && err.status !== 404) return null;
    const refusal = refusalReason(err.body);
    if (!refusal) return null;
    return new SyncError(
      'config',
      `Reddit refused this subreddit: it ${refusal}.`,
      null,
      err.status,
      err.body,
    );
  },
};
