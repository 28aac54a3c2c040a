// Web mode hardening, against the real server and a real core: loopback by default, Host and Origin
// checks (DNS rebinding, cross-site WebSocket hijacking), the token on other binds, no traversal out
// of the static folder, and the security headers on every answer, errors included.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startCore, type CoreHost } from '../../../main/core/host';
import { startWebServer, type WebServer } from '../../../main/server';
import { RESOURCES, WORKER_FILE, tempDir } from '../../helpers/tmp';

const SENTINEL = 'sentinel-outside-the-static-folder-4d1f';

let tmp: ReturnType<typeof tempDir>;
let core: CoreHost;
let staticDir: string;
const servers: WebServer[] = [];

beforeAll(async () => {
  tmp = tempDir();
  // A static folder with a secret file next to it (and one above it) that must never be served.
  staticDir = tmp.file('site/app');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Vigie</title>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(tmp.file('site/secret.txt'), SENTINEL);
  fs.writeFileSync(tmp.file('secret.txt'), SENTINEL);
  core = await startCore({
    dbPath: tmp.file('v.db'),
    workerFile: WORKER_FILE,
    resourcesDir: RESOURCES,
    tickMs: 0,
  });
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await core.close();
  tmp.cleanup();
});

async function serve(opts: { host?: string; token?: string } = {}): Promise<WebServer> {
  const s = await startWebServer({ core, staticDir, ...opts });
  servers.push(s);
  return s;
}

/** A raw HTTP/1.1 request, so the path and headers reach the server exactly as written. */
function raw(port: number, requestLine: string, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      const head = { Host: `127.0.0.1:${port}`, Connection: 'close', ...headers };
      const lines = Object.entries(head).map(([k, v]) => `${k}: ${v}`);
      socket.write(`${requestLine}\r\n${lines.join('\r\n')}\r\n\r\n`);
    });
    let data = '';
    socket.on('data', (d) => (data += d.toString('latin1')));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

const statusOf = (reply: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1]);
const portOf = (s: WebServer) => Number(new URL(s.url).port);

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

