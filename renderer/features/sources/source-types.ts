// The Sources form as data: one entry per source type, mirroring the `configSchema` of its adapter in
// main/core/sync/sources/<type>.ts. Adding a type is one entry here plus its labels in i18n
// (`sources.types.<type>`, and `sources.modes.<type>.<mode>` when it has modes). The server still
// validates everything (`bad_config`); these checks only catch mistakes before the round trip.
import type { Platform } from '../../../shared/model';

export type FieldKind = 'text' | 'url' | 'integer';

export interface FieldSpec {
  /** Key in the source's config. */
  key: string;
  kind: FieldKind;
  required?: boolean;
  /** i18n key of the label; `sources.fields.<key>` when absent. */
  label?: string;
  /** i18n key of a hint under the field. */
  hint?: string;
  /** An example value (not translated: handles, URLs, ids). */
  placeholder?: string;
  /** Client-side check of a text value (trimmed), with the i18n key of its error. */
  pattern?: RegExp;
  patternError?: string;
  min?: number;
  max?: number;
  maxLength?: number;
}

/** One way of following something ("a hashtag", "a search"); exactly one mode is active. */
export interface ModeSpec {
  id: string;
  fields: FieldSpec[];
  /** Config values the mode sets by itself (Mastodon notifications: `{notifications: true}`). */
  fixed?: Record<string, unknown>;
}

export interface SourceTypeSpec {
  type: string;
  /** Colour of its badge. */
  platform: Platform;
  /** What to follow; absent when the type has one way only (its fields are then in `fields`). */
  modes?: ModeSpec[];
  /** Settings shared by every mode (server address…), shown after the mode's fields. */
  fields: FieldSpec[];
  /** Whether the platform needs a token or API key. */
  secret: 'required' | 'optional';
  /** Accepts `backfillPages` (pages read by the first run). */
  backfill: boolean;
}

const HTTP_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

const baseUrl = (placeholder: string, required = false): FieldSpec => ({
  key: 'baseUrl',
  kind: 'url',
  required,
  placeholder,
  hint: required ? undefined : 'sources.hints.baseUrlDefault',
});

