// Spike detection on per-minute rollups. For each metric, a baseline learns the stream's normal
// rhythm (an EWMA of the per-minute rate over the previous hours, with a floor for quiet streams);
// the last few minutes are compared with it. Counts (mentions, negative, toxic, crisis-word
// mentions) are tested as Poisson surprises, so three angry posts in a stream that gets one a day
// are news, and thirty in a stream that gets sixty a minute are not. Shares (negative, crisis
// words) need a rise in points and enough posts; reach and the weighted pressure (volume weighted
// by negativity, toxicity and reach) need a ratio over the baseline. An alert says what rose and by
// how much; a cooldown per metric keeps one storm from raising fifty alerts.
import { reasonNumber, reasonPercent, type ReasonLang } from './reason-numbers';

export const MINUTE = 60_000;

/** One minute of the stream (the ingest's rollup_minute, summed over platforms). */
export interface MinuteRollup {
  /** Start of the minute (ms). */
  at: number;
  count: number;
  neg: number;
  toxic: number;
  reach: number;
  /** Mentions using crisis vocabulary, when known. */
  crisis?: number;
}

export type SpikeMetric =
  'count' | 'neg' | 'negShare' | 'toxic' | 'crisis' | 'crisisShare' | 'reach' | 'pressure';

export interface SpikeReason {
  /** Stable code the UI translates: `${metric}_rise`. */
  code: string;
  metric: SpikeMetric;
  /** Per-minute value over the window (shares: 0..1). */
  value: number;
  /** What the baseline expected (same unit). */
  baseline: number;
  /** value / baseline (shares: value / baseline share). */
  ratio: number;
  /** Poisson tail probability, for the count metrics. */
  pValue?: number;
  /** A ready sentence in each language. */
  text: { fr: string; en: string };
}

export interface SpikeAlert {
  /** The minute the alert was raised at. */
  at: number;
  /** The metric that rose most. */
  metric: SpikeMetric;
  value: number;
  baseline: number;
  ratio: number;
  /** Every metric that rose at this minute, strongest first. */
  reasons: SpikeReason[];
  /** True when a metric already in cooldown rose again much further. */
  escalation: boolean;
}

export interface SpikeOptions {
  /** Minutes compared with the baseline. Default 10. */
  windowMinutes?: number;
  /** Half-life of the baseline, in minutes. Default 120. */
  halfLifeMinutes?: number;
  /** Minutes learnt before any alert. Default 60. */
  warmupMinutes?: number;
  /** Poisson (counts) or binomial (shares) tail below which a value is surprising. Default 1e-5. */
  pAlert?: number;
  /** Minimum per-minute baselines, for quiet streams. */
  floors?: Partial<Record<'count' | 'neg' | 'toxic' | 'crisis', number>>;
  /** Minimum posts in the window before a count metric may alert. */
  minCounts?: Partial<Record<'count' | 'neg' | 'toxic' | 'crisis', number>>;
  /** Share metrics: minimum posts in the window and minimum rise (0..1). */
  minShareCount?: number;
  minShareRise?: number;
  /** Ratio for reach and pressure. Default 4. */
  minRatio?: number;
  /** After alerting, a metric alerts again only once it has been back to normal this long. Default 60. */
  cooldownMinutes?: number;
  /** ...or when its ratio grew by this factor over its last alert (escalation). Default 3. */
  escalationFactor?: number;
}

const DEFAULTS = {
  windowMinutes: 10,
  halfLifeMinutes: 120,
  warmupMinutes: 60,
  pAlert: 1e-5,
  floors: { count: 0.2, neg: 0.04, toxic: 0.01, crisis: 0.03 },
  minCounts: { count: 8, neg: 4, toxic: 3, crisis: 4 },
  minShareCount: 12,
  minShareRise: 0.25,
  minRatio: 4,
  cooldownMinutes: 60,
  escalationFactor: 3,
};

type CountMetric = 'count' | 'neg' | 'toxic' | 'crisis';
const COUNT_METRICS: CountMetric[] = ['count', 'neg', 'toxic', 'crisis'];

