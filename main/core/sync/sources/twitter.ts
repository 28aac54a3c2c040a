// X (Twitter) source: API v2 recent search, read newest first down to the last run's since_id. The bearer
// token goes in the Authorization header only, never in the URL.
import { z } from 'zod';
import { isTweetId, parseTwitterBody, tweetIdAbove, tweetIdTime } from '../formats/twitter';
import { SyncError, parseJsonBody, type HttpRequest } from '../http';
import type { HttpSourceAdapter } from '../source-adapter';

/** The endpoint's maximum page size. */
const MAX_RESULTS = 100;
/** Pages read when there is no usable since_id: every tweet read costs quota on X's plans. */
const DEFAULT_BACKFILL_PAGES = 5;
/** Recent search rejects a since_id older than 7 days (HTTP 400); keep a margin. */
const SINCE_ID_MAX_AGE = 7 * 24 * 3600_000 - 3600_000;

const TWEET_FIELDS = 'created_at,public_metrics,lang,referenced_tweets,author_id,conversation_id,note_tweet';
// referenced_tweets.id.author_id: the authors of retweeted originals, not only those of the results.
const EXPANSIONS = 'author_id,referenced_tweets.id,referenced_tweets.id.author_id';
const USER_FIELDS = 'username,name,public_metrics';

export const twitterConfigSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }).default('https://api.x.com'),
  /** X search syntax, e.g. `ondaline -is:retweet lang:fr` (512 characters on most plans). */
  query: z.string().trim().min(1).max(4096),
  backfillPages: z.number().int().min(1).max(100).optional(),
  tokenEnv: z.string().min(1).optional(),
  tokenFile: z.string().min(1).optional(),
  secretRef: z.string().min(1).optional(),
});

export type TwitterConfig = z.infer<typeof twitterConfigSchema>;

export interface TwitterState {
  /** Newest tweet id stored by the last complete run; the server only returns newer tweets. */
  sinceId: string | null;
  /** Newest id seen by the run in progress: the next sinceId once the run completes. */
  top: string | null;
  /** next_token of the run in progress' next (older) page; null between runs. */
  nextToken: string | null;
  pages: number;
}

/** A since_id X would refuse: the source has not run for a week. */
const staleSince = (sinceId: string | null, now: number): boolean =>
  sinceId !== null && tweetIdTime(sinceId) < now - SINCE_ID_MAX_AGE;

function requestUrl(config: TwitterConfig, state: TwitterState, now: number): string {
  const params = new URLSearchParams({
    query: config.query,
    max_results: String(MAX_RESULTS),
    'tweet.fields': TWEET_FIELDS,
    expansions: EXPANSIONS,
    'user.fields': USER_FIELDS,
  });
  if (state.sinceId && !staleSince(state.sinceId, now)) params.set('since_id', state.sinceId);
  if (state.nextToken) params.set('next_token', state.nextToken);
  return `${config.baseUrl.replace(/\/+$/, '')}/2/tweets/search/recent?${params.toString()}`;
}

export const twitterSource: HttpSourceAdapter<TwitterConfig, TwitterState> = {
  type: 'twitter',
  configSchema: twitterConfigSchema,
  secret: { required: true, label: 'a bearer token' },
  initialState: () => ({ sinceId: null, top: null, nextToken: null, pages: 0 }),

  request(config, state, ctx): HttpRequest {
    if (!ctx.secret) throw new SyncError('auth', 'X search needs a bearer token: set tokenEnv or tokenFile.');
    return {
      url: requestUrl(config, state, ctx.now),
      headers: { authorization: `Bearer ${ctx.secret}` },
    };
  },

  parsePage(res, config, state, ctx) {
    const page = parseTwitterBody(parseJsonBody(res));
    if (!page) {
      throw new SyncError('bad_response', `${new URL(res.url).host} sent JSON that is not an X search page.`);
    }
    const sinceId = isTweetId(state.sinceId) ? state.sinceId : null;
    let top = isTweetId(state.top) ? state.top : null;
    if (page.newestId && (top === null || tweetIdAbove(page.newestId, top))) top = page.newestId;
    // A server that ignored since_id lists tweets we already have: the run ends there.
    const reached = sinceId !== null && page.ids.some((id) => !tweetIdAbove(id, sinceId));
    const pages = state.pages + 1;
    const bounded = sinceId === null || staleSince(sinceId, ctx.now);
    const backfillDone = bounded && pages >= (config.backfillPages ?? DEFAULT_BACKFILL_PAGES);
    const next = page.nextToken;
    // A token that does not move would replay the same page forever.
    const more = next !== null && next !== state.nextToken && !reached && !backfillDone;
    const newest = top !== null && (sinceId === null || tweetIdAbove(top, sinceId)) ? top : sinceId;
    const nextState: TwitterState = more
      ? { sinceId, top, nextToken: next, pages }
      : { sinceId: newest, top: null, nextToken: null, pages: 0 };
    const { mentions, shares, quarantined } = page;
    return { mentions, shares, quarantined, state: nextState, more };
  },
};
