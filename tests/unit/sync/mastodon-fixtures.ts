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
import { mastodonSource, type MastodonState } from '../../../main/core/sync/sources/mastodon';
import { startPlatformServer, type RecordedRequest, type Reply } from '../../helpers/platform-server';
import { ROOT, tempDir } from '../../helpers/tmp';

/** Shared by mastodon-parse, mastodon-sync and mastodon-faults tests. */

export type Status = { id: string } & Record<string, unknown>;
export type PlatformServer = Awaited<ReturnType<typeof startPlatformServer>>;

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'mastodon');
export const fixtureText = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
export const fixture = <T = Status[]>(name: string) => JSON.parse(fixtureText(name)) as T;

export const TAG = fixture('tag-timeline.json');
export const NEWER = fixture('tag-timeline-newer.json');
export const PLEROMA = fixture('pleroma-tag.json');
export const NOTIFICATIONS = fixture('notifications.json');
export const RATE_HEADERS = {
  'x-ratelimit-limit': '300',
  'x-ratelimit-remaining': '299',
  'x-ratelimit-reset': '2024-11-19T11:00:00.000Z',
};

/**
 * Serves `list` (newest first) the way Mastodon pages a timeline: since_id/max_id bounds, at most
 * `pageSize` items, and a Link header (next = max_id of the oldest, prev = min_id of the newest).
 * Ids are located by position, never compared, like Pleroma's flake ids require.
 */
export function timeline(list: Status[], req: RecordedRequest, baseUrl: string, pageSize = 3): Reply {
  const q = req.url.searchParams;
  const maxId = q.get('max_id');
  const sinceId = q.get('since_id') ?? q.get('min_id');
  const start = maxId ? list.findIndex((s) => s.id === maxId) + 1 : 0;
  const sinceAt = sinceId ? list.findIndex((s) => s.id === sinceId) : -1;
  const end = sinceAt >= 0 ? sinceAt : list.length;
  const limit = Math.min(Number(q.get('limit') ?? 20), pageSize);
  const page = list.slice(start, Math.max(start, Math.min(end, start + limit)));
  const headers: Record<string, string> = { ...RATE_HEADERS };
  if (page.length > 0) {
    const here = `${baseUrl}${req.path}`;
    headers.link = `<${here}?max_id=${page[page.length - 1]!.id}>; rel="next", <${here}?min_id=${page[0]!.id}>; rel="prev"`;
  }
  return { body: page, headers };
}

/** What each test gets: a fresh store, engine and 127.0.0.1 server, plus store look-ups. */
export interface MastodonEnv {
  readonly db: Database.Database;
  readonly engine: SyncEngine;
  readonly server: PlatformServer;
  readonly ingestor: Ingestor;
  addSource(config: Record<string, unknown>, id?: string): string;
  count(sql: string): number;
  mentionCount(): number;
  cursorOf(id: string): MastodonState;
  row(externalId: string): Record<string, unknown>;
}

/**
 * Registers the Mastodon adapter and, around every test of the calling file, opens a temporary
 * store, an engine (secret MASTODON_TOKEN = tok-s3cret) and a platform server answering 404.
 * The getters always return the current test's objects.
 */
export function useMastodonEnv(): MastodonEnv {
  let tmp: ReturnType<typeof tempDir>;
  let db: Database.Database;
  let engine: SyncEngine;
  let server: PlatformServer;
  let ingestor: Ingestor;

  beforeAll(() => registerAdapter(mastodonSource));
  beforeEach(async () => {
    tmp = tempDir();
    db = openStore(tmp.file('store.db'));
    ingestor = new Ingestor(db);
    engine = new SyncEngine({
      db,
      ingestor,
      http: new HttpClient({ timeoutMs: 3000 }),
      secrets: new EnvAndFileSecrets({ MASTODON_TOKEN: 'tok-s3cret' }),
    });
    server = await startPlatformServer(() => ({ status: 404, body: { error: 'Record not found' } }));
  });
  afterEach(async () => {
    await server.close();
    db.close();
    tmp.cleanup();
  });

  function addSource(config: Record<string, unknown>, id = 'masto'): string {
    new SourcesRepo(db).create(
      { id, type: 'mastodon', name: 'Mastodon test', config, status: 'idle' },
      Date.now(),
    );
    return id;
  }
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const mentionCount = () => count('SELECT COUNT(*) AS n FROM mentions');
  const cursorOf = (id: string) => JSON.parse(new SourcesRepo(db).get(id)!.cursor!) as MastodonState;
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