const LABELS: Record<SpikeMetric, { fr: string; en: string }> = {
  count: { fr: 'Volume de mentions', en: 'Mention volume' },
  neg: { fr: 'Mentions négatives', en: 'Negative mentions' },
  negShare: { fr: 'Part de négatif', en: 'Negative share' },
  toxic: { fr: 'Messages toxiques', en: 'Toxic posts' },
  crisis: { fr: 'Mentions au vocabulaire de crise', en: 'Crisis-vocabulary mentions' },
  crisisShare: { fr: 'Part du vocabulaire de crise', en: 'Crisis-vocabulary share' },
  reach: { fr: 'Audience', en: 'Reach' },
  pressure: { fr: 'Pression (volume × négativité × audience)', en: 'Pressure (volume × negativity × reach)' },
};

interface Baseline {
  mean: number;
  n: number;
}

/** Weighted pressure of one minute: negative and toxic posts count more, audience adds a log factor. */
export function pressureOf(r: MinuteRollup): number {
  if (r.count === 0) return 0;
  const avgReach = r.reach / r.count;
  return (r.count + 2 * r.neg + 3 * r.toxic) * (1 + Math.log10(1 + avgReach) / 4);
}

/** Incremental detector: push minutes in order (gaps are filled with empty minutes). */
export class SpikeDetector {
  private readonly o: typeof DEFAULTS;
  private readonly alpha: number;
  private readonly window: MinuteRollup[] = [];
  private readonly base: Record<string, Baseline> = {};
  /** Per metric: when it last alerted, at what ratio, and when it was last above its threshold. */
  private readonly lastAlert = new Map<SpikeMetric, { at: number; ratio: number; hotAt: number }>();
  private lastAt: number | null = null;
  private learned = 0;

  constructor(opts: SpikeOptions = {}) {
    this.o = {
      ...DEFAULTS,
      ...opts,
      floors: { ...DEFAULTS.floors, ...opts.floors },
      minCounts: { ...DEFAULTS.minCounts, ...opts.minCounts },
    } as typeof DEFAULTS;
    this.alpha = 1 - Math.pow(0.5, 1 / this.o.halfLifeMinutes);
  }

  /** Feeds one minute; returns the alert raised at that minute, if any. */
  push(r: MinuteRollup): SpikeAlert | null {
    const at = Math.floor(r.at / MINUTE) * MINUTE;
    if (this.lastAt !== null) {
      if (at <= this.lastAt) return null;
      // Empty minutes in between (a quiet stream has many); a long silence is summarized.
      let gap = Math.min((at - this.lastAt) / MINUTE - 1, 24 * 60);
      for (let t = at - gap * MINUTE; gap > 0; gap--, t += MINUTE)
        this.step({ at: t, count: 0, neg: 0, toxic: 0, reach: 0, crisis: 0 });
    }
    this.lastAt = at;
    return this.step({ ...r, at });
  }

  private step(r: MinuteRollup): SpikeAlert | null {
    this.window.push(r);
    if (this.window.length > this.o.windowMinutes) this.learn(this.window.shift()!);
    if (this.learned < this.o.warmupMinutes) return null;
    return this.evaluate(r.at);
  }

  /** A minute leaving the window joins the baseline (slowly while the stream is in alert). */
  private learn(r: MinuteRollup): void {
    this.learned++;
    const inAlert = [...this.lastAlert.values()].some(
      (a) => r.at - a.hotAt < this.o.cooldownMinutes * MINUTE,
    );
    const alpha = inAlert ? this.alpha / 5 : this.alpha;
    const values: Record<string, number> = {
      count: r.count,
      neg: r.neg,
      toxic: r.toxic,
      crisis: r.crisis ?? 0,
      reach: r.reach,
      pressure: pressureOf(r),
    };
    for (const [k, v] of Object.entries(values)) {
      const b = (this.base[k] ??= { mean: v, n: 0 });
      // Until the EWMA has seen enough minutes, a plain running mean (no start-up bias).
      const a = b.n < 1 / alpha ? 1 / (b.n + 1) : alpha;
      b.mean += a * (v - b.mean);
      b.n++;
    }
  }

