import { create } from 'zustand';
import type { Counters, Incident, ReplayStatus } from '../../../shared/model';
import { api, isElectron, onConnectionChange } from '../../api';
import { singleFlight } from '../../lib/throttle';

export type Connection = 'connecting' | 'online' | 'offline';

interface WarroomState {
  /** The focused incident; undefined until the first answer, null when there is none. */
  incident: Incident | null | undefined;
  counters: Counters | null;
  replay: ReplayStatus | null;
  connection: Connection;
  /** True while the last core call of this store failed (the view keeps the last good data). */
  failing: boolean;
  loadIncident(): Promise<void>;
  refreshCounters(): Promise<void>;
  refreshReplay(): Promise<void>;
  applyReplay(status: ReplayStatus): void;
  controlReplay(change: { running?: boolean; speed?: number }): Promise<void>;
}

export const useWarroomStore = create<WarroomState>()((set) => {
  const guard = async (task: () => Promise<void>) => {
    try {
      await task();
      set({ failing: false });
    } catch {
      set({ failing: true });
    }
  };
  return {
    incident: undefined,
    counters: null,
    replay: null,
    connection: isElectron ? 'online' : 'connecting',
    failing: false,
    loadIncident: () =>
      guard(async () => {
        const { items, focusId } = await api.call('incidents.list', {});
        set({ incident: items.find((i) => i.id === focusId) ?? null });
      }),
    refreshCounters: singleFlight(() =>
      guard(async () => {
        set({ counters: await api.call('warroom.counters', {}) });
      }),
    ),
    refreshReplay: () =>
      guard(async () => {
        set({ replay: await api.call('replay.status', {}) });
      }),
    applyReplay: (status) => set({ replay: status }),
    controlReplay: (change) =>
      guard(async () => {
        set({ replay: await api.call('replay.control', change) });
      }),
  };
});

/**
 * The incident clock as precisely as we know it: the replay's simulated time while it plays (updated
 * by every progress event), otherwise the clock the core sent with the counters.
 */
export function selectClock(s: Pick<WarroomState, 'counters' | 'replay'>): number | null {
  if (s.replay && s.replay.done < s.replay.total) return s.replay.simulatedNow;
  return s.counters?.clock ?? null;
}

// Registered at module load, before any call opens the socket, so the first "open" is never missed.
onConnectionChange((connected) => useWarroomStore.setState({ connection: connected ? 'online' : 'offline' }));