export const SOURCE_TYPES: readonly SourceTypeSpec[] = [
  {
    type: 'mastodon',
    platform: 'mastodon',
    modes: [
      {
        id: 'hashtag',
        fields: [
          {
            key: 'hashtag',
            kind: 'text',
            required: true,
            placeholder: 'ondaline',
            maxLength: 200,
            pattern: /^#?[\p{L}\p{N}_]+$/u,
            patternError: 'sources.errors.hashtag',
          },
        ],
      },
      {
        id: 'search',
        fields: [
          { key: 'search', kind: 'text', required: true, placeholder: 'panne ondaline', maxLength: 500 },
        ],
      },
      { id: 'notifications', fields: [], fixed: { notifications: true } },
    ],
    fields: [baseUrl('https://mastodon.social', true)],
    secret: 'optional',
    backfill: true,
  },
  {
    type: 'bluesky',
    platform: 'bluesky',
    modes: [
      {
        id: 'query',
        fields: [{ key: 'query', kind: 'text', required: true, placeholder: 'ondaline', maxLength: 500 }],
      },
      {
        id: 'actor',
        fields: [
          {
            key: 'actor',
            kind: 'text',
            required: true,
            placeholder: 'ondaline.bsky.social',
            pattern: /^@?([A-Za-z0-9.-]{1,253}|did:[a-z]+:[A-Za-z0-9._:%-]{1,2048})$/,
            patternError: 'sources.errors.actor',
          },
        ],
      },
    ],
    fields: [baseUrl('https://public.api.bsky.app')],
    secret: 'optional',
    backfill: true,
  },
  {
    type: 'twitter',
    platform: 'x',
    fields: [
      {
        key: 'query',
        kind: 'text',
        required: true,
        placeholder: 'ondaline -is:retweet lang:fr',
        hint: 'sources.hints.twitterQuery',
        maxLength: 4096,
      },
      baseUrl('https://api.x.com'),
    ],
    secret: 'required',
    backfill: true,
  },
  {
    type: 'reddit',
    platform: 'reddit',
    modes: [
      {
        id: 'search',
        fields: [
          { key: 'search', kind: 'text', required: true, placeholder: 'ondaline', maxLength: 512 },
          {
            key: 'subreddit',
            kind: 'text',
            label: 'sources.fields.subredditOptional',
            placeholder: 'france',
            pattern: /^(?:\/?r\/)?[A-Za-z0-9_]{2,21}(?:\+[A-Za-z0-9_]{2,21})*\/?$/,
            patternError: 'sources.errors.subreddit',
          },
        ],
      },
      {
        id: 'posts',
        fields: [
          {
            key: 'subreddit',
            kind: 'text',
            required: true,
            placeholder: 'france',
            pattern: /^(?:\/?r\/)?[A-Za-z0-9_]{2,21}(?:\+[A-Za-z0-9_]{2,21})*\/?$/,
            patternError: 'sources.errors.subreddit',
          },
        ],
      },
      {
        id: 'comments',
        fields: [
          {
            key: 'subreddit',
            kind: 'text',
            required: true,
            placeholder: 'france',
            pattern: /^(?:\/?r\/)?[A-Za-z0-9_]{2,21}\/?$/,
            patternError: 'sources.errors.subreddit',
          },
        ],
        fixed: { comments: true },
      },
    ],
    fields: [baseUrl('https://www.reddit.com')],
    secret: 'optional',
    backfill: true,
  },
  {
    type: 'youtube',
    platform: 'youtube',
    modes: [
      {
        id: 'video',
        fields: [
          {
            key: 'videoId',
            kind: 'text',
            required: true,
            placeholder: 'dQw4w9WgXcQ',
            pattern: /^[A-Za-z0-9_-]{11}$/,
            patternError: 'sources.errors.videoId',
          },
        ],
      },
      {
        id: 'channel',
        fields: [
          {
            key: 'channelId',
            kind: 'text',
            required: true,
            placeholder: 'UCxxxxxxxxxxxxxxxxxxxxxx',
            pattern: /^UC[A-Za-z0-9_-]{22}$/,
            patternError: 'sources.errors.channelId',
          },
        ],
      },
    ],
    fields: [baseUrl('https://www.googleapis.com')],
    secret: 'required',
    backfill: true,
  },
  {
    // RSS, Atom and Google Alerts feeds.
    type: 'feed',
    platform: 'rss',
    fields: [
      {
        key: 'url',
        kind: 'url',
        required: true,
        placeholder: 'https://www.google.com/alerts/feeds/…',
        hint: 'sources.hints.feedUrl',
      },
    ],
    secret: 'optional',
    backfill: false,
  },
];

export function specFor(type: string): SourceTypeSpec | null {
  return SOURCE_TYPES.find((s) => s.type === type) ?? null;
}

/** Every setting every source takes, whatever its type. */
export const INTERVAL_FIELD: FieldSpec = {
  key: 'intervalSeconds',
  kind: 'integer',
  min: 15,
  max: 86_400,
  placeholder: '60',
  hint: 'sources.hints.interval',
};

export const BACKFILL_FIELD: FieldSpec = {
  key: 'backfillPages',
  kind: 'integer',
  min: 1,
  max: 100,
  placeholder: '5',
  hint: 'sources.hints.backfillPages',
};

/** Where the CLI and web mode read the secret from; a token typed in the form replaces both. */
export const POINTER_FIELDS: FieldSpec[] = [
  {
    key: 'tokenEnv',
    kind: 'text',
    placeholder: 'VIGIE_TOKEN',
    pattern: /^\S+$/,
    patternError: 'sources.errors.noSpaces',
  },
  { key: 'tokenFile', kind: 'text', placeholder: '/etc/vigie/token', hint: 'sources.hints.tokenFile' },
];

export const URL_PATTERN = HTTP_URL;
