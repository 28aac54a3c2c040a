import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startCore, type CoreHost } from '../../main/core/host';
import { startWebServer, type WebServer } from '../../main/server';
import { resolveStatic } from '../../main/server/static-files';
import { DIST, RESOURCES, WORKER_FILE, tempDir } from '../helpers/tmp';
import path from 'node:path';

let tmp: ReturnType<typeof tempDir>;
let core: CoreHost;
let server: WebServer | null = null;

beforeEach(async () => {
  tmp = tempDir();
  core = await startCore({
    dbPath: tmp.file('v.db'),
    workerFile: WORKER_FILE,
    resourcesDir: RESOURCES,
    tickMs: 0,
  });
});
afterEach(async () => {
  await server?.close();
  server = null;
  await core.close();
  tmp.cleanup();
});

const staticDir = path.join(DIST, 'renderer');
const port = (s: WebServer) => new URL(s.url).port;

/** Opens a WebSocket and resolves with 'open' or the HTTP status of the refusal. */
function tryWebSocket(url: string, headers: Record<string, string> = {}): Promise<'open' | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(-1));
  });
}

function rawGet(p: string, requestPath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(p), '127.0.0.1', () => {
      socket.write(`GET ${requestPath} HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\nConnection: close\r\n\r\n`);
    });
    let data = '';
    socket.on('data', (d) => (data += d.toString()));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

describe('web mode on loopback', () => {
  it('serves the app with a strict CSP and answers the contract over WebSocket', async () => {
    server = await startWebServer({ core, staticDir });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.token).toBeNull();
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');

    const ws = new WebSocket(`ws://127.0.0.1:${port(server)}/ws`, {
      headers: { origin: `http://127.0.0.1:${port(server)}` },
    });
    await new Promise((r) => ws.on('open', r));
    const replies: unknown[] = [];
    ws.on('message', (d) => replies.push(JSON.parse(d.toString())));
    ws.send('not json');
    ws.send(JSON.stringify({ id: 1, call: 'nope.nope', params: {} }));
    ws.send(JSON.stringify({ id: 2, call: 'mentions.list', params: { limit: 'many' } }));
    ws.send(JSON.stringify({ id: 3, call: 'mentions.list', params: { limit: 3 } }));
    await expect.poll(() => replies.length).toBe(4);
    expect(replies).toEqual(
      expect.arrayContaining([
        { id: null, ok: false, error: { code: 'bad_request', message: 'The message is not JSON.' } },
        { id: 1, ok: false, error: { code: 'unknown_call', message: 'Unknown call: nope.nope' } },
        expect.objectContaining({
          id: 2,
          ok: false,
          error: expect.objectContaining({ code: 'bad_request' }),
        }),
        { id: 3, ok: true, value: { items: [] } },
      ]),
    );
    ws.close();
  });

  it('refuses a WebSocket opened from a foreign origin (cross-site WebSocket hijacking)', async () => {
    server = await startWebServer({ core, staticDir });
    const url = `ws://127.0.0.1:${port(server)}/ws`;
    expect(await tryWebSocket(url, { origin: 'https://evil.example' })).toBe(403);
    expect(await tryWebSocket(url, { origin: 'null' })).toBe(403);
    expect(await tryWebSocket(url, { origin: `http://127.0.0.1:${port(server)}` })).toBe('open');
  });

  it('never serves files outside the app folder', async () => {
    server = await startWebServer({ core, staticDir });
    for (const p of [
      '/../package.json',
      '/..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%5c..%5cpackage.json',
    ]) {
      const reply = await rawGet(port(server), p);
      expect(reply).not.toContain('"name": "vigie"');
      expect(reply).not.toContain('root:x:0');
    }
    expect(resolveStatic('/srv/app', '/../etc/passwd')).toBeNull();
    expect(resolveStatic('/srv/app', '/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveStatic('/srv/app', '/a%00b')).toBeNull();
    expect(resolveStatic('/srv/app', '/assets/x.js')).toBe('/srv/app/assets/x.js');
  });
});

describe('web mode on another address', () => {
  it('refuses every request that does not carry the token', async () => {
    server = await startWebServer({ core, staticDir, host: '0.0.0.0' });
    expect(server.token).toMatch(/^[\w-]{20,}$/);
    expect(server.openUrl).toContain(`token=${server.token}`);
    const base = `http://127.0.0.1:${port(server)}/`;
    expect((await fetch(base)).status).toBe(401);
    expect((await fetch(`${base}?token=wrong`)).status).toBe(401);
    expect(await tryWebSocket(`ws://127.0.0.1:${port(server)}/ws`)).toBe(403);

    const ok = await fetch(`${base}?token=${server.token}`);
    expect(ok.status).toBe(200);
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect((await fetch(base, { headers: { cookie: cookie.split(';')[0]! } })).status).toBe(200);
    expect(await tryWebSocket(`ws://127.0.0.1:${port(server)}/ws?token=${server.token}`)).toBe('open');
  });

  it('uses the token given with --token', async () => {
    server = await startWebServer({ core, staticDir, host: '0.0.0.0', token: 'a-token-chosen-by-the-user' });
    expect(server.token).toBe('a-token-chosen-by-the-user');
    expect((await fetch(`http://127.0.0.1:${port(server)}/`)).status).toBe(401);
    expect(
      (
        await fetch(`http://127.0.0.1:${port(server)}/`, {
          headers: { authorization: 'Bearer a-token-chosen-by-the-user' },
        })
      ).status,
    ).toBe(200);
  });
});
