import type Database from 'better-sqlite3';

/** The invariants a crash must never break: FTS matches its content, rollups match the mentions. */
export function storeInvariants(db: Database.Database): {
  mentions: number;
  ftsOk: boolean;
  rollupsOk: boolean;
} {
  const mentions = (db.prepare('SELECT COUNT(*) AS n FROM mentions').get() as { n: number }).n;
  let ftsOk = true;
  try {
    db.prepare(`INSERT INTO mentions_fts(mentions_fts) VALUES ('integrity-check')`).run();
  } catch {
    ftsOk = false;
  }
  const diff = db
    .prepare(
      `SELECT COUNT(*) AS n FROM (
         SELECT minute, platform, count, reach FROM rollup_minute
         EXCEPT
         SELECT (created_at / 60000) * 60000, platform, COUNT(*), SUM(reach) FROM mentions GROUP BY 1, 2
       )`,
    )
    .get() as { n: number };
  const totals = db
    .prepare(
      'SELECT (SELECT COALESCE(SUM(count), 0) FROM rollup_minute) AS r, (SELECT COUNT(*) FROM mentions) AS m',
    )
    .get() as { r: number; m: number };
  const coarse = db
    .prepare('SELECT level, COALESCE(SUM(count), 0) AS n FROM rollup_coarse GROUP BY level')
    .all() as { level: number; n: number }[];
  const coarseOk = coarse.every((c) => c.n === totals.m);
  return { mentions, ftsOk, rollupsOk: diff.n === 0 && totals.r === totals.m && coarseOk };
}
