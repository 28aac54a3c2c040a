import { useEffect, useState } from 'react';

/** Wall-clock time, refreshed every `ms`: keeps "3 min ago" and "in 2 min" true without events. */
export function useNow(ms = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
