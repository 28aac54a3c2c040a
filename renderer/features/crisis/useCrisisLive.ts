import { useEffect } from 'react';
import { api } from '../../api';
import { throttle } from '../../lib/throttle';
import { useWarroomStore } from '../warroom/store';
import { useCrisisStore } from './store';

/** Refreshes at most this often whatever the rate of changes (bulk triage, several people). */
const REFRESH_MS = 400;
/** Overdue flags and the cadence move with time even when nothing happens. */
const HEARTBEAT_MS = 30_000;

/** Follows the incident in focus: catalog once, then its crisis state and log, kept live. */
export function useCrisisLive(): void {
  const incidentId = useWarroomStore((s) => s.incident?.id ?? null);
  const incidentKey = useWarroomStore((s) =>
    s.incident ? `${s.incident.id}|${s.incident.level}|${s.incident.status}` : '',
  );

  useEffect(() => {
    void useCrisisStore.getState().loadCatalog();
  }, []);

  useEffect(() => {
    useCrisisStore.getState().setIncident(incidentId);
  }, [incidentId]);

  // Level or status changed elsewhere (another window, the suggested-level card): reload.
  useEffect(() => {
    if (incidentKey) void useCrisisStore.getState().refresh();
  }, [incidentKey]);

  useEffect(() => {
    const refresh = throttle(() => void useCrisisStore.getState().refresh(), REFRESH_MS);
    const off = api.on('crisis.changed', ({ incidentId: changed }) => {
      if (changed === useCrisisStore.getState().incidentId) refresh();
    });
    const heartbeat = setInterval(refresh, HEARTBEAT_MS);
    const offConnection = useWarroomStore.subscribe((state, prev) => {
      if (state.connection === 'online' && prev.connection === 'offline') refresh();
    });
    return () => {
      off();
      offConnection();
      clearInterval(heartbeat);
      refresh.cancel();
    };
  }, []);
}
