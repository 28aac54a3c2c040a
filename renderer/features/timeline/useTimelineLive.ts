import { useEffect } from 'react';
import { throttle } from '../../lib/throttle';
import { useWarroomStore } from '../warroom/store';
import { useTimelineStore } from './store';

const REFRESH_INTERVAL_MS = 1000;

/**
 * The chart follows the incident counters: every time they move (at most once a second, driven by
 * `mentions.added`), the volume is fetched again for a window ending at the new incident clock.
 */
export function useTimelineLive(): void {
  useEffect(() => {
    const refresh = throttle(() => void useTimelineStore.getState().refresh(), REFRESH_INTERVAL_MS);
    const sync = () => {
      const { counters, incident } = useWarroomStore.getState();
      if (!counters || !incident) return;
      useTimelineStore.getState().follow(counters.clock, incident.openedAt);
      refresh();
    };
    sync();
    const off = useWarroomStore.subscribe((state, prev) => {
      if (state.counters !== prev.counters || state.incident !== prev.incident) sync();
    });
    return () => {
      off();
      refresh.cancel();
    };
  }, []);
}
