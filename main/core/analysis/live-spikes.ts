// Spike detection live over the minute rollups. Minutes are complete once the stream has moved past
// them (the stream clock is the newest stored mention, so a replay at any speed and a late-polling
// source behave alike). Each alert is stored in analysis_alerts, written as a timeline event of kind
// `alert` on the focused active incident, and handed to the caller (the feature emits it).
// Besides the detector's metrics, a near-duplicate cluster that suddenly gathers many copies is an
// alert of its own (a copy-paste campaign), and every alert names the biggest cluster of its window.
import type { Database, Statement } from 'better-sqlite3';
import type { Alert, AlertReason } from '../../../shared/analysis-model';
import { IncidentsRepo } from '../store/incidents-repo';
import { MetaRepo } from '../store/meta-repo';
import { MINUTE, SpikeDetector, type MinuteRollup, type SpikeOptions } from './spikes';

const UNTIL_KEY = 'analysis.spikes.until';
/**
 * On restart, the baseline is relearnt from this much history (no alert raised on it again). On a
 * first start over a store that already holds history (an import, a copied store), only this much of
 * the recent past is watched: an alert about a spike of last month is not news, and walking a 1M-row
 * history minute by minute would hold the core for seconds while the war-room waits.
 */
const RELEARN_MS = 12 * 3_600_000;
/** Cluster campaign: this many copies within the window, and not alerted on for an hour. */
const CLUSTER_MIN_COPIES = 15;
const WINDOW_MINUTES = 10;

export interface LiveSpikesOptions {
  detector?: SpikeOptions;
  /** Which incident an alert belongs to (the focused active one), or null. */
  incidentFor: () => string | null;
  /** Wall clock, for created_at of the stored rows. */
  now: () => number;
}

interface AlertRow {
  id: number;
  at: number;
  incident_id: string | null;
  metric: string;
  value: number;
  baseline: number;
  ratio: number;
  escalation: number;
  reasons: string;
  cluster: string | null;
}

export function rowToAlert(r: AlertRow): Alert {
  return {
    id: r.id,
    at: r.at,
    incidentId: r.incident_id,
    metric: r.metric as Alert['metric'],
    value: r.value,
    baseline: r.baseline,
    ratio: r.ratio,
    escalation: r.escalation === 1,
    reasons: JSON.parse(r.reasons) as AlertReason[],
    cluster: r.cluster ? (JSON.parse(r.cluster) as Alert['cluster']) : null,
  };
}

/**
 * Spike watching over this store begins at `at` unless it has begun already: a scenario loaded all at
 * once (`vigie demo`) is watched from its first minute, as if it had been followed live.
 */
export function watchSpikesFrom(db: Database, at: number): void {
  const meta = new MetaRepo(db);
  if (meta.get(UNTIL_KEY) === null) meta.set(UNTIL_KEY, String(Math.floor(at / MINUTE) * MINUTE));
}

export class LiveSpikes {
  private detector: SpikeDetector | null = null;
  private until: number | null = null;
  private readonly meta: MetaRepo;
  private readonly incidents: IncidentsRepo;
  private readonly minutes: Statement;
  private readonly topCluster: Statement;
  private readonly insertAlert: Statement;
  private readonly clusterAlertedAt = new Map<string, number>();

  constructor(
    private readonly db: Database,
    private readonly opts: LiveSpikesOptions,
  ) {
    this.meta = new MetaRepo(db);
    this.incidents = new IncidentsRepo(db);
    this.minutes = db.prepare(`
      SELECT minute AS at, SUM(count) AS count, SUM(neg) AS neg, SUM(toxic) AS toxic, SUM(reach) AS reach,
        SUM(crisis) AS crisis
      FROM rollup_minute WHERE minute >= ? AND minute < ? GROUP BY minute ORDER BY minute`);
    this.topCluster = db.prepare(`
      SELECT cluster_id AS clusterId, COUNT(*) AS copies, MIN(text) AS text FROM mentions
      WHERE created_at >= ? AND created_at < ? AND cluster_id IS NOT NULL
      GROUP BY cluster_id ORDER BY copies DESC LIMIT 1`);
    this.insertAlert = db.prepare(`
      INSERT INTO analysis_alerts(at, incident_id, metric, value, baseline, ratio, escalation, reasons, cluster, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  /** Feeds every minute completed since the last call; returns the alerts raised. */
  advance(): Alert[] {
    const latest = (
      this.db.prepare('SELECT MAX(minute) AS m FROM rollup_minute').get() as { m: number | null }
    ).m;
    if (latest === null) return [];
    // The newest minute may still fill up: only the ones before it are complete.
    const complete = latest;
    if (!this.detector) this.start(complete);
    if (this.until === null || complete <= this.until) return [];
    const rows = this.minutes.all(this.until, complete) as MinuteRollup[];
    const alerts: Alert[] = [];
    for (const r of rows) {
      const a = this.step(r);
      if (a) alerts.push(a);
    }
    this.until = complete;
    this.meta.set(UNTIL_KEY, String(complete));
    return alerts;
  }

  /** Alerts stored, newest first. */
  list(opts: { from?: number; to?: number; incidentId?: string; limit?: number } = {}): Alert[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM analysis_alerts WHERE at >= ? AND at < ? AND (? IS NULL OR incident_id = ?)
         ORDER BY at DESC, id DESC LIMIT ?`,
      )
      .all(
        opts.from ?? 0,
        opts.to ?? Number.MAX_SAFE_INTEGER,
        opts.incidentId ?? null,
        opts.incidentId ?? null,
        opts.limit ?? 200,
      ) as AlertRow[];
    return rows.map(rowToAlert);
  }

