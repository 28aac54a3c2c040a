// Short durations for countdowns: 45 s, 12 min, 1 h 05, 24 h (the same shape in FR and EN). A
// no-break space holds each number to its unit, so a narrow card never breaks "3 / h".
const NB = '\u00a0';

export function shortDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}${NB}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return `${m}${NB}min ${String(s % 60).padStart(2, '0')}${NB}s`;
  if (m < 60) return `${m}${NB}min`;
  // "24 h 00" reads as midnight in French: a whole number of hours is just "24 h".
  return m % 60 === 0
    ? `${m / 60}${NB}h`
    : `${Math.floor(m / 60)}${NB}h${NB}${String(m % 60).padStart(2, '0')}`;
}

/** A duration in minutes/hours for settings summaries: 20 s, 10 min, 2 h. */
export function settingDuration(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)}${NB}s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)}${NB}min`;
  const h = ms / 3_600_000;
  return `${Number.isInteger(h) ? h : h.toFixed(1)}${NB}h`;
}
