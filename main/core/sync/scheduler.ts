// Decides when each source runs: its interval, a concurrency limit, backoff with jitter on errors,
// rate-limit resets and Retry-After honoured. Sources in auth/config error wait for the user.
import { SourcesRepo, type SourceRow } from '../store/sources-repo';
import { backoffDelay } from './backoff';
import type { RunReport, SyncEngine } from './engine';

export interface SchedulerOptions {
  concurrency?: number;
  /** Default interval between runs of a healthy source. */
  defaultIntervalMs?: number;
  /** Offline sources retry at least this often, so they resume soon after the network returns. */
  offlineRetryMaxMs?: number;
  now?: () => number;
  random?: () => number;
  onReport?: (report: RunReport) => void;
}

const WAITING_FOR_USER = new Set(['paused', 'auth_error', 'config_error']);

export class Scheduler {
  private readonly running = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => number;

  constructor(
    private readonly engine: SyncEngine,
    private readonly sources: SourcesRepo,
    private readonly opts: SchedulerOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
  }

  start(pollMs = 1000): void {
    this.stop();
    this.timer = setInterval(() => void this.tick(), pollMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Sources that may run now, oldest due first. */
  due(): SourceRow[] {
    const now = this.now();
    return this.sources
      .all()
      .filter((s) => s.type !== 'replay' && s.type !== 'file' && !WAITING_FOR_USER.has(s.status))
      .filter((s) => !this.running.has(s.id) && (s.next_run_at === null || s.next_run_at <= now))
      .sort((a, b) => (a.next_run_at ?? 0) - (b.next_run_at ?? 0));
  }

  /** Starts due sources up to the concurrency limit; resolves when those runs end. */
  async tick(): Promise<RunReport[]> {
    const free = (this.opts.concurrency ?? 2) - this.running.size;
    const batch = this.due().slice(0, Math.max(0, free));
    return Promise.all(batch.map((s) => this.run(s)));
  }

  private async run(source: SourceRow): Promise<RunReport> {
    this.running.add(source.id);
    try {
      const report = await this.engine.runOnce(source.id);
      this.sources.setNextRun(source.id, this.nextRun(source, report));
      this.opts.onReport?.(report);
      return report;
    } finally {
      this.running.delete(source.id);
    }
  }

  nextRun(source: SourceRow, report: RunReport): number | null {
    const now = this.now();
    if (report.error === null) {
      // An incomplete run (page limit) continues at once; a complete one waits for its interval.
      return report.complete ? now + intervalOf(source, this.opts.defaultIntervalMs ?? 60_000) : now;
    }
    if (WAITING_FOR_USER.has(report.status)) return null;
    const failures = (this.sources.get(source.id)?.failures ?? 1) || 1;
    let delay = backoffDelay(failures, { random: this.opts.random });
    if (report.status === 'offline') delay = Math.min(delay, this.opts.offlineRetryMaxMs ?? 30_000);
    return Math.max(now + delay, report.retryAt ?? 0);
  }
}

function intervalOf(source: SourceRow, fallback: number): number {
  try {
    const config = JSON.parse(source.config) as { intervalSeconds?: unknown };
    const s = Number(config.intervalSeconds);
    return Number.isFinite(s) && s >= 15 ? s * 1000 : fallback;
  } catch {
    return fallback;
  }
}
