// Runs one source: pages from the stored cursor to the end of the run, each page stored with its
// cursor in one transaction; errors sorted into statuses the scheduler and the screens understand.
import type { Database } from 'better-sqlite3';
import { VigieError, toContractError } from '../errors';
import { SourcesRepo, type SourceRow } from '../store/sources-repo';
import type { HttpClient } from './http';
import { SyncError, type SyncErrorKind } from './http';
import type { Ingestor } from './ingest';
import type { RateLimit } from './rate-limit';
import type { SecretResolver, SecretSpec } from './secrets';
import { adapterFor } from './sources';

export type SourceStatus =
  'idle' | 'running' | 'ok' | 'paused' | 'offline' | 'rate_limited' | 'error' | 'auth_error' | 'config_error';

export interface RunReport {
  sourceId: string;
  inserted: number;
  duplicates: number;
  shares: number;
  quarantined: number;
  pages: number;
  /** The run reached the cursor (or the end of the stream). */
  complete: boolean;
  status: SourceStatus;
  error: { kind: SyncErrorKind | 'internal'; message: string } | null;
  /** When the source may run again, if something said so (rate limit, Retry-After). */
  retryAt: number | null;
  rateLimit: RateLimit | null;
}

export interface EngineDeps {
  db: Database;
  ingestor: Ingestor;
  http: HttpClient;
  secrets: SecretResolver;
  now?: () => number;
}

const STATUS_FOR: Record<SyncErrorKind, SourceStatus> = {
  offline: 'offline',
  rate_limited: 'rate_limited',
  server: 'error',
  bad_response: 'error',
  auth: 'auth_error',
  config: 'config_error',
};

export class SyncEngine {
  private readonly sources: SourcesRepo;
  private readonly now: () => number;

  constructor(private readonly deps: EngineDeps) {
    this.sources = new SourcesRepo(deps.db);
    this.now = deps.now ?? Date.now;
  }

  async runOnce(sourceId: string, opts: { maxPages?: number } = {}): Promise<RunReport> {
    const row = this.sources.get(sourceId);
    if (!row) throw new VigieError('not_found', `No source with id ${sourceId}.`);
    const report: RunReport = {
      sourceId,
      inserted: 0,
      duplicates: 0,
      shares: 0,
      quarantined: 0,
      pages: 0,
      complete: false,
      status: 'running',
      error: null,
      retryAt: null,
      rateLimit: null,
    };
    try {
      await this.runPages(row, report, opts.maxPages ?? 100);
      report.status = 'ok';
      this.sources.recordRun(sourceId, {
        status: 'ok',
        error: null,
        at: this.now(),
        inserted: report.inserted,
      });
    } catch (err) {
      const { kind, message, retryAt } = classify(err);
      report.status = kind === 'internal' ? 'error' : STATUS_FOR[kind];
      report.error = { kind, message };
      report.retryAt = retryAt;
      this.sources.recordRun(sourceId, {
        status: report.status,
        error: message,
        at: this.now(),
        inserted: report.inserted,
      });
    }
    return report;
  }

  private async runPages(row: SourceRow, report: RunReport, maxPages: number): Promise<void> {
    const adapter = adapterFor(row.type);
    if (!adapter) throw new SyncError('config', `Unknown source type "${row.type}".`);
    const rawConfig = JSON.parse(row.config) as Record<string, unknown>;
    const parsed = adapter.configSchema.safeParse(rawConfig);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new SyncError(
        'config',
        `Settings of ${row.name}: ${issue?.path.join('.') || 'config'}: ${issue?.message}.`,
      );
    }
    const config = parsed.data;
    const secret = this.deps.secrets.resolve(rawConfig as SecretSpec);
    if (adapter.secret?.required && !secret) {
      throw new SyncError(
        'auth',
        `${row.name} needs ${adapter.secret.label}: set tokenEnv or tokenFile in its settings.`,
      );
    }
    let state = row.cursor ? (JSON.parse(row.cursor) as unknown) : adapter.initialState(config);
    this.sources.setStatus(row.id, 'running', null);
    while (report.pages < maxPages) {
      const ctx = { now: this.now(), secret };
      const res = await this.deps.http.get(adapter.request(config, state, ctx)).catch((err: unknown) => {
        throw err instanceof SyncError && adapter.classifyError
          ? (adapter.classifyError(err, ctx) ?? err)
          : err;
      });
      const outcome = adapter.parsePage(res, config, state, ctx);
      const stored = this.deps.ingestor.ingestResult(outcome, row.id, JSON.stringify(outcome.state));
      state = outcome.state;
      report.pages++;
      report.inserted += stored.inserted.length;
      report.duplicates += stored.duplicates;
      report.shares += stored.shares;
      report.quarantined += stored.quarantined;
      report.rateLimit = res.rateLimit;
      if (res.rateLimit) this.sources.setRateLimit(row.id, res.rateLimit);
      if (!outcome.more) {
        report.complete = true;
        return;
      }
      if (res.rateLimit?.remaining === 0) {
        const at = res.rateLimit.resetAt ?? this.now() + 60_000;
        throw new SyncError(
          'rate_limited',
          `Rate limit used up; resuming at ${new Date(at).toISOString()}.`,
          at,
        );
      }
    }
  }
}

function classify(err: unknown): {
  kind: SyncErrorKind | 'internal';
  message: string;
  retryAt: number | null;
} {
  if (err instanceof SyncError) return { kind: err.kind, message: err.message, retryAt: err.retryAt };
  if (err instanceof VigieError) {
    const kind: SyncErrorKind = err.code.startsWith('secret') ? 'auth' : 'config';
    return { kind, message: err.message, retryAt: null };
  }
  // A full or read-only disk says so plainly (toContractError words it).
  const message = err instanceof Error ? toContractError(err).message : String(err);
  return { kind: 'internal', message, retryAt: null };
}
