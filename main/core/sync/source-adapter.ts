// The contract every HTTP source implements (one file per platform in sources/).
import type { z } from 'zod';
import type { HttpRequest, HttpResponse, SyncError } from './http';
import type { ParseResult } from './types';

export interface AdapterContext {
  now: number;
  /** The source's secret (token, API key), resolved by the engine; never logged or stored in state. */
  secret: string | null;
}

export interface PageOutcome<S> extends ParseResult {
  /** State to persist with this page's mentions, in the same transaction. */
  state: S;
  /** True when another page belongs to this run (older items down to the cursor). */
  more: boolean;
}

/**
 * A platform source. `S` is its own cursor state (JSON-serializable): it says where the next request
 * starts (since_id, next_token, ETag, …). The engine stores it with every page, so a crash resumes
 * exactly and the dedup by id absorbs the overlap.
 */
export interface HttpSourceAdapter<C = unknown, S = unknown> {
  type: string;
  /** Validates the user's settings for this source ({baseUrl, hashtag, …}). */
  configSchema: z.ZodType<C>;
  /** Whether this source needs a secret, and what it is called in messages. */
  secret?: { required: boolean; label: string };
  initialState(config: C): S;
  request(config: C, state: S, ctx: AdapterContext): HttpRequest;
  parsePage(res: HttpResponse, config: C, state: S, ctx: AdapterContext): PageOutcome<S>;
  /**
   * Optional: re-reads an HTTP error with the platform's own error body (e.g. YouTube's 403
   * quotaExceeded is a rate limit, not bad credentials). Return null to keep the error as it is.
   */
  classifyError?(err: SyncError, ctx: AdapterContext): SyncError | null;
}
