// Query latencies on a filled store: timeline windows, full-text search, feed pages, top terms and
// near-duplicate clusters of the last hours.
import type { Database } from 'better-sqlite3';
import { topTerms } from '../core/analysis/top-terms';
import { MentionsRepo } from '../core/store/mentions-repo';
import { RollupsRepo } from '../core/store/rollups-repo';
import { BENCH_DAYS, BENCH_START, seeded } from './generate';
import { timeIt } from './stats';

const MIN = 60_000;
const WINDOWS: { name: string; ms: number; bucketMinutes: number }[] = [
  { name: '15 min', ms: 15 * MIN, bucketMinutes: 1 },
  { name: '1 h', ms: 60 * MIN, bucketMinutes: 1 },
  { name: '6 h', ms: 360 * MIN, bucketMinutes: 5 },
  { name: '24 h', ms: 1440 * MIN, bucketMinutes: 15 },
  { name: '7 d', ms: 7 * 1440 * MIN, bucketMinutes: 60 },
  { name: 'all', ms: BENCH_DAYS * 1440 * MIN, bucketMinutes: 180 },
];
const SEARCHES = [
  'panne',
  'remboursement',
  'boycott',
  'ondaline support',
  'wifi',
  'class action',
  'box clignote',
];

/** The texts of a window (newest first, capped) → top terms: what a "what is being said" panel runs. */
const TERMS_SQL =
  'SELECT text FROM mentions WHERE created_at >= ? AND created_at < ? ORDER BY created_at DESC LIMIT 2000';
/** The biggest near-duplicate clusters of a window (copy-paste campaigns). */
const CLUSTERS_SQL = `SELECT cluster_id, COUNT(*) AS n FROM mentions
  WHERE cluster_id IS NOT NULL AND created_at >= ? AND created_at < ?
  GROUP BY cluster_id ORDER BY n DESC LIMIT 20`;

export function queryBench(db: Database, start = BENCH_START) {
  const rollups = new RollupsRepo(db);
  const mentions = new MentionsRepo(db);
  const rnd = seeded(7);
  const span = BENCH_DAYS * 1440 * MIN;
  const timeline: Record<string, { p50: number; p95: number }> = {};
  for (const w of WINDOWS) {
    timeline[w.name] = timeIt(50, () => {
      const from = start + Math.floor(rnd() * Math.max(1, span - w.ms));
      rollups.volume(from, from + w.ms, w.bucketMinutes);
    });
  }
  const search = timeIt(60, (i) => void mentions.list({ limit: 50, search: SEARCHES[i % SEARCHES.length]! }));
  const firstPage = timeIt(50, () => void mentions.list({ limit: 100 }));
  const deepPage = timeIt(50, () => {
    const before = { createdAt: start + Math.floor(rnd() * span), id: 'zzzz' };
    mentions.list({ limit: 100, before });
  });
  const platformPage = timeIt(50, () => void mentions.list({ limit: 100, platform: 'reddit' }));
  const terms = db.prepare(TERMS_SQL).pluck();
  const topTerms1h = timeIt(20, () => {
    const from = start + Math.floor(rnd() * (span - 60 * MIN));
    topTerms(terms.all(from, from + 60 * MIN) as string[], 20);
  });
  const topTerms24h = timeIt(10, () => {
    const from = start + Math.floor(rnd() * (span - 1440 * MIN));
    topTerms(terms.all(from, from + 1440 * MIN) as string[], 20);
  });
  const clusters = db.prepare(CLUSTERS_SQL);
  const clusters24h = timeIt(20, () => {
    const from = start + Math.floor(rnd() * (span - 1440 * MIN));
    clusters.all(from, from + 1440 * MIN);
  });
  return {
    timeline,
    search,
    feed: { firstPage, deepPage, platformPage },
    analysis: { topTerms1h, topTerms24h, clusters24h },
  };
}
