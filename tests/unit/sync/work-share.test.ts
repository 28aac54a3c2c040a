import { describe, expect, it } from 'vitest';
import { WorkShare } from '../../../main/core/sync/work-share';

// The split of each batch between the analysis worker and the writer thread.

/** Runs batches with analysis at `a` ms per mention and writing at `w` ms per mention. */
function settle(a: number, w: number, batches = 30, n = 2000): WorkShare {
  const share = new WorkShare();
  for (let i = 0; i < batches; i++) {
    const sent = share.sentOf(n);
    share.update({ total: n, sent, workerMs: sent * a, writerMs: n * w + (n - sent) * a });
  }
  return share;
}

describe('WorkShare', () => {
  it('sends the first batch whole to the worker', () => {
    expect(new WorkShare().sentOf(2000)).toBe(2000);
  });

  it('settles where both threads are busy for the same time', () => {
    const a = 0.035;
    const w = 0.02;
    const share = settle(a, w);
    const n = 2000;
    const sent = share.sentOf(n);
    const worker = sent * a;
    const writer = n * w + (n - sent) * a;
    expect(Math.abs(worker - writer) / worker).toBeLessThan(0.02);
    expect(share.current).toBeCloseTo((w + a) / (2 * a), 2);
  });

  it('keeps the whole analysis on the worker when writing is the slower half', () => {
    expect(settle(0.01, 0.05).sentOf(2000)).toBe(2000);
  });

  it('never leaves the worker less than a third or so of the batch', () => {
    const share = settle(0.05, 0);
    expect(share.current).toBeGreaterThanOrEqual(0.3);
    expect(share.current).toBeLessThan(0.55);
  });

  it('ignores batches the worker did not answer', () => {
    const share = new WorkShare();
    share.update({ total: 2000, sent: 0, workerMs: 0, writerMs: 50 });
    expect(share.current).toBe(1);
  });
});
