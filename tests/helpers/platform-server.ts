import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  url: URL;
  headers: http.IncomingHttpHeaders;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings and Buffers as they are. */
  body?: unknown;
  /** Send only this many bytes of the body, then end (truncated response). */
  truncateAt?: number;
  /** Destroy the socket without answering (connection reset). */
  reset?: boolean;
  /** Wait before answering, in ms (slow server / timeout). */
  delayMs?: number;
}

export type Handler = (req: RecordedRequest) => Reply | Promise<Reply>;

/**
 * A real HTTP server on 127.0.0.1 that plays a platform: the test decides each answer.
 * Every request is recorded so tests can check paging parameters and headers.
 */
export async function startPlatformServer(handler: Handler): Promise<{
  baseUrl: string;
  requests: RecordedRequest[];
  setHandler: (h: Handler) => void;
  close: () => Promise<void>;
}> {
  let current = handler;
  const requests: RecordedRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const recorded = { method: req.method ?? 'GET', path: url.pathname, url, headers: req.headers };
    requests.push(recorded);
    const reply = await current(recorded);
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (reply.reset) {
      req.socket.destroy();
      return;
    }
    // Strings and Buffers go as they are (a Buffer carries a legacy charset); objects as JSON.
    const isText = typeof reply.body === 'string' || Buffer.isBuffer(reply.body);
    const body: string | Buffer =
      reply.body === undefined ? '' : isText ? (reply.body as string | Buffer) : JSON.stringify(reply.body);
    const headers = {
      'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
      ...reply.headers,
    };
    if (reply.truncateAt !== undefined) {
      const buf = Buffer.from(body);
      res.writeHead(reply.status ?? 200, { ...headers, 'content-length': String(buf.length) });
      res.write(buf.subarray(0, reply.truncateAt));
      setTimeout(() => res.socket?.destroy(), 10);
      return;
    }
    res.writeHead(reply.status ?? 200, headers);
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    setHandler: (h) => (current = h),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
