// A no-break space holds each number to its unit ("3 h 05" never breaks after the 3).
const NB = '\u00a0';

/** "12:04" under an hour, "3 h 05" beyond, "2 j 4 h" beyond a day; the sign is said by the caller. */
export function formatCountdown(ms: number, units: { h: string; d: string }): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (days > 0) return `${days}${NB}${units.d} ${hours}${NB}${units.h}`;
  if (hours > 0) return `${hours}${NB}${units.h}${NB}${pad(minutes)}`;
  return `${pad(minutes)}:${pad(seconds)}`;
}

/** A duration in minutes for headline numbers: "42 min", "3 h 10", "3 h", "2 j 4 h". */
export function formatDuration(ms: number, units: { min: string; h: string; d: string }): string {
  const minutesTotal = Math.round(Math.abs(ms) / 60_000);
  const days = Math.floor(minutesTotal / 1440);
  const hours = Math.floor((minutesTotal % 1440) / 60);
  const minutes = minutesTotal % 60;
  if (days > 0) return `${days}${NB}${units.d} ${hours}${NB}${units.h}`;
  if (hours > 0 && minutes === 0) return `${hours}${NB}${units.h}`;
  if (hours > 0) return `${hours}${NB}${units.h}${NB}${String(minutes).padStart(2, '0')}`;
  return `${minutes}${NB}${units.min}`;
}
