// Runs the analysis stage on a worker thread (the second core) so a big import analyzes batch N+1
// while SQLite commits batch N. When there is no worker bundle (code run from the sources, or a
// build without it) or the worker fails, `analyze` answers null and the ingest analyzes
// in-process: slower, never different.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnalysisReply, AnalysisRequest } from '../analysis/analysis-worker';
import type { AnalyzableMention, MentionAnalysis } from '../analysis/mention-analysis';
import { SIGNATURE_SIZE, type DuplicateKey } from '../analysis/near-duplicates';
import type { ToxicityContext } from '../analysis/toxicity';

const WORKER_FILE = 'analysis-worker.cjs';
const IDLE_MS = 30_000;

/**
 * dist/analysis-worker.cjs when this code runs from the bundles in dist/ (built together, so they
 * agree); null when it runs from the sources (tests), where a bundle could be older than the code.
 */
export function defaultAnalysisWorkerFile(): string | null {
  return path.basename(__dirname) === 'dist' ? path.join(__dirname, WORKER_FILE) : null;
}

/** What the worker computed for a batch, in the batch's order. */
export interface AnalyzedBatch {
  analyses: MentionAnalysis[];
  keys: DuplicateKey[];
  /** The worker's analysis time for the batch (ms). */
  ms: number;
}

interface Pending {
  resolve: (batch: AnalyzedBatch | null) => void;
}

export class AnalysisPool {
  private worker: Worker | null = null;
  private broken = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(private readonly workerFile: string | null = defaultAnalysisWorkerFile()) {}

  /** Whether batches will really be analyzed off this thread. */
  get available(): boolean {
    return !this.broken && this.workerFile !== null && fs.existsSync(this.workerFile);
  }

  /** The analyses of `items`, in order, or null: then the caller analyzes them itself. */
  analyze(items: readonly AnalyzableMention[], context: ToxicityContext): Promise<AnalyzedBatch | null> {
    const worker = this.start();
    if (!worker || items.length === 0) return Promise.resolve(null);
    const id = this.nextId++;
    const request: AnalysisRequest = {
      id,
      // Only what the analysis reads crosses the thread boundary.
      items: items.map((m) => ({ text: m.text, lang: m.lang, rating: m.rating })),
      context,
    };
    return new Promise((resolve) => {
      this.pending.set(id, { resolve });
      worker.ref();
      worker.postMessage(request);
    });
  }

  /** Stops the worker; pending batches fall back to in-process analysis. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.settleAll();
    if (w) await w.terminate();
  }

  private start(): Worker | null {
    if (this.worker) return this.worker;
    if (!this.available) return null;
    try {
      const w = new Worker(this.workerFile!);
      w.unref();
      w.on('message', (reply: AnalysisReply) => {
        const p = this.pending.get(reply.id);
        if (!p) return;
        this.pending.delete(reply.id);
        if (this.pending.size === 0) {
          w.unref();
          this.stopWhenIdle(w);
        }
        p.resolve('analyses' in reply ? unpack(reply) : null);
      });
      const fail = () => {
        this.broken = true;
        if (this.worker === w) this.worker = null;
        this.settleAll();
      };
      w.on('error', fail);
      w.on('exit', fail);
      this.worker = w;
      return w;
    } catch {
      this.broken = true;
      return null;
    }
  }

  /** An idle worker holds its own copy of the lexicons and model: let it go after a while. */
  private stopWhenIdle(w: Worker): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.worker !== w || this.pending.size > 0) return;
      this.worker = null;
      w.removeAllListeners('exit');
      void w.terminate();
    }, IDLE_MS);
    this.idleTimer.unref();
  }

  private settleAll(): void {
    for (const p of this.pending.values()) p.resolve(null);
    this.pending.clear();
  }
}

function unpack(reply: Extract<AnalysisReply, { analyses: unknown }>): AnalyzedBatch {
  const keys = reply.norms.map((norm, i): DuplicateKey => ({
    norm,
    sig: reply.signed[i] ? reply.sigs.subarray(i * SIGNATURE_SIZE, (i + 1) * SIGNATURE_SIZE) : null,
    seed: reply.seed,
  }));
  return { analyses: reply.analyses, keys, ms: reply.ms };
}
