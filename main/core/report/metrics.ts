// The numbers of the review, computed from the incident record alone (so a restored bundle gives the
// same figures). Every definition is written next to its code and in README "Post-mortem exports".
import { SENTIMENT_NEUTRAL_BAND as NEUTRAL_BAND, TOXIC_THRESHOLD } from '../../../shared/thresholds';
import type { IncidentRecord, Row } from './record';

export const MINUTE = 60_000;
/** Onset detection works on 10-minute buckets over the 6 hours before the first signal. */
export const ONSET_BUCKET_MS = 10 * MINUTE;
const ONSET_BASELINE_BUCKETS = 36;
const CURVE_STEPS_MIN = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440];
const CURVE_MAX_BUCKETS = 48;
export const TOP_CLUSTERS = 5;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Earliest alert of the incident: a timeline `alert` event or an analysis_alerts row. */
export function firstAlert(record: IncidentRecord): number | null {
  const ats = [
    ...record.tables.timeline_events.filter((e) => e.kind === 'alert').map((e) => num(e.at)),
    ...record.tables.analysis_alerts.map((a) => num(a.at)),
  ].filter((v): v is number => v !== null);
  return ats.length > 0 ? Math.min(...ats) : null;
}

export interface Onset {
  at: number;
  /** agreed: typed by the cell; computed: from the volume; signal: no rise found, first signal used. */
  source: 'agreed' | 'computed' | 'signal';
}

/**
 * Onset: the first mention of the run of elevated 10-minute buckets that ends at the first signal
 * (first alert, else the opening). A bucket is elevated when it holds at least max(3, 2 × median of
 * the 36 buckets before the signal's) mentions. The cell's agreed onset, when set, wins.
 */
export function onsetOf(record: IncidentRecord): Onset {
  const agreed = num(record.review?.onset_at);
  if (agreed !== null) return { at: agreed, source: 'agreed' };
  const signal = firstAlert(record) ?? Number(record.incident.opened_at);
  const bucketOf = (t: number) => Math.floor(t / ONSET_BUCKET_MS);
  const counts = new Map<number, number>();
  const firstIn = new Map<number, number>();
  for (const m of record.mentions) {
    const at = Number(m.created_at);
    if (at > signal) continue;
    const b = bucketOf(at);
    counts.set(b, (counts.get(b) ?? 0) + 1);
    if (!firstIn.has(b)) firstIn.set(b, at);
  }
  const sb = bucketOf(signal);
  const baseline = median(
    Array.from(
      { length: ONSET_BASELINE_BUCKETS },
      (_, i) => counts.get(sb - ONSET_BASELINE_BUCKETS + i) ?? 0,
    ),
  );
  const threshold = Math.max(3, 2 * baseline);
  const elevated = (b: number) => (counts.get(b) ?? 0) >= threshold;
  let b = elevated(sb) ? sb : elevated(sb - 1) ? sb - 1 : null;
  if (b === null) return { at: signal, source: 'signal' };
  while (elevated(b - 1)) b--;
  return { at: Math.min(firstIn.get(b)!, signal), source: 'computed' };
}

export interface KeyTimes {
  onset: Onset;
  firstAlertAt: number | null;
  acknowledgedAt: number | null;
  firstStatementAt: number | null;
  stableAt: number | null;
  closedAt: number | null;
  /** Durations from the onset (acknowledge: from the first alert), ms; null when it did not happen. */
  detectMs: number | null;
  acknowledgeMs: number | null;
  firstStatementMs: number | null;
  stableMs: number | null;
  closeMs: number | null;
}

const ACK_KINDS = new Set(['level.accepted', 'level.changed']);

export function keyTimes(record: IncidentRecord): KeyTimes {
  const onset = onsetOf(record);
  const alertAt = firstAlert(record);
  const events = record.tables.timeline_events;
  // Acknowledged: the first of the opening or a level accepted/changed at or after the first alert.
  const ackCandidates = [
    Number(record.incident.opened_at),
    ...events.filter((e) => ACK_KINDS.has(String(e.kind))).map((e) => Number(e.at)),
  ].filter((t) => alertAt !== null && t >= alertAt);
  const acknowledgedAt = ackCandidates.length > 0 ? Math.min(...ackCandidates) : null;
  const published = record.tables.statements
    .filter((s) => s.status === 'published' && s.kind !== 'internal' && num(s.published_at) !== null)
    .map((s) => Number(s.published_at));
  const firstStatementAt = published.length > 0 ? Math.min(...published) : null;
  const stableEvent = events.find((e) => e.kind === 'incident.stable');
  const stableAt = num(record.incident.stable_at) ?? (stableEvent ? Number(stableEvent.at) : null);
  const closedAt = num(record.incident.closed_at);
  const since = (t: number | null, from: number | null) => (t === null || from === null ? null : t - from);
  return {
    onset,
    firstAlertAt: alertAt,
    acknowledgedAt,
    firstStatementAt,
    stableAt,
    closedAt,
    detectMs: since(alertAt, onset.at),
    acknowledgeMs: since(acknowledgedAt, alertAt),
    firstStatementMs: since(firstStatementAt, onset.at),
    stableMs: since(stableAt, onset.at),
    closeMs: since(closedAt, onset.at),
  };
}

export interface CurveBucket {
  at: number;
  count: number;
  neg: number;
  neu: number;
  pos: number;
  toxic: number;
  /** Mean sentiment of the bucket's analysed mentions (−1..1), null when none. */
  sentiment: number | null;
}

