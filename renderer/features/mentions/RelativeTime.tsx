import { useFormat } from '../../lib/format';
import { selectClock, useWarroomStore } from '../warroom/store';

/**
 * "il y a 3 min · 14:32": relative to the incident clock (simulated time during the demo replay),
 * absolute in the local time zone. Re-renders only when the relative text itself changes.
 */
export function RelativeTime({ at }: { at: number }) {
  const f = useFormat();
  const relative = useWarroomStore((s) => f.relative(at, Math.max(selectClock(s) ?? at, at)));
  const sameDay = useWarroomStore((s) => {
    const clock = selectClock(s);
    return clock === null || new Date(clock).toDateString() === new Date(at).toDateString();
  });
  return (
    <time className="mention__time" dateTime={new Date(at).toISOString()} title={f.dateTime(at)}>
      {relative} · {sameDay ? f.time(at) : f.dateTime(at)}
    </time>
  );
}
