/** Exponential backoff with full jitter, capped; `random` is injectable for tests. */
export function backoffDelay(
  attempt: number,
  opts: { baseMs?: number; maxMs?: number; random?: () => number } = {},
): number {
  const base = opts.baseMs ?? 5_000;
  const max = opts.maxMs ?? 15 * 60_000;
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  const random = opts.random ?? Math.random;
  // Half fixed, half random: never hammer, never synchronize with other clients.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