export interface ClusterShare {
  id: string;
  count: number;
  share: number;
  authors: number;
  sample: string;
  firstAt: number;
}

export interface Impact {
  from: number;
  to: number;
  volume: number;
  uniqueAuthors: number;
  totalReach: number;
  peakMinute: { at: number; count: number } | null;
  toxicCount: number;
  /** Mentions with a toxicity score. */
  scoredCount: number;
  toxicShare: number | null;
  ratingBefore: { mean: number; count: number } | null;
  ratingAfter: { mean: number; count: number } | null;
  platforms: { platform: string; count: number }[];
  curve: { bucketMinutes: number; buckets: CurveBucket[] };
  clusters: ClusterShare[];
}

function ratingOf(rows: Row[]): { mean: number; count: number } | null {
  const r = rows.map((m) => num(m.rating)).filter((v): v is number => v !== null);
  return r.length === 0 ? null : { mean: r.reduce((a, b) => a + b, 0) / r.length, count: r.length };
}

/** Impact of the storm: mentions from the onset to the end of the incident. */
export function impactOf(record: IncidentRecord, onset: number): Impact {
  const to = record.scope.to;
  const inside = record.mentions.filter((m) => Number(m.created_at) >= onset);
  const before = record.mentions.filter((m) => Number(m.created_at) < onset);
  const authors = new Set(
    inside.map((m) => `${String(m.platform)}\u0000${String(m.author_handle).toLowerCase()}`),
  );
  const perMinute = new Map<number, number>();
  const platforms = new Map<string, number>();
  let reach = 0;
  let toxic = 0;
  let scored = 0;
  for (const m of inside) {
    const minute = Math.floor(Number(m.created_at) / MINUTE) * MINUTE;
    perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
    platforms.set(String(m.platform), (platforms.get(String(m.platform)) ?? 0) + 1);
    reach += num(m.reach) ?? 0;
    const tox = num(m.toxicity);
    if (tox !== null) {
      scored++;
      if (tox >= TOXIC_THRESHOLD) toxic++;
    }
  }
  let peak: { at: number; count: number } | null = null;
  for (const [at, count] of [...perMinute].sort((a, b) => a[0] - b[0]))
    if (!peak || count > peak.count) peak = { at, count };
  return {
    from: onset,
    to,
    volume: inside.length,
    uniqueAuthors: authors.size,
    totalReach: reach,
    peakMinute: peak,
    toxicCount: toxic,
    scoredCount: scored,
    toxicShare: scored > 0 ? toxic / scored : null,
    ratingBefore: ratingOf(before),
    ratingAfter: ratingOf(inside),
    platforms: [...platforms]
      .map(([platform, count]) => ({ platform, count }))
      .sort((a, b) => b.count - a.count || a.platform.localeCompare(b.platform)),
    curve: curveOf(inside, onset, to),
    clusters: clustersOf(inside),
  };
}

function curveOf(rows: Row[], from: number, to: number): Impact['curve'] {
  const span = Math.max(to - from, MINUTE);
  const step = CURVE_STEPS_MIN.find((m) => span / (m * MINUTE) <= CURVE_MAX_BUCKETS) ?? 1440;
  const size = step * MINUTE;
  const first = Math.floor(from / size) * size;
  const n = Math.max(1, Math.floor((to - first) / size) + 1);
  const buckets: CurveBucket[] = Array.from({ length: n }, (_, i) => ({
    at: first + i * size,
    count: 0,
    neg: 0,
    neu: 0,
    pos: 0,
    toxic: 0,
    sentiment: null,
  }));
  const sums = new Array<number>(n).fill(0);
  const scored = new Array<number>(n).fill(0);
  for (const m of rows) {
    const i = Math.min(n - 1, Math.floor((Number(m.created_at) - first) / size));
    const b = buckets[i]!;
    b.count++;
    const s = num(m.sentiment);
    if (s !== null) {
      if (s < -NEUTRAL_BAND) b.neg++;
      else if (s > NEUTRAL_BAND) b.pos++;
      else b.neu++;
      sums[i]! += s;
      scored[i]!++;
    }
    if ((num(m.toxicity) ?? 0) >= TOXIC_THRESHOLD) b.toxic++;
  }
  buckets.forEach((b, i) => {
    b.sentiment = scored[i]! > 0 ? sums[i]! / scored[i]! : null;
  });
  return { bucketMinutes: step, buckets };
}

/** Share of voice of the biggest near-duplicate clusters (two mentions or more). */
function clustersOf(rows: Row[]): ClusterShare[] {
  const groups = new Map<string, Row[]>();
  for (const m of rows) {
    if (typeof m.cluster_id !== 'string' || m.cluster_id === '') continue;
    const g = groups.get(m.cluster_id);
    if (g) g.push(m);
    else groups.set(m.cluster_id, [m]);
  }
  return [...groups]
    .filter(([, g]) => g.length >= 2)
    .map(([id, g]) => ({
      id,
      count: g.length,
      share: rows.length > 0 ? g.length / rows.length : 0,
      authors: new Set(g.map((m) => String(m.author_handle).toLowerCase())).size,
      sample: String(g[0]!.text),
      firstAt: Number(g[0]!.created_at),
    }))
    .sort((a, b) => b.count - a.count || a.firstAt - b.firstAt || a.id.localeCompare(b.id))
    .slice(0, TOP_CLUSTERS);
}
