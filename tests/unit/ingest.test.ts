import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadScenario } from '../../main/core/demo/scenario';
import { DEMO_SOURCE_ID, createDemo } from '../../main/core/demo/seed';
import { MentionsRepo } from '../../main/core/store/mentions-repo';
import { openStore } from '../../main/core/store/open';
import { Ingestor } from '../../main/core/sync/ingest';
import { ReplaySource } from '../../main/core/sync/sources/replay';
import { makeMentions } from '../helpers/mentions';
import { RESOURCES, tempDir } from '../helpers/tmp';

let tmp: ReturnType<typeof tempDir>;
let db: Database.Database;
beforeEach(() => {
  tmp = tempDir();
  db = openStore(tmp.file('store.db'));
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;

/** The rollups must equal a GROUP BY over the mentions they summarize. */
function expectRollupsMatchMentions() {
  const fromMentions = db
    .prepare(
      `SELECT (created_at / 60000) * 60000 AS minute, platform, COUNT(*) AS count,
        COALESCE(SUM(sentiment < -0.05), 0) AS neg, COALESCE(SUM(sentiment BETWEEN -0.05 AND 0.05), 0) AS neu,
        COALESCE(SUM(sentiment > 0.05), 0) AS pos, COALESCE(SUM(toxicity >= 0.5), 0) AS toxic, SUM(reach) AS reach
       FROM mentions GROUP BY 1, 2 ORDER BY 1, 2`,
    )
    .all();
  const rollups = db
    .prepare('SELECT minute, platform, count, neg, neu, pos, toxic, reach FROM rollup_minute ORDER BY 1, 2')
    .all();
  expect(rollups).toEqual(fromMentions);
}

describe('ingest', () => {
  it('stores a batch once, indexes it for search, and rolls it up per minute', () => {
    const ingestor = new Ingestor(db);
    const batch = makeMentions(500);
    const first = ingestor.ingest(batch);
    expect(first.inserted).toHaveLength(500);
    const again = ingestor.ingest(batch);
    expect(again).toEqual({ inserted: [], duplicates: 500, shares: 0, quarantined: 0 });
    expect(count('SELECT COUNT(*) AS n FROM mentions')).toBe(500);
    expect(count(`SELECT COUNT(*) AS n FROM mentions_fts WHERE mentions_fts MATCH '"générale"'`)).toBe(
      count(`SELECT COUNT(*) AS n FROM mentions WHERE text LIKE '%générale%'`),
    );
    expectRollupsMatchMentions();
  });

  it('finds mentions by full-text search, accents folded, with keyset paging', () => {
    new Ingestor(db).ingest(makeMentions(300));
    const repo = new MentionsRepo(db);
    const hits = repo.list({ limit: 500, search: 'generale' });
    expect(hits.length).toBe(100);
    expect(hits.every((m) => m.text.includes('générale'))).toBe(true);
    const page1 = repo.list({ limit: 40 });
    const page2 = repo.list({
      limit: 40,
      before: { createdAt: page1.at(-1)!.createdAt, id: page1.at(-1)!.id },
    });
    expect(page2[0]!.createdAt).toBeLessThan(page1.at(-1)!.createdAt);
    expect(new Set([...page1, ...page2].map((m) => m.id)).size).toBe(80);
  });

  it('treats search syntax as plain words', () => {
    new Ingestor(db).ingest(makeMentions(30));
    const repo = new MentionsRepo(db);
    expect(() => repo.list({ limit: 10, search: 'NEAR( "un)closed * OR' })).not.toThrow();
    expect(repo.list({ limit: 10, search: '   ' })).toHaveLength(10);
  });

  it('moves the source cursor in the same transaction as the mentions', () => {
    db.prepare(`INSERT INTO sources(id, type, name, created_at) VALUES ('s1', 'file', 'test', 0)`).run();
    const ingestor = new Ingestor(db);
    ingestor.ingest(makeMentions(10), 's1', 'cursor-10');
    expect(db.prepare(`SELECT cursor FROM sources WHERE id = 's1'`).get()).toEqual({ cursor: 'cursor-10' });
    // A failing batch rolls back mentions, rollups and cursor together.
    const bad = makeMentions(5, { prefix: 'bad' });
    (bad[3] as { text: unknown }).text = null;
    expect(() => ingestor.ingest(bad, 's1', 'cursor-15')).toThrow();
    expect(count('SELECT COUNT(*) AS n FROM mentions')).toBe(10);
    expect(db.prepare(`SELECT cursor FROM sources WHERE id = 's1'`).get()).toEqual({ cursor: 'cursor-10' });
    expectRollupsMatchMentions();
  });
});

describe('demo replay', () => {
  it('inserts exactly the scenario mentions once, even when replayed twice', () => {
    const scenario = loadScenario(RESOURCES);
    const now = Date.UTC(2026, 10, 1);
    createDemo(db, scenario, 720, now);
    const ingestor = new Ingestor(db);
    const replay = new ReplaySource(db, ingestor, scenario, DEMO_SOURCE_ID, () => now);
    const first = replay.playAll();
    expect(first).toHaveLength(scenario.items.length);
    expect(new Set(first).size).toBe(scenario.items.length);

    // Rewind the cursor: the same stream comes again and nothing doubles.
    db.prepare(`UPDATE sources SET cursor = '{"index":0,"playedMs":0}', status = 'running' WHERE id = ?`).run(
      DEMO_SOURCE_ID,
    );
    const second = new ReplaySource(db, ingestor, scenario, DEMO_SOURCE_ID, () => now).playAll();
    expect(second).toHaveLength(0);
    expect(count('SELECT COUNT(*) AS n FROM mentions')).toBe(scenario.items.length);
    expect(count('SELECT COUNT(*) AS n FROM mentions_fts')).toBe(scenario.items.length);
    expectRollupsMatchMentions();
  });

  it('plays the stream progressively with the clock and resumes from its cursor', () => {
    const scenario = loadScenario(RESOURCES);
    let wall = Date.UTC(2026, 10, 1);
    createDemo(db, scenario, 720, wall);
    const ingestor = new Ingestor(db);
    const replay = new ReplaySource(db, ingestor, scenario, DEMO_SOURCE_ID, () => wall);
    replay.tick();
    wall += 60_000; // one real minute = 12 simulated hours at 720×
    const landed = replay.tick().length;
    const expected = scenario.items.filter((i) => i.offsetMs <= 12 * 3_600_000).length;
    expect(landed).toBe(expected);
    expect(replay.status()!.done).toBe(expected);

    // A new process (new ReplaySource) continues where the cursor stands.
    const resumed = new ReplaySource(db, ingestor, scenario, DEMO_SOURCE_ID, () => wall);
    resumed.tick();
    wall += 10 * 60_000;
    resumed.tick();
    expect(resumed.status()!.done).toBe(scenario.items.length);
    expect(count('SELECT COUNT(*) AS n FROM mentions')).toBe(scenario.items.length);
    expectRollupsMatchMentions();
  });
});

describe('timeline volume', () => {
  it('counts every mention once whatever the bucket size', async () => {
    const { RollupsRepo } = await import('../../main/core/store/rollups-repo');
    const scenario = loadScenario(RESOURCES);
    const now = Date.UTC(2026, 10, 1, 12, 0, 0);
    createDemo(db, scenario, 720, now);
    new ReplaySource(db, new Ingestor(db), scenario, DEMO_SOURCE_ID, () => now).playAll();
    const repo = new RollupsRepo(db);
    const from = now - scenario.meta.durationMs - 3_600_000;
    for (const bucketMinutes of [1, 5, 10, 15, 30, 45, 60, 120, 180]) {
      const { buckets } = repo.volume(from, now + 3_600_000, bucketMinutes);
      const total = buckets.reduce((n, b) => n + b.total, 0);
      expect({ bucketMinutes, total }).toEqual({ bucketMinutes, total: scenario.items.length });
      expect(buckets.every((b) => b.at % (bucketMinutes * 60_000) === 0)).toBe(true);
    }
  });
});
