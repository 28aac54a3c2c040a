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
import { twitterSource, type TwitterState } from '../../../main/core/sync/sources/twitter';
import { startPlatformServer, type RecordedRequest, type Reply } from '../../helpers/platform-server';
import { ROOT, tempDir } from '../../helpers/tmp';

/** Shared by twitter-parse, twitter-sync and twitter-faults tests. */

export type Tweet = { id: string; text: string } & Record<string, unknown>;
export interface SearchBody {
  data?: Tweet[];
  includes?: { users?: Record<string, unknown>[]; tweets?: Tweet[] };
  meta: { newest_id?: string; next_token?: string; result_count: number };
}
export type PlatformServer = Awaited<ReturnType<typeof startPlatformServer>>;

export const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'twitter');
export const fixtureText = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
export const fixture = (name: string) => JSON.parse(fixtureText(name)) as SearchBody;

export const P1 = fixture('search-recent-p1.json');
export const P2 = fixture('search-recent-p2.json');
export const P3 = fixture('search-recent-p3.json');
export const NEWER = fixture('search-recent-newer.json');
export const EMPTY = fixture('search-recent-empty.json');
export const [T1, T2, T3] = P1.data!;
export const [T4, T5, T6] = P2.data!;
export const [T7, ORIG] = P3.data!;
export const [T9, T10] = NEWER.data!;

export const TOKEN =
  'AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid%2BULvsea4JtiGRiSDSJSI%3DEUifiRBkKG5E2XzMDjRfl76ZC9Ub0wnz4XsNiRVBChTYbJcE3F';
/** The fixtures' clock: an hour after the last tweet (recent search only covers 7 days). */
export const NOW = Date.parse('2024-11-19T12:00:00Z');
export const RESET = 1732018500; // epoch seconds, as X sends x-rate-limit-reset
export const RATE_HEADERS = {
  'x-rate-limit-limit': '450',
  'x-rate-limit-remaining': '449',
  'x-rate-limit-reset': String(RESET),
};
export const UNAUTHORIZED: Reply = {
  status: 401,
  body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' },
  headers: { 'content-type': 'application/problem+json' },
};

/**
 * GET /2/tweets/search/recent as X serves the fixtures: three pages linked by next_token, then, with
 * since_id, only what is newer (`newer` adds NEWER on top).
 */
export function recentSearch(
  req: RecordedRequest,
  opts: { newer?: boolean; ignoreToken?: boolean } = {},
): Reply {
  if (req.headers.authorization !== `Bearer ${TOKEN}`) return UNAUTHORIZED;
  const q = req.url.searchParams;
  const since = q.get('since_id');
  const token = opts.ignoreToken ? null : q.get('next_token');
  let body: SearchBody;
  if (since === T1!.id) body = opts.newer ? NEWER : EMPTY;
  else if (since) body = EMPTY;
  else if (token === P1.meta.next_token) body = P2;
  else if (token === P2.meta.next_token) body = P3;
  else if (token)
    return { status: 400, body: { errors: [{ message: 'bad next_token' }], title: 'Invalid Request' } };
  else body = P1;
  return { body, headers: RATE_HEADERS };
}

/** What each test gets: a fresh store, engine and 127.0.0.1 server, plus store look-ups. */
export interface TwitterEnv {
  readonly db: Database.Database;
  readonly engine: SyncEngine;
  readonly server: PlatformServer;
  readonly ingestor: Ingestor;
  /** An engine on the current store whose clock reads `now`. */
  makeEngine(now: number): SyncEngine;
  addSource(config: Record<string, unknown>, id?: string): string;
  /** Settings for the current server's recent search, token in X_BEARER, plus `extra`. */
  withToken(extra?: Record<string, unknown>): Record<string, unknown>;
  count(sql: string): number;
  mentionCount(): number;
  cursorOf(id: string): TwitterState;
  row(externalId: string): Record<string, unknown>;
  /** Ids of the shares recorded against mention `id`, sorted. */
  sharesOf(id: string): string[];
}

/**
 * Registers the X adapter and, around every test of the calling file, opens a temporary store, an
 * engine at NOW (secret X_BEARER = TOKEN) and a platform server answering 404.
 * The getters always return the current test's objects.
 */
export function useTwitterEnv(): TwitterEnv {
  let tmp: ReturnType<typeof tempDir>;
  let db: Database.Database;
  let engine: SyncEngine;
  let ingestor: Ingestor;
  let server: PlatformServer;

  const makeEngine = (now: number) =>
    new SyncEngine({
      db,
      ingestor,
      http: new HttpClient({ timeoutMs: 3000, now: () => now }),
      secrets: new EnvAndFileSecrets({ X_BEARER: TOKEN }),
      now: () => now,
    });

  beforeAll(() => registerAdapter(twitterSource));
  beforeEach(async () => {
    tmp = tempDir();
    db = openStore(tmp.file('store.db'));
    ingestor = new Ingestor(db, () => NOW);
    engine = makeEngine(NOW);
    server = await startPlatformServer(() => ({ status: 404, body: { title: 'Not Found Error' } }));
  });
  afterEach(async () => {
    await server.close();
    db.close();
    tmp.cleanup();
  });

  function addSource(config: Record<string, unknown>, id = 'x'): string {
    new SourcesRepo(db).create({ id, type: 'twitter', name: 'X test', config, status: 'idle' }, NOW);
    return id;
  }
  const withToken = (extra: Record<string, unknown> = {}) => ({
    baseUrl: server.baseUrl,
    query: 'ondaline -is:nullcast',
    tokenEnv: 'X_BEARER',
    ...extra,
  });
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const mentionCount = () => count('SELECT COUNT(*) AS n FROM mentions');
  const cursorOf = (id: string) => JSON.parse(new SourcesRepo(db).get(id)!.cursor!) as TwitterState;
  const row = (externalId: string) =>
    db.prepare('SELECT * FROM mentions WHERE external_id = ?').get(externalId) as Record<string, unknown>;
  const sharesOf = (id: string) =>
    (
      db.prepare('SELECT id FROM mention_shares WHERE original_id = ? ORDER BY id').all(id) as {
        id: string;
      }[]
    ).map((r) => r.id);

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
    makeEngine,
    addSource,
    withToken,
    count,
    mentionCount,
    cursorOf,
    row,
    sharesOf,
  };
}
