// Work only the host's own code asks for (the CLI): loading the demo, importing files by path,
// running sources to completion. Not part of the contract: a page can never reach these.
import { z } from 'zod';
import type { RunReport } from './sync/engine';
import { importFile, type ImportReport } from './sync/file-import';
import { VigieError } from './errors';
import type { Service } from './service';

const importArgs = z.object({ path: z.string(), format: z.string().default('auto') });
const syncArgs = z.object({
  sources: z.array(z.object({ id: z.string(), type: z.string(), name: z.string().optional() }).passthrough()),
  maxRounds: z.number().int().default(1000),
});

export const TASKS = {
  'demo.load': async (service: Service) => service.demo.loadNow(),
  'import.file': async (service: Service, raw: unknown): Promise<ImportReport> => {
    const { path, format } = importArgs.parse(raw);
    const { ctx } = service;
    return importFile(path, format, {
      ingestor: ctx.ingestor,
      now: ctx.now,
      onProgress: (p) => ctx.emit('import.progress', p),
    });
  },
  /** `vigie sync --once`: every source to completion (all pages up to its cursor), waiting out rate limits. */
  'sync.once': async (service: Service, raw: unknown): Promise<RunReport[]> => {
    const { sources, maxRounds } = syncArgs.parse(raw);
    const { ctx } = service;
    for (const s of sources) {
      const { id, type, name, ...config } = s;
      ctx.sources.upsert({ id, type, name: name ?? id, config }, ctx.now());
    }
    const reports: RunReport[] = [];
    for (const s of sources) reports.push(await runToCompletion(service, s.id, maxRounds));
    return reports;
  },
};

export type TaskName = keyof typeof TASKS;

export function isTaskName(name: string): name is TaskName {
  return Object.prototype.hasOwnProperty.call(TASKS, name);
}

export function runTask(service: Service, name: TaskName, args: unknown): Promise<unknown> {
  const task = TASKS[name] as (s: Service, a: unknown) => Promise<unknown>;
  if (!task) throw new VigieError('unknown_task', `Unknown task ${name}.`);
  return task(service, args);
}

const MAX_WAIT_MS = 15 * 60_000;

async function runToCompletion(service: Service, id: string, maxRounds: number): Promise<RunReport> {
  const total: RunReport = { ...emptyReport(id) };
  for (let round = 0; round < maxRounds; round++) {
    const r = await service.ctx.engine.runOnce(id);
    total.inserted += r.inserted;
    total.duplicates += r.duplicates;
    total.shares += r.shares;
    total.quarantined += r.quarantined;
    total.pages += r.pages;
    Object.assign(total, {
      complete: r.complete,
      status: r.status,
      error: r.error,
      retryAt: r.retryAt,
      rateLimit: r.rateLimit,
    });
    if (r.complete || !r.error) {
      if (r.complete) return total;
      continue; // page limit reached: go on
    }
    if (r.status !== 'rate_limited' && r.status !== 'error' && r.status !== 'offline') return total;
    const wait = (r.retryAt ?? service.ctx.now() + 2_000 * (round + 1)) - service.ctx.now();
    if (wait > MAX_WAIT_MS || round >= 5) return total;
    await new Promise((res) => setTimeout(res, Math.max(0, wait)));
  }
  return total;
}

function emptyReport(sourceId: string): RunReport {
  return {
    sourceId,
    inserted: 0,
    duplicates: 0,
    shares: 0,
    quarantined: 0,
    pages: 0,
    complete: false,
    status: 'idle',
    error: null,
    retryAt: null,
    rateLimit: null,
  };
}