  private evaluate(at: number): SpikeAlert | null {
    const w = this.window.length;
    const sum = { count: 0, neg: 0, toxic: 0, crisis: 0, reach: 0, pressure: 0 };
    for (const r of this.window) {
      sum.count += r.count;
      sum.neg += r.neg;
      sum.toxic += r.toxic;
      sum.crisis += r.crisis ?? 0;
      sum.reach += r.reach;
      sum.pressure += pressureOf(r);
    }
    const reasons: SpikeReason[] = [];
    for (const m of COUNT_METRICS) {
      const rate = Math.max(this.base[m]?.mean ?? 0, this.o.floors[m]);
      const observed = sum[m];
      if (observed < this.o.minCounts[m]) continue;
      const expected = rate * w;
      const p = poissonTail(observed, expected);
      if (p < this.o.pAlert) reasons.push(reason(m, observed / w, rate, p));
    }
    // Shares: enough posts, a rise in points and in ratio.
    if (sum.count >= this.o.minShareCount) {
      for (const [m, key] of [
        ['negShare', 'neg'],
        ['crisisShare', 'crisis'],
      ] as const) {
        const share = sum[key] / sum.count;
        const countBase = Math.max(this.base.count?.mean ?? 0, this.o.floors.count);
        const baseShare = Math.min(0.95, Math.max(0.02, (this.base[key]?.mean ?? 0) / countBase));
        if (share - baseShare < this.o.minShareRise || share < 0.4) continue;
        // As surprising as a count: this many of these posts among this many, given the usual share.
        const p = binomialTail(sum[key], sum.count, baseShare);
        if (p < this.o.pAlert) reasons.push(reason(m, share, baseShare, p));
      }
    }
    // Reach and pressure: a ratio, and only when posts and negative posts are unusually many too
    // (a press article with a large audience is not a storm).
    const countRate = Math.max(this.base.count?.mean ?? 0, this.o.floors.count);
    const negRate = Math.max(this.base.neg?.mean ?? 0, this.o.floors.neg);
    if (
      sum.count >= this.o.minCounts.count &&
      poissonTail(sum.count, countRate * w) < 1e-3 &&
      poissonTail(sum.neg, negRate * w) < 1e-3
    ) {
      for (const m of ['reach', 'pressure'] as const) {
        const b = this.base[m]?.mean ?? 0;
        const floor =
          m === 'reach'
            ? 100 * countRate
            : pressureOf({ at, count: 1, neg: 0, toxic: 0, reach: 100 }) * countRate;
        const baseline = Math.max(b, floor);
        const value = sum[m] / w;
        if (value / baseline >= this.o.minRatio) reasons.push(reason(m, value, baseline, undefined));
      }
    }
    if (reasons.length === 0) return null;

    // Cooldown per metric: a metric that alerted stays silent while it is hot (and for the cooldown
    // after it cooled down), unless its ratio grew well past its last alert (escalation).
    const fresh: SpikeReason[] = [];
    let escalation = false;
    for (const r of reasons) {
      const last = this.lastAlert.get(r.metric);
      const cooling = last !== undefined && at - last.hotAt < this.o.cooldownMinutes * MINUTE;
      if (last) last.hotAt = at;
      if (!cooling) fresh.push(r);
      else if (r.ratio >= last.ratio * this.o.escalationFactor) {
        fresh.push(r);
        escalation = true;
      }
    }
    if (fresh.length === 0) return null;
    fresh.sort((a, b) => strength(b) - strength(a));
    for (const r of fresh) this.lastAlert.set(r.metric, { at, ratio: r.ratio, hotAt: at });
    const top = fresh[0]!;
    return {
      at,
      metric: top.metric,
      value: top.value,
      baseline: top.baseline,
      ratio: top.ratio,
      reasons: fresh,
      escalation,
    };
  }
}

