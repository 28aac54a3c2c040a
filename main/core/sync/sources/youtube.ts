// YouTube source: the comment threads of one video, or of all a channel's videos, newest first down to
// the last run's newest comment. The API key must travel as the `key` query parameter: it never appears
// in a message (http.ts names host and path only, the messages here name neither) nor in the state.
import { z } from 'zod';
import { parseYouTubeBody, type CommentMark } from '../formats/youtube';
import { SyncError, parseJsonBody, type HttpRequest } from '../http';
import type { HttpSourceAdapter } from '../source-adapter';

const MAX_RESULTS = 100;
/** Each page costs a unit of the daily quota (10,000 by default): the first run reads recent ones. */
const DEFAULT_BACKFILL_PAGES = 5;
/** Comments held for review appear later with their original time: read a little below the mark. */
const LATE_WINDOW_MS = 2 * 60_000;

export const youtubeConfigSchema = z
  .object({
    baseUrl: z.url({ protocol: /^https?$/ }).default('https://www.googleapis.com'),
    videoId: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{11}$/, 'an 11-character video id')
      .optional(),
    channelId: z
      .string()
      .trim()
      .regex(/^UC[A-Za-z0-9_-]{22}$/, 'a channel id (UC…, 24 characters)')
      .optional(),
    backfillPages: z.number().int().min(1).max(100).optional(),
    tokenEnv: z.string().min(1).optional(),
    tokenFile: z.string().min(1).optional(),
    secretRef: z.string().min(1).optional(),
  })
  .refine((c) => (c.videoId === undefined) !== (c.channelId === undefined), {
    message: 'set exactly one of videoId or channelId',
  });

export type YouTubeConfig = z.infer<typeof youtubeConfigSchema>;

export interface YouTubeState {
  /** Newest top-level comment stored by the last complete run. */
  mark: CommentMark | null;
  /** Newest comment seen by the run in progress: the next mark once it completes. */
  top: CommentMark | null;
  /** nextPageToken of the run in progress; null between runs. */
  pageToken: string | null;
  pages: number;
}

const newer = (a: CommentMark, b: CommentMark | null): boolean =>
  b === null || a.at > b.at || (a.at === b.at && a.id > b.id);

function requestUrl(config: YouTubeConfig, state: YouTubeState, key: string): string {
  const params = new URLSearchParams({ part: 'snippet' });
  if (config.videoId) params.set('videoId', config.videoId);
  else params.set('allThreadsRelatedToChannelId', config.channelId ?? '');
  params.set('maxResults', String(MAX_RESULTS));
  params.set('order', 'time');
  params.set('textFormat', 'plainText');
  if (state.pageToken) params.set('pageToken', state.pageToken);
  params.set('key', key);
  return `${config.baseUrl.replace(/\/+$/, '')}/youtube/v3/commentThreads?${params.toString()}`;
}

/** UTC offset of Pacific time at `t`, in minutes (e.g. -480), via the runtime's time zone data. */
function pacificOffset(t: number): number | null {
  const name = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/Los_Angeles',
    timeZoneName: 'longOffset',
  })
    .formatToParts(new Date(t))
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name ?? '');
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : null;
}

/** The daily quota resets at midnight Pacific time; 08:00 UTC when time zone data is missing. */
export function nextQuotaReset(now: number): number {
  try {
    const offset = pacificOffset(now);
    if (offset !== null) {
      const local = new Date(now + offset * 60_000);
      const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1);
      // The offset at midnight itself differs on the days daylight saving time starts or ends.
      return midnight - (pacificOffset(midnight - offset * 60_000) ?? offset) * 60_000;
    }
  } catch {
    // Fall through to the approximation.
  }
  const at = new Date(now);
  const eight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), 8);
  return eight > now ? eight : eight + 24 * 3600_000;
}

