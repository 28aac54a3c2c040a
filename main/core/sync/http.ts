// HTTP for sources: timeouts, rate-limit headers, and errors sorted into what the scheduler does next.
import { parseRetryAfter, readRateLimit, type RateLimit } from './rate-limit';
import { decodeBody } from './http-charset';

export interface HttpRequest {
  url: string;
  headers?: Record<string, string>;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: string;
  url: string;
  rateLimit: RateLimit | null;
}

/** What went wrong, in the terms the scheduler acts on. */
export type SyncErrorKind =
  | 'offline' // network unreachable, DNS, reset, timeout: retry quietly, show "offline"
  | 'rate_limited' // 429 or quota: wait until the reset
  | 'server' // 5xx: back off
  | 'bad_response' // truncated or non-JSON body, HTML error page: back off, nothing stored
  | 'auth' // 401/403: stop this source until the user fixes its credentials
  | 'config'; // 404, 400: the source's settings are wrong: stop

export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly retryAt: number | null = null,
    readonly status: number | null = null,
    /** The error body, for adapters that read platform error codes (never shown or logged whole). */
    readonly body: string | null = null,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export interface HttpOptions {
  timeoutMs?: number;
  now?: () => number;
  userAgent?: string;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

function networkCode(err: unknown): string | null {
  let e: unknown = err;
  for (let depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

export class HttpClient {
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private readonly userAgent: string;

  constructor(opts: HttpOptions = {}) {
    this.timeoutMs = opts.timeoutMs ?? 20_000;
    this.now = opts.now ?? Date.now;
    this.userAgent = opts.userAgent ?? 'Vigie/0.1 (crisis cell cockpit)';
  }

  /** GET; the whole body within the timeout, or a SyncError. Non-2xx statuses become SyncErrors. */
  async get(req: HttpRequest): Promise<HttpResponse> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    let res: Response;
    let body: string;
    try {
      res = await fetch(req.url, {
        headers: { 'user-agent': this.userAgent, accept: 'application/json', ...req.headers },
        signal: controller.signal,
        redirect: 'follow',
      });
      body = decodeBody(Buffer.from(await res.arrayBuffer()), res.headers.get('content-type'));
    } catch (err) {
      if (controller.signal.aborted) {
        throw new SyncError(
          'offline',
          `No answer from ${hostOf(req.url)} within ${this.timeoutMs / 1000} s.`,
        );
      }
      const code = networkCode(err);
      throw new SyncError('offline', `Cannot reach ${hostOf(req.url)}${code ? ` (${code})` : ''}.`);
    } finally {
      clearTimeout(timer);
    }
    const now = this.now();
    const rateLimit = readRateLimit(res.headers, now);
    const response: HttpResponse = {
      status: res.status,
      headers: res.headers,
      body,
      url: req.url,
      rateLimit,
    };
    // 304 Not Modified answers a conditional GET (ETag / Last-Modified): nothing new, not an error.
    if ((res.status >= 200 && res.status < 300) || res.status === 304) return response;
    const retryAfter = parseRetryAfter(res.headers.get('retry-after'), now);
    const host = hostOf(req.url);
    if (res.status === 401 || res.status === 403) {
      throw new SyncError(
        'auth',
        `${host} refused the credentials (HTTP ${res.status}): check the token or API key of this source.`,
        null,
        res.status,
        body,
      );
    }
    if (res.status === 429) {
      const at = retryAfter ?? rateLimit?.resetAt ?? now + 60_000;
      throw new SyncError(
        'rate_limited',
        `${host} rate limit reached; resuming at ${new Date(at).toISOString()}.`,
        at,
        429,
        body,
      );
    }
    if (res.status >= 500) {
      throw new SyncError('server', `${host} answered HTTP ${res.status}.`, retryAfter, res.status, body);
    }
    throw new SyncError(
      'config',
      `${host} answered HTTP ${res.status} for ${pathOf(req.url)}: check this source's settings.`,
      null,
      res.status,
      body,
    );
  }
}

/** Parses a JSON body; an HTML page or a cut-off body is a bad response, not a crash. */
export function parseJsonBody(res: HttpResponse): unknown {
  try {
    return JSON.parse(res.body);
  } catch {
    const type = res.headers.get('content-type') ?? 'unknown type';
    const what =
      /html/i.test(type) || /^\s*</.test(res.body) ? 'an HTML page' : `an unreadable body (${type})`;
    throw new SyncError('bad_response', `${hostOf(res.url)} sent ${what} instead of JSON.`);
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
