// A canary token given to every kind of source, against 127.0.0.1 servers that fail in the ways that
// leak secrets (echoing the Authorization header or the whole URL back, HTML error pages, redirects to
// another host). The canary must reach the platform and nothing else: not the CLI's output, not the
// contract's answers and errors, not the database, not what `vigie mentions` exports.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../../../main/core/host';
import { startPlatformServer, type RecordedRequest, type Reply } from '../../helpers/platform-server';
import { CLI, RESOURCES, WORKER_FILE, tempDir } from '../../helpers/tmp';

const CANARY = 'canary-5b0e2d-vigie-secret-never-leak';
const ENV = 'VIGIE_TEST_CANARY_TOKEN';

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    // 'close', not 'exit': the output may still be in the pipes when the process exits.
    child.on('close', (code) => resolve({ code, out }));
  });
}

/** Every file under dir whose bytes contain the needle (the database, its WAL, anything written). */
function filesContaining(dir: string, needle: string): string[] {
  const hits: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) hits.push(...filesContaining(full, needle));
    else if (fs.readFileSync(full).includes(needle)) hits.push(full);
  }
  return hits;
}

const echo = (req: RecordedRequest) =>
  `Invalid credentials: ${String(req.headers.authorization)} for ${req.url.pathname}${req.url.search}`;

describe('a canary token', () => {
  let tmp: ReturnType<typeof tempDir>;
  let platform: Awaited<ReturnType<typeof startPlatformServer>>;
  let elsewhere: Awaited<ReturnType<typeof startPlatformServer>>;
  let serverErrors = false;

  beforeAll(async () => {
    tmp = tempDir('vigie-canary-');
    // Another host (another port is another origin): where a redirect sends the client.
    elsewhere = await startPlatformServer(() => ({ body: { kind: 'Listing', data: { children: [] } } }));
    platform = await startPlatformServer((req): Reply => {
      if (req.path.startsWith('/api/v1/timelines/tag/')) return { status: 401, body: { error: echo(req) } };
      // sources.test below: a 500 page, and a login page with status 200, both echoing the request
      // (the sync itself would back off and retry these).
      if (serverErrors && req.path === '/xrpc/app.bsky.feed.searchPosts')
        return { status: 200, headers: { 'content-type': 'text/html' }, body: `<p>Login: ${echo(req)}</p>` };
      if (serverErrors)
        return {
          status: 500,
          headers: { 'content-type': 'text/html' },
          body: `<html><body><h1>500</h1><pre>${echo(req)}</pre></body></html>`,
        };
      if (req.path === '/2/tweets/search/recent')
        return { status: 403, headers: { 'content-type': 'text/html' }, body: `<p>${echo(req)}</p>` };
      if (req.path === '/youtube/v3/commentThreads')
        return { status: 400, body: { error: { code: 400, message: `Bad request ${echo(req)}` } } };
      if (req.path === '/xrpc/app.bsky.feed.searchPosts')
        return { status: 401, headers: { 'content-type': 'text/html' }, body: `<p>Login: ${echo(req)}</p>` };
      if (req.path.startsWith('/r/') || req.path.startsWith('/search'))
        return { status: 302, headers: { location: `${elsewhere.baseUrl}/r/france/new.json` } };
      return { status: 404, body: echo(req) };
    });
  });
  afterAll(async () => {
    await platform.close();
    await elsewhere.close();
    tmp.cleanup();
  });

  it('reaches the platforms and appears nowhere else', { timeout: 60_000 }, async () => {
    const db = tmp.file('data/vigie.db');
    const config = tmp.file('sources.json');
    const base = platform.baseUrl;
    fs.writeFileSync(
      config,
      JSON.stringify({
        sources: [
          { id: 'masto', type: 'mastodon', baseUrl: base, hashtag: 'ondaline', tokenEnv: ENV },
          { id: 'x', type: 'twitter', baseUrl: base, query: 'ondaline', tokenEnv: ENV },
          { id: 'yt', type: 'youtube', baseUrl: base, videoId: 'dQw4w9WgXcQ', tokenEnv: ENV },
          { id: 'bsky', type: 'bluesky', baseUrl: base, query: 'ondaline', tokenEnv: ENV },
          { id: 'reddit', type: 'reddit', baseUrl: base, subreddit: 'france', tokenEnv: ENV },
        ],
      }),
    );
    const env = { ...process.env, [ENV]: CANARY };
    const texts: string[] = [];
    for (const json of [true, false]) {
      const sync = await run(
        ['sync', '--db', db, '--config', config, '--once', ...(json ? ['--json'] : [])],
        env,
      );
      texts.push(sync.out);
      expect(sync.out).toMatch(/auth_error|refused the credentials/); // reported, not hidden
      expect(sync.code, 'sources failed: the exit status says so').toBe(1);
    }
    // Every source did send it where it belongs (header or, for YouTube, the key parameter).
    const presented = platform.requests.map((r) => `${r.headers.authorization ?? ''} ${r.url.search}`);
    for (const p of ['/api/v1/timelines/tag/', '/2/tweets/', '/youtube/v3/', '/xrpc/', '/r/']) {
      const sent = platform.requests.filter((r) => r.path.startsWith(p));
      expect(sent.length, `${p} in ${platform.requests.map((r) => r.path).join(' ')}`).toBeGreaterThan(0);
      expect(presented.some((s) => s.includes(CANARY))).toBe(true);
    }
    // A redirect to another origin does not carry the Authorization header along.
    expect(elsewhere.requests.length).toBeGreaterThan(0);
    expect(elsewhere.requests.map((r) => r.headers.authorization ?? '')).not.toContain(`Bearer ${CANARY}`);

    // What the CLI prints, what the contract returns, what an export contains.
    texts.push((await run(['mentions', '--db', db, '--json'], env)).out);
    // The worker thread copies the environment when it starts.
    process.env[ENV] = CANARY;
    const core = await startCore({ dbPath: db, workerFile: WORKER_FILE, resourcesDir: RESOURCES, tickMs: 0 });
    try {
      texts.push(JSON.stringify(await core.call('sources.list', {})));
      texts.push(JSON.stringify(await core.call('quarantine.list', { limit: 500 })));
      serverErrors = true;
      for (const [type, cfg] of [
        ['mastodon', { baseUrl: base, hashtag: 'ondaline', tokenEnv: ENV }],
        ['twitter', { baseUrl: base, query: 'ondaline', tokenEnv: ENV }],
        ['youtube', { baseUrl: base, videoId: 'dQw4w9WgXcQ', tokenEnv: ENV }],
        ['bluesky', { baseUrl: base, query: 'ondaline', tokenEnv: ENV }],
      ] as const) {
        texts.push(JSON.stringify(await core.call('sources.test', { type, config: cfg })));
      }
      serverErrors = false;
      const runNow = await core.call('sources.runNow', { id: 'x' }).catch((e: Error) => e.message);
      texts.push(JSON.stringify(runNow));
    } finally {
      delete process.env[ENV];
      await core.close();
    }
    expect(texts.join('\n')).toMatch(/401[\s\S]*403[\s\S]*500/); // the answers are really there…
    for (const t of texts) expect(t).not.toContain(CANARY); // …and the canary is not
    expect(filesContaining(tmp.dir, CANARY)).toEqual([]);
  });
});