  /** Forgets what was learnt (after the rollups were rebuilt, e.g. a deleted demo). */
  reset(): void {
    this.detector = null;
    this.until = null;
    this.clusterAlertedAt.clear();
    this.db.prepare('DELETE FROM meta WHERE key = ?').run(UNTIL_KEY);
  }

  private start(complete: number): void {
    this.detector = new SpikeDetector(this.opts.detector);
    const stored = this.meta.get(UNTIL_KEY);
    if (stored !== null && Number(stored) <= complete) {
      // Relearn the baseline quietly up to where we stopped; alerts there are already stored.
      this.until = Number(stored);
      for (const r of this.minutes.all(this.until - RELEARN_MS, this.until) as MinuteRollup[])
        this.detector.push(r);
    } else {
      const first = (this.db.prepare('SELECT MIN(minute) AS m FROM rollup_minute').get() as { m: number }).m;
      this.until = Math.max(first, complete - RELEARN_MS);
    }
  }

  private step(r: MinuteRollup): Alert | null {
    const spike = this.detector!.push(r);
    const windowFrom = r.at - (WINDOW_MINUTES - 1) * MINUTE;
    const top = this.topCluster.get(windowFrom, r.at + MINUTE) as
      { clusterId: string; copies: number; text: string } | undefined;
    const campaign = top && top.copies >= CLUSTER_MIN_COPIES && this.freshCluster(top.clusterId, r.at);
    if (!spike && !campaign) return null;
    const cluster = top && top.copies >= 5 ? { ...top, text: top.text.slice(0, 280) } : null;
    const reasons: AlertReason[] = (spike?.reasons ?? []).map((x) => ({
      metric: x.metric,
      value: x.value,
      baseline: x.baseline,
      ratio: x.ratio,
      text: x.text,
    }));
    if (campaign && top) {
      this.clusterAlertedAt.set(top.clusterId, r.at);
      reasons.push({
        metric: 'cluster',
        value: top.copies,
        baseline: 1,
        ratio: top.copies,
        text: {
          fr: `Un même message repris ${top.copies} fois en ${WINDOW_MINUTES} min (une voix, ${top.copies} échos)`,
          en: `One message copied ${top.copies} times in ${WINDOW_MINUTES} min (one voice, ${top.copies} echoes)`,
        },
      });
    }
    const head = spike ?? { metric: 'cluster' as const, value: top!.copies, baseline: 1, ratio: top!.copies };
    return this.store({
      at: r.at,
      metric: head.metric,
      value: head.value,
      baseline: head.baseline,
      ratio: head.ratio,
      escalation: spike?.escalation ?? false,
      reasons,
      cluster,
    });
  }

  private freshCluster(clusterId: string, at: number): boolean {
    const last = this.clusterAlertedAt.get(clusterId);
    return last === undefined || at - last >= 60 * MINUTE;
  }

  private store(a: Omit<Alert, 'id' | 'incidentId'>): Alert {
    const incidentId = this.opts.incidentFor();
    let id = 0;
    this.db.transaction(() => {
      id = Number(
        this.insertAlert.run(
          a.at,
          incidentId,
          a.metric,
          a.value,
          a.baseline,
          a.ratio,
          a.escalation ? 1 : 0,
          JSON.stringify(a.reasons),
          a.cluster ? JSON.stringify(a.cluster) : null,
          this.opts.now(),
        ).lastInsertRowid,
      );
      if (incidentId) {
        const text = a.reasons.map((x) => x.text.fr).join(' ; ');
        this.incidents.addEvent(incidentId, a.at, 'alert', 'Vigie', text, { alertId: id, ...a });
      }
    })();
    return { ...a, id, incidentId };
  }
}