describe('binding', () => {
  it('listens on loopback only unless told otherwise, and needs no token there', async () => {
    const s = await serve();
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(s.token).toBeNull();
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) {
      // Reachable on 127.0.0.1, refused on the machine's network address.
      const reached = await new Promise<string>((resolve) => {
        const socket = net.connect(portOf(s), external.address);
        socket.on('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      });
      expect(reached).toBe('ECONNREFUSED');
    }
  });

  it('generates a long random token for any other bind, different each time', async () => {
    const a = await serve({ host: '0.0.0.0' });
    const b = await serve({ host: '0.0.0.0' });
    expect(a.token).toMatch(/^[\w-]{32}$/);
    expect(a.token).not.toBe(b.token);
  });
});

describe('Host and Origin checks', () => {
  it('refuses a rebound host name on loopback (DNS rebinding), on HTTP and WebSocket', async () => {
    const s = await serve();
    const port = portOf(s);
    expect(statusOf(await raw(port, 'GET / HTTP/1.1', { Host: `attacker.example:${port}` }))).toBe(421);
    expect(statusOf(await raw(port, 'GET / HTTP/1.1', { Host: '' }))).toBe(421);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      expect(statusOf(await raw(port, 'GET / HTTP/1.1', { Host: host })), host).toBe(200);
    }
    const ws = `ws://127.0.0.1:${port}/ws`;
    // The attacker's page: its Origin matches the Host it was loaded from, both the attacker's name.
    expect(
      await tryWebSocket(ws, { host: `attacker.example:${port}`, origin: `http://attacker.example:${port}` }),
    ).toBe(403);
    expect(await tryWebSocket(ws, { host: `localhost:${port}`, origin: `http://localhost:${port}` })).toBe(
      'open',
    );
  });

  it('refuses WebSockets opened by pages of other origins, other local ports included', async () => {
    const s = await serve();
    const port = portOf(s);
    const ws = `ws://127.0.0.1:${port}/ws`;
    for (const origin of [
      `http://127.0.0.1:${port + 1}`,
      `http://localhost:${port + 1}`,
      `https://127.0.0.1:${port}.attacker.example`,
      'http://127.0.0.1',
      'null',
      'file://',
      'chrome-extension://abcdef',
    ]) {
      expect(await tryWebSocket(ws, { origin }), origin).toBe(403);
    }
    expect(await tryWebSocket(ws, { origin: `http://127.0.0.1:${port}` })).toBe('open');
    expect(await tryWebSocket(`ws://127.0.0.1:${port}/other`)).toBe(403);
  });

  it('on another bind, needs the token on HTTP and on WebSocket, whatever the Origin and Host', async () => {
    const s = await serve({ host: '0.0.0.0', token: 'tok-1234567890-abcdefghij' });
    const port = portOf(s);
    const ws = `ws://127.0.0.1:${port}/ws`;
    expect(statusOf(await raw(port, 'GET / HTTP/1.1'))).toBe(401);
    expect(statusOf(await raw(port, 'GET /assets/app.js HTTP/1.1'))).toBe(401);
    expect(statusOf(await raw(port, 'GET /?token=tok-1234567890-abcdefghi HTTP/1.1'))).toBe(401);
    expect(statusOf(await raw(port, 'GET / HTTP/1.1', { Authorization: 'Bearer nope' }))).toBe(401);
    expect(statusOf(await raw(port, 'GET / HTTP/1.1', { Cookie: 'vigie_token=nope' }))).toBe(401);
    expect(await tryWebSocket(ws, { origin: `http://127.0.0.1:${port}` })).toBe(403);
    expect(await tryWebSocket(`${ws}?token=wrong`, { origin: `http://127.0.0.1:${port}` })).toBe(403);
    // Right token, wrong Origin: still a cross-site page.
    expect(
      await tryWebSocket(`${ws}?token=tok-1234567890-abcdefghij`, { origin: 'https://attacker.example' }),
    ).toBe(403);
    expect(
      await tryWebSocket(ws, {
        origin: `http://127.0.0.1:${port}`,
        cookie: 'vigie_token=tok-1234567890-abcdefghij',
      }),
    ).toBe('open');
    // A LAN name is fine once the token is given (the token is the guard there).
    expect(
      statusOf(
        await raw(port, 'GET / HTTP/1.1', {
          Host: `vigie-cell.lan:${port}`,
          Authorization: 'Bearer tok-1234567890-abcdefghij',
        }),
      ),
    ).toBe(200);
  });
});

describe('static files', () => {
  it('never serves anything outside the app folder, however the path is spelled', async () => {
    const s = await serve();
    const port = portOf(s);
    const attempts = [
      '/../secret.txt',
      '/../../secret.txt',
      '/..%2fsecret.txt',
      '/..%2f..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/%252e%252e/secret.txt',
      '/..%5csecret.txt',
      '/assets/..%5c..%5c..%5csecret.txt',
      '/..\\secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      `/${encodeURIComponent(tmp.file('secret.txt'))}`,
      `/${tmp.file('secret.txt')}`,
      `//${tmp.file('secret.txt')}`,
      '/secret.txt%00.js',
      '/index.html%00/../../secret.txt',
      '/%c0%ae%c0%ae/secret.txt',
      '/..%c0%afsecret.txt',
      '/%',
    ];
    for (const p of attempts) {
      const reply = await raw(port, `GET ${p} HTTP/1.1`);
      expect(reply, p).not.toContain(SENTINEL);
      expect([200, 400, 404], p).toContain(statusOf(reply));
    }
    // Request targets that are not a path at all.
    for (const target of [`http://127.0.0.1:${port}/../secret.txt`, '../secret.txt', '*']) {
      expect(await raw(port, `GET ${target} HTTP/1.1`), target).not.toContain(SENTINEL);
    }
  });

  it('sends the security headers on every answer, errors included', async () => {
    const open = await serve();
    const locked = await serve({ host: '0.0.0.0' });
    const answers = [
      await raw(portOf(open), 'GET / HTTP/1.1'),
      await raw(portOf(open), 'GET /assets/app.js HTTP/1.1'),
      await raw(portOf(open), 'GET /assets/missing.js HTTP/1.1'),
      await raw(portOf(open), 'GET /%2e%2e%2fsecret.txt%00 HTTP/1.1'),
      await raw(portOf(open), 'POST / HTTP/1.1', { 'Content-Length': '0' }),
      await raw(portOf(open), 'GET / HTTP/1.1', { Host: 'attacker.example' }),
      await raw(portOf(locked), 'GET / HTTP/1.1'),
    ];
    expect(answers.map(statusOf)).toEqual([200, 200, 404, 400, 405, 421, 401]);
    for (const reply of answers) {
      const head = reply.split('\r\n\r\n')[0]!.toLowerCase();
      expect(head).toMatch(/content-security-policy: default-src 'self'; script-src 'self';/);
      expect(head).not.toMatch(/unsafe-(inline|eval)/);
      expect(head).toContain("frame-ancestors 'none'");
      expect(head).toContain('x-content-type-options: nosniff');
      expect(head).toContain('x-frame-options: deny');
      expect(head).toContain('referrer-policy: no-referrer');
      expect(head).toContain('cross-origin-opener-policy: same-origin');
      expect(head).toContain('cross-origin-resource-policy: same-origin');
      expect(head).toMatch(/permissions-policy: camera=\(\), microphone=\(\)/);
    }
  });

  it('caps WebSocket messages and answers garbage with an error, not a crash', async () => {
    const s = await serve();
    const port = portOf(s);
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
    await new Promise((r) => ws.on('open', r));
    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
    ws.send('x'.repeat(300 * 1024));
    expect(await closed).toBe(1009);
    // The server still answers the next client.
    const next = new WebSocket(`ws://127.0.0.1:${port}/ws`);
    await new Promise((r) => next.on('open', r));
    const reply = new Promise<unknown>((r) => next.on('message', (d) => r(JSON.parse(d.toString()))));
    next.send(JSON.stringify({ id: 7, call: '__proto__', params: { constructor: { prototype: {} } } }));
    expect(await reply).toMatchObject({ id: 7, ok: false, error: { code: 'unknown_call' } });
    next.close();
  });
});
