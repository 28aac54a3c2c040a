// Mastodon source: a hashtag timeline, a status search or the account's mention notifications, read
// from the newest down to the last run's since_id.
import { z } from 'zod';
import { mastodonItems, parseMastodonItems } from '../formats/mastodon';
import { SyncError, parseJsonBody, type HttpRequest } from '../http';
import type { HttpSourceAdapter } from '../source-adapter';

/** The API's maximum page size for these endpoints. */
const LIMIT = 40;
/** Pages read by a source's very first run: recent history, not the whole tag since 2017. */
const DEFAULT_BACKFILL_PAGES = 5;

/** One Mastodon tag (its timeline URL takes exactly one). */
const HASHTAG = /^#?[\p{L}\p{N}_]+$/u;

export const mastodonConfigSchema = z
  .object({
    baseUrl: z.url({ protocol: /^https?$/ }),
    // One tag, as Mastodon writes them: letters, digits and _ (an optional leading #).
    hashtag: z
      .string()
      .trim()
      .regex(HASHTAG, 'one hashtag: letters, digits and _, no spaces (e.g. PanneOndaline)')
      .max(200)
      .optional(),
    search: z.string().trim().min(1).max(500).optional(),
    notifications: z.literal(true).optional(),
    backfillPages: z.number().int().min(1).max(100).optional(),
    tokenEnv: z.string().min(1).optional(),
    tokenFile: z.string().min(1).optional(),
    secretRef: z.string().min(1).optional(),
  })
  .refine((c) => [c.hashtag, c.search, c.notifications].filter((v) => v !== undefined).length === 1, {
    message: 'set exactly one of hashtag, search or notifications',
  });

export type MastodonConfig = z.infer<typeof mastodonConfigSchema>;

export interface MastodonState {
  /** Newest id stored by the last complete run; the server only returns newer items. */
  sinceId: string | null;
  /** Newest id seen by the run in progress: the next sinceId once the run completes. */
  top: string | null;
  /** Where the run in progress continues (the next older page); null between runs. */
  maxId: string | null;
  /** Pages read by the run in progress (bounds the first run). */
  pages: number;
}

type Mode = 'hashtag' | 'search' | 'notifications';
const modeOf = (c: MastodonConfig): Mode => (c.hashtag ? 'hashtag' : c.search ? 'search' : 'notifications');

function requestUrl(config: MastodonConfig, state: MastodonState): string {
  const base = config.baseUrl.replace(/\/+$/, '');
  const mode = modeOf(config);
  const params = new URLSearchParams();
  let path: string;
  if (mode === 'hashtag') {
    path = `/api/v1/timelines/tag/${encodeURIComponent((config.hashtag ?? '').replace(/^#/, ''))}`;
  } else if (mode === 'search') {
    path = '/api/v2/search';
    params.set('q', config.search ?? '');
    params.set('type', 'statuses');
  } else {
    path = '/api/v1/notifications';
    params.append('types[]', 'mention');
  }
  params.set('limit', String(LIMIT));
  // v2 search has no since_id; its min_id is a lower bound on the same id-ordered results.
  if (state.sinceId) params.set(mode === 'search' ? 'min_id' : 'since_id', state.sinceId);
  if (state.maxId) params.set('max_id', state.maxId);
  return `${base}${path}?${params.toString()}`;
}

/**
 * The `max_id` of the Link header's rel="next" URL (and `min_id` of rel="prev"). Only the id is used:
 * following the URL itself could send the token to whatever host the header names.
 */
export function linkParam(header: string | null, rel: 'next' | 'prev', param: string): string | null {
  if (!header) return null;
  for (const m of header.matchAll(/<([^>]*)>([^<]*)/g)) {
    const rels = /\brel\s*=\s*"?([^";,]*)/i.exec(m[2] ?? '')?.[1]?.split(/\s+/) ?? [];
    if (!rels.includes(rel)) continue;
    try {
      return new URL(m[1] ?? '', 'http://link.invalid').searchParams.get(param) || null;
    } catch {
      return null;
    }
  }
  return null;
}

/** Search answers `{statuses: […]}`; timelines and notifications a bare array. */
function pageItems(body: unknown, mode: Mode): unknown[] | null {
  if (mode === 'search') return Array.isArray(body) ? null : mastodonItems(body);
  return Array.isArray(body) ? body : null;
}

const idOf = (item: unknown): string | null =>
  typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string'
    ? (item as { id: string }).id || null
    : null;

export const mastodonSource: HttpSourceAdapter<MastodonConfig, MastodonState> = {
  type: 'mastodon',
  configSchema: mastodonConfigSchema,
  // Hashtag timelines are public; search needs a token on most instances (the server says so with a
  // 401), notifications always do (checked in request()).
  secret: { required: false, label: 'an access token' },
  initialState: () => ({ sinceId: null, top: null, maxId: null, pages: 0 }),

  request(config, state, ctx): HttpRequest {
    if (modeOf(config) === 'notifications' && !ctx.secret) {
      throw new SyncError('auth', 'Mastodon notifications need an access token: set tokenEnv or tokenFile.');
    }
    return {
      url: requestUrl(config, state),
      headers: ctx.secret ? { authorization: `Bearer ${ctx.secret}` } : {},
    };
  },

  parsePage(res, config, state) {
    const mode = modeOf(config);
    const items = pageItems(parseJsonBody(res), mode);
    if (!items) {
      throw new SyncError(
        'bad_response',
        `${new URL(res.url).host} sent JSON that is not a Mastodon ${mode} page.`,
      );
    }
    const result = parseMastodonItems(items);
    // Paging ids are those of the listed records (notification ids for notifications), never compared
    // here: they are not always numeric (Pleroma/Akkoma flake ids); the server does the ordering.
    const ids = items.map(idOf).filter((id): id is string => id !== null);
    const link = res.headers.get('link');
    const top = state.top ?? linkParam(link, 'prev', 'min_id') ?? ids[0] ?? null;
    const next = ids.length > 0 ? (linkParam(link, 'next', 'max_id') ?? ids[ids.length - 1] ?? null) : null;
    const pages = state.pages + 1;
    const reachedSince = state.sinceId !== null && ids.includes(state.sinceId); // server ignored since_id
    const backfillDone = state.sinceId === null && pages >= (config.backfillPages ?? DEFAULT_BACKFILL_PAGES);
    const more = next !== null && next !== state.maxId && !reachedSince && !backfillDone;
    const nextState: MastodonState = more
      ? { sinceId: state.sinceId, top, maxId: next, pages }
      : { sinceId: top ?? state.sinceId, top: null, maxId: null, pages: 0 };
    return { ...result, state: nextState, more };
  },
};