function strength(r: SpikeReason): number {
  return r.pValue !== undefined
    ? -Math.log10(Math.max(r.pValue, 1e-300))
    : Math.log2(Math.max(r.ratio, 1)) * 4;
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

function reason(
  metric: SpikeMetric,
  value: number,
  baseline: number,
  pValue: number | undefined,
): SpikeReason {
  const ratio = baseline > 0 ? value / baseline : Infinity;
  const share = metric === 'negShare' || metric === 'crisisShare';
  const fmt = (lang: ReasonLang, x: number) => (share ? reasonPercent(lang, x) : reasonNumber(lang, x, 2));
  const perMin = share ? '' : '\u00a0/min';
  const l = LABELS[metric];
  return {
    code: `${metric}_rise`,
    metric,
    value: round(value, 4),
    baseline: round(baseline, 4),
    ratio: round(ratio),
    ...(pValue !== undefined ? { pValue } : {}),
    text: {
      fr: `${l.fr}\u00a0: ${fmt('fr', value)}${perMin} contre ${fmt('fr', baseline)}${perMin} d’habitude (×${reasonNumber('fr', ratio)})`,
      en: `${l.en}: ${fmt('en', value)}${perMin} vs ${fmt('en', baseline)}${perMin} usually (×${reasonNumber('en', ratio)})`,
    },
  };
}

const LOG_FACT: number[] = [0];
function logFactorial(n: number): number {
  if (n < 2000) {
    for (let i = LOG_FACT.length; i <= n; i++) LOG_FACT.push(LOG_FACT[i - 1]! + Math.log(i));
    return LOG_FACT[n]!;
  }
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n);
}

/** P(X >= k) for X ~ Poisson(lambda), summed from the tail side (no cancellation). */
export function poissonTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  if (k <= lambda) {
    // The tail is large here: 1 minus the lower sum is accurate.
    let t = Math.exp(-lambda);
    let lower = 0;
    for (let i = 0; i < k; i++) {
      lower += t;
      t *= lambda / (i + 1);
    }
    return Math.max(0, Math.min(1, 1 - lower));
  }
  let term = Math.exp(-lambda + k * Math.log(lambda) - logFactorial(k));
  let sum = 0;
  for (let i = k; i < k + 1000; i++) {
    sum += term;
    term *= lambda / (i + 1);
    if (term < sum * 1e-12) break;
  }
  return Math.min(1, sum);
}

/** P(X >= k) for X ~ Binomial(n, p). */
export function binomialTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const lp = Math.log(p);
  const lq = Math.log(1 - p);
  let sum = 0;
  for (let i = k; i <= n; i++) {
    const term = Math.exp(logFactorial(n) - logFactorial(i) - logFactorial(n - i) + i * lp + (n - i) * lq);
    sum += term;
    if (i > n * p && term < sum * 1e-12) break;
  }
  return Math.min(1, sum);
}

/** Runs a detector over a whole series (sorted by minute). */
export function detectSpikes(rollups: readonly MinuteRollup[], opts: SpikeOptions = {}): SpikeAlert[] {
  const d = new SpikeDetector(opts);
  const out: SpikeAlert[] = [];
  for (const r of rollups) {
    const a = d.push(r);
    if (a) out.push(a);
  }
  return out;
}

/** Groups analyzed mentions into minute rollups (for replays, tests and the demo). */
export function rollupByMinute(
  items: readonly { at: number; negative: boolean; toxic: boolean; reach: number; crisis: boolean }[],
): MinuteRollup[] {
  const byMinute = new Map<number, MinuteRollup>();
  for (const it of items) {
    const at = Math.floor(it.at / MINUTE) * MINUTE;
    let r = byMinute.get(at);
    if (!r) byMinute.set(at, (r = { at, count: 0, neg: 0, toxic: 0, reach: 0, crisis: 0 }));
    r.count++;
    if (it.negative) r.neg++;
    if (it.toxic) r.toxic++;
    if (it.crisis) r.crisis = (r.crisis ?? 0) + 1;
    r.reach += it.reach;
  }
  return [...byMinute.values()].sort((a, b) => a.at - b.at);
}
