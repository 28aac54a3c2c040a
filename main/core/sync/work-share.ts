// How much of each batch a big import sends to the analysis worker. The writer thread analyzes the
// rest itself, inside its write, so the two cores finish each batch together: with the whole
// analysis on the worker, the writer (which has less to do) would wait for it at every batch.

/** The worker never takes less than this share: the writer is the thread SQLite cannot split. */
const MIN_SHARE = 0.3;

export interface BatchTimes {
  /** Mentions in the batch, and how many of them the worker analyzed. */
  total: number;
  sent: number;
  /** The worker's own analysis time for its part (ms, waiting excluded). */
  workerMs: number;
  /** The writer's time for the whole batch, its own share of the analysis included (ms). */
  writerMs: number;
}

export class WorkShare {
  private share = 1;

  /** Mentions of a batch of `total` to send to the worker. */
  sentOf(total: number): number {
    return Math.min(total, Math.ceil(total * this.share));
  }

  /**
   * Learns from a finished batch. With a = analysis time per mention (the worker's rate, same code on
   * both threads) and W = the writer's time without its analysis, both threads are busy for the same
   * time when the worker takes f = (W + n·a) / (2·n·a) of the n mentions.
   */
  update(t: BatchTimes): void {
    if (t.sent <= 0 || t.total <= 0 || t.workerMs <= 0) return;
    const perMention = t.workerMs / t.sent;
    const analysisAll = t.total * perMention;
    const writeOnly = Math.max(0, t.writerMs - (t.total - t.sent) * perMention);
    const balanced = Math.min(1, Math.max(MIN_SHARE, (writeOnly + analysisAll) / (2 * analysisAll)));
    // Smoothed: one slow batch (a GC pause, a checkpoint) should not swing the split.
    this.share = 0.5 * this.share + 0.5 * balanced;
  }

  get current(): number {
    return this.share;
  }
}