/** The `reason` codes of a Google API error body ({error: {errors: [{reason}], details: [{reason}]}}). */
export function googleErrorReasons(body: string | null): Set<string> {
  const reasons = new Set<string>();
  if (!body) return reasons;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return reasons;
  }
  const error = typeof json === 'object' && json !== null ? (json as { error?: unknown }).error : null;
  if (typeof error !== 'object' || error === null) return reasons;
  for (const key of ['errors', 'details']) {
    const list = (error as Record<string, unknown>)[key];
    if (!Array.isArray(list)) continue;
    for (const e of list) {
      const reason = typeof e === 'object' && e !== null ? (e as { reason?: unknown }).reason : null;
      if (typeof reason === 'string') reasons.add(reason);
    }
  }
  return reasons;
}

const has = (reasons: Set<string>, ...names: string[]) => names.some((n) => reasons.has(n));

export const youtubeSource: HttpSourceAdapter<YouTubeConfig, YouTubeState> = {
  type: 'youtube',
  configSchema: youtubeConfigSchema,
  secret: { required: true, label: 'an API key' },
  initialState: () => ({ mark: null, top: null, pageToken: null, pages: 0 }),

  request(config, state, ctx): HttpRequest {
    if (!ctx.secret) throw new SyncError('auth', 'YouTube needs an API key: set tokenEnv or tokenFile.');
    return { url: requestUrl(config, state, ctx.secret) };
  },

  parsePage(res, config, state) {
    const page = parseYouTubeBody(parseJsonBody(res));
    if (!page) {
      throw new SyncError(
        'bad_response',
        `${new URL(res.url).host} sent JSON that is not a YouTube comment list.`,
      );
    }
    let top = state.top;
    for (const m of page.marks) if (newer(m, top)) top = m;
    const mark = state.mark;
    const oldest = page.marks[page.marks.length - 1];
    const reached = mark !== null && oldest !== undefined && oldest.at < mark.at - LATE_WINDOW_MS;
    const pages = state.pages + 1;
    const backfillDone = mark === null && pages >= (config.backfillPages ?? DEFAULT_BACKFILL_PAGES);
    const token = page.itemCount > 0 ? page.nextPageToken : null;
    const more = token !== null && token !== state.pageToken && !reached && !backfillDone;
    const nextState: YouTubeState = more
      ? { mark, top, pageToken: token, pages }
      : { mark: top && newer(top, mark) ? top : mark, top: null, pageToken: null, pages: 0 };
    const { mentions, shares, quarantined } = page;
    return { mentions, shares, quarantined, state: nextState, more };
  },

  // Google answers quota and per-video problems with 403/400 and says which in the body.
  classifyError(err, ctx) {
    const reasons = googleErrorReasons(err.body);
    if (reasons.size === 0) return null;
    const keep = (kind: SyncError['kind'], message: string, retryAt: number | null = null) =>
      new SyncError(kind, message, retryAt, err.status, err.body);
    if (has(reasons, 'quotaExceeded', 'dailyLimitExceeded')) {
      const at = nextQuotaReset(ctx.now);
      return keep(
        'rate_limited',
        `YouTube API daily quota used up; resuming at ${new Date(at).toISOString()}.`,
        at,
      );
    }
    if (has(reasons, 'rateLimitExceeded', 'userRateLimitExceeded', 'RATE_LIMIT_EXCEEDED')) {
      const at = err.retryAt ?? ctx.now + 60_000;
      return keep(
        'rate_limited',
        `YouTube API rate limit reached; resuming at ${new Date(at).toISOString()}.`,
        at,
      );
    }
    if (has(reasons, 'commentsDisabled'))
      return keep('config', 'Comments are disabled on this YouTube video.');
    if (has(reasons, 'videoNotFound', 'channelNotFound')) {
      return keep('config', 'YouTube does not know this video or channel: check its id.');
    }
    if (has(reasons, 'keyInvalid', 'keyExpired', 'API_KEY_INVALID', 'API_KEY_EXPIRED')) {
      return keep('auth', 'YouTube refused the API key of this source (invalid or expired).');
    }
    if (has(reasons, 'accessNotConfigured', 'SERVICE_DISABLED')) {
      return keep('auth', "The YouTube Data API is not enabled for this API key's project.");
    }
    return null;
  },
};
