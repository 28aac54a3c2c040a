/**
 * Collects items and hands them over at most once per interval (keeps event traffic bounded). Only the
 * newest `keep` items are kept, with the count of everything pushed: a 1M-row import must not pile up
 * a million ids between two deliveries.
 */
export class Throttle<T> {
  private pending: T[] = [];
  private count = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly keep: number,
    private readonly deliver: (newest: T[], count: number) => void,
  ) {}

  push(items: readonly T[]): void {
    this.count += items.length;
    const fresh = items.length > this.keep ? items.slice(-this.keep) : items;
    this.pending = this.pending.concat(fresh).slice(-this.keep);
    if (!this.timer) this.timer = setTimeout(() => this.flush(), this.intervalMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.count === 0) return;
    const [items, count] = [this.pending, this.count];
    this.pending = [];
    this.count = 0;
    this.deliver(items, count);
  }
}
