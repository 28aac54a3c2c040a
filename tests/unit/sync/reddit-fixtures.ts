import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { openStore } from '../../../main/core/store/open';
import { SourcesRepo } from '../../../main/core/store/sources-repo';
import { SyncEngine } from '../../../main/core/sync/engine';
import { HttpClient } from '../../../main/core/sync/http';
import { Ingestor } from '../../../main/core/sync/ingest';
import { EnvAndFileSecrets } from '../../../main/core/sync/secrets';
import { registerAdapter } from '../../../main/core/sync/sources';
import { redditSource, type RedditState } from '../../../main/core/sync/sources/reddit';
import { startPlatformServer, type RecordedRequest, type Reply } from '../../helpers/platform-server';
import { ROOT, tempDir } from '../../helpers/tmp';

/** Shared by reddit-parse, reddit-sync and reddit-faults tests. */

export type Child = { kind: string; data: Record<string, unknown> & { name: string } };
export interface Listing {
  kind: 'Listing';
  data: { after: string | null; before: null; children: Child[] };
}
export type PlatformServer = Awaited<ReturnType<typeof startPlatformServer>>;

export const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'reddit');
export const fixtureText = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
export const fixture = (name: string) => JSON.parse(fixtureText(name)) as Listing;

export const P1 = fixture('search-p1.json');
export const P2 = fixture('search-p2.json');
export const P3 = fixture('search-p3.json');
export const NEWER = fixture('search-newer.json');
export const COMMENTS = fixture('comments.json');
export const [A] = P1.data.children;
export const [C, D] = P2.data.children;
export const [E] = P3.data.children;
export const [F] = NEWER.data.children;
export const NOW = Date.parse('2024-11-19T12:00:00Z');
// Reddit's headers: remaining is a float, reset counts seconds from now.
export const RATE_HEADERS = {
  'x-ratelimit-used': '4',
  'x-ratelimit-remaining': '96.0',
  'x-ratelimit-reset': '412',
};

/** Serves newest-first listings paged by `after`, as www.reddit.com does (`newer` adds a post on top). */
export function listingPages(req: RecordedRequest, opts: { newer?: boolean; pages?: Listing[] } = {}): Reply {
  const pages = opts.pages ?? [P1, P2, P3];
  const after = req.url.searchParams.get('after');
  if (!after) return { body: opts.newer ? NEWER : pages[0], headers: RATE_HEADERS };
  const i = pages.findIndex((p) => p.data.after === after);
  if (i < 0 || i + 1 >= pages.length)
    return { body: { kind: 'Listing', data: { after: null, children: [] } } };
  return { body: pages[i + 1], headers: RATE_HEADERS };
}

/** The cursor mark a listing child leaves: its creation time in ms and its fullname. */
export const markOf = (c: Child) => ({
  at: Math.round((c.data.created_utc as number) * 1000),
  name: c.data.name,
});

/** What each test gets: a fresh store, engine and 127.0.0.1 server, plus store look-ups. */
export interface RedditEnv {
  readonly db: Database.Database;
  readonly engine: SyncEngine;
  readonly server: PlatformServer;
  readonly ingestor: Ingestor;
  addSource(config: Record<string, unknown>, id?: string): string;
  count(sql: string): number;
  mentionCount(): number;
  cursorOf(id: string): RedditState;
  row(externalId: string): Record<string, unknown>;
}

/**
 * Registers the Reddit adapter and, around every test of the calling file, opens a temporary
 * store, an engine at NOW (secret REDDIT_TOKEN = reddit-s3cret) and a platform server answering 404.
 * The getters always return the current test's objects.
 */
export function useRedditEnv(): RedditEnv {
  let tmp: ReturnType<typeof tempDir>;
  let db: Database.Database;
  let engine: SyncEngine;
  let ingestor: Ingestor;
  let server: PlatformServer;

  beforeAll(() => registerAdapter(redditSource));
  beforeEach(async () => {
    tmp = tempDir();
    db = openStore(tmp.file('store.db'));
    ingestor = new Ingestor(db, () => NOW);
    engine = new SyncEngine({
      db,
      ingestor,
      http: new HttpClient({ timeoutMs: 3000, now: () => NOW }),
      secrets: new EnvAndFileSecrets({ REDDIT_TOKEN: 'reddit-s3cret' }),
      now: () => NOW,
    });
    server = await startPlatformServer(() => ({ status: 404, body: { message: 'Not Found', error: 404 } }));
  });
  afterEach(async () => {
    await server.close();
    db.close();
    tmp.cleanup();
  });

  function addSource(config: Record<string, unknown>, id = 'reddit'): string {
    new SourcesRepo(db).create({ id, type: 'reddit', name: 'Reddit test', config, status: 'idle' }, NOW);
    return id;
  }
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const mentionCount = () => count('SELECT COUNT(*) AS n FROM mentions');
  const cursorOf = (id: string) => JSON.parse(new SourcesRepo(db).get(id)!.cursor!) as RedditState;
  const row = (externalId: string) =>
    db.prepare('SELECT * FROM mentions WHERE external_id = ?').get(externalId) as Record<string, unknown>;

  return {
    get db() {
      return db;
    },
    get engine() {
      return engine;
    },
    get server() {
      return server;
    },
    get ingestor() {
      return ingestor;
    },
    addSource,
    count,
    mentionCount,
    cursorOf,
    row,
  };
}
