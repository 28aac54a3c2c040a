/** A throttled trigger: runs `fn` at most once per `ms` (first call soon, later ones coalesced). */
export interface Throttled {
  (): void;
  cancel(): void;
}

export function throttle(fn: () => void, ms: number): Throttled {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    timer = null;
    last = Date.now();
    fn();
  };
  const trigger = (() => {
    if (timer) return;
    timer = setTimeout(run, Math.max(0, last + ms - Date.now()));
  }) as Throttled;
  trigger.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return trigger;
}

/**
 * Wraps an async task so that at most one run is in flight; a request made meanwhile runs once more
 * right after, so the latest state always wins without piling up calls.
 */
export function singleFlight(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const start = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = task()
      .catch(() => undefined)
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          void start();
        }
      });
    return running;
  };
  return start;
}
