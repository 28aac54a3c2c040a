// State of the crisis panels for the incident in focus: the catalog (levels, roles, services,
// playbooks, templates), the crisis state (checklist, clocks, cadence, statements, roles), the event
// log, and a notice line for what just happened (or failed). Every action goes through `act`, which
// reports errors by code in the interface's language and refreshes the state.
import { create } from 'zustand';
import type { CallName, CallRequest, CallResponse } from '../../../shared/contract';
import type { CrisisCatalog, CrisisState, LogEvent } from '../../../shared/crisis-model';
import { ApiError, api } from '../../api';
import { singleFlight } from '../../lib/throttle';

export interface Notice {
  /** i18n key under crisis.notice / crisis.errors. */
  key: string;
  tone: 'ok' | 'error';
  /** The core's own message (English), kept for the tooltip of an error. */
  detail?: string;
  at: number;
}

export interface LogFilter {
  /** A family of kinds ("checklist.*") or '' for everything. */
  family: string;
  actor: string;
}

interface CrisisStore {
  incidentId: string | null;
  catalog: CrisisCatalog | null;
  state: CrisisState | null;
  log: LogEvent[];
  logActors: string[];
  logFilter: LogFilter;
  /** Every event that can be a timeline marker, unfiltered. */
  markerEvents: LogEvent[];
  notice: Notice | null;
  busy: boolean;
  setIncident(id: string | null): void;
  loadCatalog(): Promise<void>;
  refresh(): Promise<void>;
  refreshLog(): Promise<void>;
  setLogFilter(filter: Partial<LogFilter>): void;
  /** Runs one contract call; true when it succeeded. */
  act<N extends CallName>(name: N, params: CallRequest<N>, ok?: string): Promise<CallResponse<N> | null>;
  dismissNotice(): void;
}

/** Kinds drawn as markers on the timeline (the rest stays in the log). */
export const MARKER_KINDS = [
  'incident.*',
  'level.*',
  'checklist.done',
  'statement.published',
  'statement.approved',
  'log.*',
  'mention.pinned',
  'clock.*',
  'alert',
];

export const useCrisisStore = create<CrisisStore>()((set, get) => {
  const refreshState = singleFlight(async () => {
    const id = get().incidentId;
    if (!id) return;
    try {
      const state = await api.call('crisis.state', { incidentId: id });
      if (get().incidentId === id) set({ state });
    } catch {
      // Keep the last good state; the connection badge says when the core is gone.
    }
  });
  const refreshLog = singleFlight(async () => {
    const id = get().incidentId;
    if (!id) return;
    const { family, actor } = get().logFilter;
    try {
      const [log, markers] = await Promise.all([
        api.call('log.list', {
          incidentId: id,
          limit: 1000,
          ...(family ? { kinds: [family] } : {}),
          ...(actor ? { actor } : {}),
        }),
        api.call('log.list', { incidentId: id, limit: 2000, kinds: MARKER_KINDS }),
      ]);
      if (get().incidentId !== id) return;
      set({ log: log.items, logActors: log.actors, markerEvents: markers.items });
    } catch {
      // As above.
    }
  });
  return {
    incidentId: null,
    catalog: null,
    state: null,
    log: [],
    logActors: [],
    logFilter: { family: '', actor: '' },
    markerEvents: [],
    notice: null,
    busy: false,
    setIncident: (id) => {
      if (id === get().incidentId) return;
      set({ incidentId: id, state: null, log: [], markerEvents: [], logActors: [] });
      void refreshState();
      void refreshLog();
    },
    loadCatalog: async () => {
      try {
        set({ catalog: await api.call('crisis.catalog', {}) });
      } catch {
        // Retried on the next incident change.
      }
    },
    refresh: async () => {
      await Promise.all([refreshState(), refreshLog()]);
    },
    refreshLog,
    setLogFilter: (filter) => {
      set({ logFilter: { ...get().logFilter, ...filter } });
      void refreshLog();
    },
    act: async (name, params, ok) => {
      set({ busy: true });
      try {
        const result = await api.call(name, params);
        set({ notice: ok ? { key: ok, tone: 'ok', at: Date.now() } : get().notice });
        await get().refresh();
        return result;
      } catch (err) {
        const code = err instanceof ApiError ? err.code : 'internal';
        set({
          notice: {
            key: `crisis.errors.${code}`,
            tone: 'error',
            detail: err instanceof Error ? err.message : String(err),
            at: Date.now(),
          },
        });
        return null;
      } finally {
        set({ busy: false });
      }
    },
    dismissNotice: () => set({ notice: null }),
  };
});
