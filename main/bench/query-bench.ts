// Query latencies on a filled store: timeline windows, full-text search, feed pages.
import type { Database } from 'better-sqlite3';
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

export function queryBench(db: Database) {
  const rollups = new RollupsRepo(db);
  const mentions = new MentionsRepo(db);
  const rnd = seeded(7);
  const span = BENCH_DAYS * 1440 * MIN;
  const timeline: Record<string, { p50: number; p95: number }> = {};
  for (const w of WINDOWS) {
    timeline[w.name] = timeIt(50, () => {
      const from = BENCH_START + Math.floor(rnd() * Math.max(1, span - w.ms));
      rollups.volume(from, from + w.ms, w.bucketMinutes);
    });
  }
  const search = timeIt(60, (i) => void mentions.list({ limit: 50, search: SEARCHES[i % SEARCHES.length]! }));
  const firstPage = timeIt(50, () => void mentions.list({ limit: 100 }));
  const deepPage = timeIt(50, () => {
    const before = { createdAt: BENCH_START + Math.floor(rnd() * span), id: 'zzzz' };
    mentions.list({ limit: 100, before });
  });
  const platformPage = timeIt(50, () => void mentions.list({ limit: 100, platform: 'reddit' }));
  return { timeline, search, feed: { firstPage, deepPage, platformPage } };
}
