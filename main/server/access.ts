import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'vigie_token';

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

function cookieToken(req: IncomingMessage): string | null {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === TOKEN_COOKIE) return decodeURIComponent(v.join('='));
  }
  return null;
}

/** The token may come as ?token=, as a Bearer header, or as the cookie set on the first page load. */
export function presentedToken(req: IncomingMessage, url: URL): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  return url.searchParams.get('token') ?? cookieToken(req);
}

export function tokenAccepted(expected: string | null, req: IncomingMessage, url: URL): boolean {
  if (!expected) return true;
  const got = presentedToken(req, url);
  return got !== null && safeEqual(got, expected);
}

/**
 * Cross-site WebSocket hijacking guard: a browser always sends Origin, and it must be this server.
 * Non-browser clients (CLI, tests) send none.
 */
export function originAllowed(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const host = req.headers.host;
  if (!host) return false;
  try {
    const o = new URL(origin);
    return (o.protocol === 'http:' || o.protocol === 'https:') && o.host === host;
  } catch {
    return false;
  }
}

/** The host name of a Host header value (`127.0.0.1:4800`, `[::1]:4800`, `localhost`), lower-cased. */
function hostName(hostHeader: string): string | null {
  try {
    return new URL(`http://${hostHeader}`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * DNS-rebinding guard for a loopback bind without a token: a page of attacker.example whose name
 * now resolves to 127.0.0.1 reaches us with `Host: attacker.example`, and its Origin matches that
 * Host. Only loopback names are accepted then. With a token, the token is the guard.
 */
export function hostAllowed(req: IncomingMessage, tokenRequired: boolean): boolean {
  if (tokenRequired) return true;
  const name = req.headers.host === undefined ? null : hostName(req.headers.host);
  return name !== null && isLoopback(name);
}
