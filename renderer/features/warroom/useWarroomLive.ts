import { useEffect } from 'react';
import { api } from '../../api';
import { throttle } from '../../lib/throttle';
import { useWarroomStore } from './store';

/** The counters follow the store at most once a second, whatever the event rate. */
const COUNTERS_INTERVAL_MS = 1000;
/** Without events, the clock and the "last hour" window still move: a slow heartbeat. */
const HEARTBEAT_MS = 15_000;

/** Loads the focused incident, its counters and replay state, and keeps them live. */
export function useWarroomLive(): void {
  useEffect(() => {
    const store = useWarroomStore.getState();
    const loadAll = () => {
      void store.loadIncident();
      void store.refreshCounters();
      void store.refreshReplay();
    };
    loadAll();
    const counters = throttle(() => void store.refreshCounters(), COUNTERS_INTERVAL_MS);
    const offAdded = api.on('mentions.added', counters);
    const offProgress = api.on('replay.progress', (status) => {
      store.applyReplay(status);
      // The last batch of a replay switches the clock from simulated to wall time.
      if (status.done >= status.total) counters();
    });
    const offIncidents = api.on('incidents.changed', loadAll);
    // After a reconnection, events were missed: reload everything once.
    const offConnection = useWarroomStore.subscribe((state, prev) => {
      if (state.connection === 'online' && prev.connection === 'offline') loadAll();
    });
    const heartbeat = setInterval(counters, HEARTBEAT_MS);
    return () => {
      counters.cancel();
      offAdded();
      offProgress();
      offIncidents();
      offConnection();
      clearInterval(heartbeat);
    };
  }, []);
}
