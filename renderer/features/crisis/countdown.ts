/** "12:04" under an hour, "3 h 05" beyond, "2 j 4 h" beyond a day; the sign is said by the caller. */
export function formatCountdown(ms: number, units: { h: string; d: string }): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (days > 0) return `${days} ${units.d} ${hours} ${units.h}`;
  if (hours > 0) return `${hours} ${units.h} ${pad(minutes)}`;
  return `${pad(minutes)}:${pad(seconds)}`;
}

/** A duration in minutes for headline numbers: "42 min", "3 h 10", "2 j 4 h". */
export function formatDuration(ms: number, units: { min: string; h: string; d: string }): string {
  const minutesTotal = Math.round(Math.abs(ms) / 60_000);
  const days = Math.floor(minutesTotal / 1440);
  const hours = Math.floor((minutesTotal % 1440) / 60);
  const minutes = minutesTotal % 60;
  if (days > 0) return `${days} ${units.d} ${hours} ${units.h}`;
  if (hours > 0) return `${hours} ${units.h} ${String(minutes).padStart(2, '0')}`;
  return `${minutes} ${units.min}`;
}
