// A Mastodon instance on 127.0.0.1 serving a growing hashtag timeline the way Mastodon pages it
// (since_id / min_id / max_id, Link header), that can answer any request with a fault instead.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | 'rate429' // 429 with Mastodon's X-RateLimit-* headers (ISO reset)
  | 'http500' // 500 with an HTML body
  | 'http503' // 503 with Retry-After in seconds
  | 'reset' // connection reset before any answer
  | 'slow' // headers and a few bytes, then nothing for longer than the client waits
  | 'dropped' // the connection drops in the middle of the body
  | 'cutJson' // a complete response whose JSON is cut short
  | 'wrongType' // 200 with an image instead of JSON
  | 'html'; // 200 with an HTML maintenance page

export const ALL_FAULTS: Fault[] = [
  'rate429',
  'http500',
  'http503',
  'reset',
  'slow',
  'dropped',
  'cutJson',
  'wrongType',
  'html',
];

export interface Status {
  id: string;
  [key: string]: unknown;
}

let serial = 0;

/** `n` new statuses, newest first, with ids above every earlier one. */
export function newStatuses(n: number, at = Date.UTC(2026, 10, 28, 9)): Status[] {
  const out: Status[] = [];
  for (let i = 0; i < n; i++) {
    const k = ++serial;
    const id = String(113_000_000_000_000_000n + BigInt(k));
    const user = `user${k % 97}`;
    out.unshift({
      id,
      created_at: new Date(at + k * 1000).toISOString(),
      in_reply_to_id: null,
      language: k % 3 ? 'fr' : 'en',
      uri: `https://masto.example/users/${user}/statuses/${id}`,
      url: `https://masto.example/@${user}/${id}`,
      replies_count: k % 4,
      reblogs_count: k % 5,
      favourites_count: k % 7,
      content: `<p>Panne Ondaline n°${k} — toujours rien à Lyon <a href="https://masto.example/tags/ondaline">#ondaline</a></p>`,
      reblog: null,
      account: {
        id: String(1000 + (k % 97)),
        username: user,
        acct: `${user}@masto.example`,
        display_name: `User ${k % 97}`,
        url: `https://masto.example/@${user}`,
        followers_count: (k * 37) % 5000,
      },
    });
  }
  return out;
}

export interface MastodonFaultServer {
  baseUrl: string;
  /** The timeline, newest first. */
  statuses: Status[];
  /** What to answer the next requests with, one entry each (null: a normal page); then normal pages. */
  faults: (Fault | null)[];
  /** Faults actually served, in order, with the request's query. */
  served: { fault: Fault | null; query: string }[];
  pageSize: number;
  /** Delay before each normal answer (stretches a run for crash tests). */
  delayMs: number;
  close(): Promise<void>;
}

export async function startMastodonFaultServer(
  opts: { pageSize?: number; now?: () => number; port?: number; statuses?: Status[] } = {},
) {
  const now = opts.now ?? Date.now;
  const state: Omit<MastodonFaultServer, 'baseUrl' | 'close'> = {
    statuses: opts.statuses ?? [],
    faults: [],
    served: [],
    pageSize: opts.pageSize ?? 20,
    delayMs: 0,
  };
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const fault = state.faults.shift() ?? null;
    state.served.push({ fault, query: url.search });
    if (fault) return answerFault(fault, res, now());
    const page = pageOf(state.statuses, url, state.pageSize, `http://${req.headers.host}${url.pathname}`);
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...page.headers });
      res.end(JSON.stringify(page.body));
    }, state.delayMs);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  }) as MastodonFaultServer;
}

function pageOf(list: Status[], url: URL, pageSize: number, here: string) {
  const q = url.searchParams;
  const maxId = q.get('max_id');
  const sinceId = q.get('since_id') ?? q.get('min_id');
  const start = maxId ? list.findIndex((s) => s.id === maxId) + 1 : 0;
  const sinceAt = sinceId ? list.findIndex((s) => s.id === sinceId) : -1;
  const end = sinceAt >= 0 ? sinceAt : list.length;
  const limit = Math.min(Number(q.get('limit') ?? 20), pageSize);
  const body = list.slice(start, Math.max(start, Math.min(end, start + limit)));
  const headers: Record<string, string> = {
    'x-ratelimit-limit': '300',
    'x-ratelimit-remaining': '250',
    'x-ratelimit-reset': new Date(Date.now() + 300_000).toISOString(),
  };
  if (body.length > 0) {
    headers.link = `<${here}?max_id=${body.at(-1)!.id}>; rel="next", <${here}?min_id=${body[0]!.id}>; rel="prev"`;
  }
  return { body, headers };
}

/** When a 429 from this server says the window resets: five minutes after the server's clock. */
export const RESET_AFTER_MS = 300_000;
export const RETRY_AFTER_S = 120;

function answerFault(fault: Fault, res: http.ServerResponse, now: number): void {
  const json = { 'content-type': 'application/json; charset=utf-8' };
  const body = JSON.stringify(newStatusesShape());
  switch (fault) {
    case 'rate429':
      res.writeHead(429, {
        ...json,
        'x-ratelimit-limit': '300',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': new Date(now + RESET_AFTER_MS).toISOString(),
      });
      return void res.end('{"error":"Too many requests"}');
    case 'http500':
      res.writeHead(500, { 'content-type': 'text/html' });
      return void res.end('<html><body><h1>We are sorry, but something went wrong</h1></body></html>');
    case 'http503':
      res.writeHead(503, { 'content-type': 'text/html', 'retry-after': String(RETRY_AFTER_S) });
      return void res.end('<html><body>Down for maintenance</body></html>');
    case 'reset':
      return void res.socket?.destroy();
    case 'slow':
      res.writeHead(200, { ...json, 'content-length': String(body.length) });
      res.write(body.slice(0, 10));
      return; // the rest never comes; the client's timeout ends it
    case 'dropped':
      res.writeHead(200, { ...json, 'content-length': String(body.length) });
      res.write(body.slice(0, Math.floor(body.length / 2)));
      return void setTimeout(() => res.socket?.destroy(), 10);
    case 'cutJson': {
      const cut = body.slice(0, Math.floor(body.length / 2));
      res.writeHead(200, { ...json, 'content-length': String(Buffer.byteLength(cut)) });
      return void res.end(cut);
    }
    case 'wrongType':
      res.writeHead(200, { 'content-type': 'image/png' });
      return void res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    case 'html':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end(
        '<!DOCTYPE html><html><head><title>Maintenance</title></head><body>Back soon</body></html>',
      );
  }
}

/** A plausible page body to cut or drop (never served whole). */
function newStatusesShape(): unknown[] {
  return Array.from({ length: 5 }, (_, i) => ({
    id: `cut-${i}`,
    content: '<p>…</p>',
    account: { acct: 'x' },
  }));
}
