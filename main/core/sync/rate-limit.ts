// Reads each platform's rate-limit headers into one shape.

export interface RateLimit {
  limit: number | null;
  remaining: number | null;
  /** When the window resets, ms UTC. */
  resetAt: number | null;
}

/**
 * Platforms' windows last minutes (15 at most on X): a header that asks for more than a day is
 * wrong, and obeying it would silence the source for good. Such waits are cut to a day.
 */
export const MAX_WAIT_MS = 24 * 3600_000;

/** A time to resume at, no later than a day from now (a number too big to hold too); null when unreadable. */
function boundedWait(at: number, now: number): number | null {
  return Number.isNaN(at) ? null : Math.min(at, now + MAX_WAIT_MS);
}

/**
 * A reset value in any of the forms platforms use: an ISO date (Mastodon), epoch seconds (Bluesky,
 * X) or seconds from now (Reddit).
 */
export function parseReset(value: string | null, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const n = Number(trimmed);
    return boundedWait(n > 1e9 ? Math.round(n * 1000) : now + Math.round(n * 1000), now);
  }
  return boundedWait(Date.parse(trimmed), now);
}

const num = (v: string | null) =>
  v === null || v.trim() === '' || !Number.isFinite(Number(v)) ? null : Number(v);

export function readRateLimit(headers: Headers, now: number): RateLimit | null {
  for (const prefix of ['x-ratelimit-', 'ratelimit-', 'x-rate-limit-']) {
    const remaining = num(headers.get(`${prefix}remaining`));
    if (remaining === null) continue;
    return {
      limit: num(headers.get(`${prefix}limit`)),
      remaining: Math.floor(remaining),
      resetAt: parseReset(headers.get(`${prefix}reset`), now),
    };
  }
  return null;
}

/** Retry-After: delay seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return boundedWait(now + Number(value.trim()) * 1000, now);
  return boundedWait(Date.parse(value), now);
}
