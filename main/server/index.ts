// Web mode: the built renderer over HTTP and the contract over WebSocket, on loopback by default.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { isCallName, parseRequest } from '../../shared/contract';
import type { CoreHost } from '../core/host';
import { VigieError, toContractError } from '../core/errors';
import { TOKEN_COOKIE, hostAllowed, isLoopback, newToken, originAllowed, tokenAccepted } from './access';
import { SECURITY_HEADERS, serveStatic } from './static-files';

export interface WebServerOptions {
  core: CoreHost;
  staticDir: string;
  host?: string;
  port?: number;
  /** Required when host is not loopback; generated when absent. */
  token?: string;
}

export interface WebServer {
  url: string;
  /** The URL to open, with the token when one is required. */
  openUrl: string;
  token: string | null;
  close(): Promise<void>;
}

const envelopeSchema = z.object({ id: z.number().int(), call: z.string(), params: z.unknown().optional() });
const MAX_MESSAGE_BYTES = 256 * 1024;

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const host = opts.host ?? '127.0.0.1';
  const token = opts.token ?? (isLoopback(host) ? null : newToken());

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (!hostAllowed(req, token !== null)) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('Vigie: unknown host.');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (!tokenAccepted(token, req, url)) {
      res
        .writeHead(401, { 'content-type': 'text/plain; charset=utf-8' })
        .end('Vigie: a valid token is required.');
      return;
    }
    if (token && url.searchParams.get('token')) {
      res.setHeader(
        'set-cookie',
        `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
      );
    }
    serveStatic(opts.staticDir, url.pathname, res);
  });

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (
      url.pathname !== '/ws' ||
      !hostAllowed(req, token !== null) ||
      !originAllowed(req) ||
      !tokenAccepted(token, req, url)
    ) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    const off = opts.core.onAnyEvent((event, payload) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload }));
    });
    ws.on('close', off);
    // An oversized or malformed frame is reported here; ws closes the socket itself (1009/1002).
    // Without a listener the error would be thrown and take the whole server down.
    ws.on('error', () => ws.terminate());
    ws.on('message', (data) => void handleMessage(ws, opts.core, data.toString()));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${isLoopback(host) ? '127.0.0.1' : shownHost}:${address.port}/`;
  return {
    url,
    openUrl: token ? `${url}?token=${encodeURIComponent(token)}` : url,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handleMessage(ws: WebSocket, core: CoreHost, raw: string): Promise<void> {
  let id: number | null = null;
  try {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new VigieError('bad_request', 'The message is not JSON.');
    }
    const envelope = envelopeSchema.safeParse(json);
    if (!envelope.success) throw new VigieError('bad_request', 'Expected {id, call, params}.');
    id = envelope.data.id;
    const { call, params } = envelope.data;
    if (!isCallName(call)) throw new VigieError('unknown_call', `Unknown call: ${call.slice(0, 80)}`);
    const value = await core.callRaw(call, parseRequest(call, params));
    ws.send(JSON.stringify({ id, ok: true, value }));
  } catch (err) {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id, ok: false, error: toContractError(err) }));
  }
}
