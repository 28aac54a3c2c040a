import { create } from 'zustand';
import type { QuarantineItem, RunReportView, SourceView } from '../../../shared/model';
import { ApiError, api } from '../../api';
import { singleFlight } from '../../lib/throttle';

export type SourceAction = 'pause' | 'resume' | 'run' | 'delete';

/** What the last action on a source said, until the next one (shown on its card). */
export type ActionOutcome =
  | { kind: 'run'; report: RunReportView }
  | { kind: 'failed'; action: SourceAction; code: string; message: string };

export type Editor = { mode: 'add' } | { mode: 'edit'; id: string } | null;

interface SourcesState {
  items: SourceView[];
  /** Source types the core knows. */
  types: string[];
  status: 'loading' | 'ready' | 'error';
  busy: Readonly<Record<string, SourceAction>>;
  outcomes: Readonly<Record<string, ActionOutcome>>;
  editor: Editor;
  load(): Promise<void>;
  act(id: string, action: SourceAction): Promise<void>;
  openEditor(editor: Editor): void;
}

const errorOf = (err: unknown) =>
  err instanceof ApiError
    ? { code: err.code, message: err.message }
    : { code: 'internal', message: err instanceof Error ? err.message : String(err) };

export const useSourcesStore = create<SourcesState>()((set, get) => {
  const patch = <K extends 'busy' | 'outcomes'>(key: K, id: string, value: SourcesState[K][string] | null) =>
    set((s) => {
      const next = { ...s[key] } as Record<string, unknown>;
      if (value === null) delete next[id];
      else next[id] = value;
      return { [key]: next } as Pick<SourcesState, K>;
    });

  return {
    items: [],
    types: [],
    status: 'loading',
    busy: {},
    outcomes: {},
    editor: null,
    load: singleFlight(async () => {
      try {
        const { items, types } = await api.call('sources.list', {});
        set({ items, types, status: 'ready' });
      } catch {
        // Keep the last good list on screen; say so only when there is none.
        if (get().status !== 'ready') set({ status: 'error' });
      }
    }),
    act: async (id, action) => {
      if (get().busy[id]) return;
      patch('busy', id, action);
      patch('outcomes', id, null);
      try {
        if (action === 'run') {
          const report = await api.call('sources.runNow', { id });
          patch('outcomes', id, { kind: 'run', report });
        } else if (action === 'delete') {
          await api.call('sources.delete', { id });
          set((s) => ({ items: s.items.filter((i) => i.id !== id) }));
        } else {
          const view = await api.call('sources.setPaused', { id, paused: action === 'pause' });
          set((s) => ({ items: s.items.map((i) => (i.id === id ? view : i)) }));
        }
      } catch (err) {
        patch('outcomes', id, { kind: 'failed', action, ...errorOf(err) });
      } finally {
        patch('busy', id, null);
        void get().load();
      }
    },
    openEditor: (editor) => set({ editor }),
  };
});

/** The latest time a listed record was refused again (a repeat changes no id, only this). */
const lastRefusal = (items: QuarantineItem[]) => items.reduce((t, q) => Math.max(t, q.lastSeenAt ?? 0), 0);

/** The quarantine list: the newest items, optionally of one source. */
export const QUARANTINE_LIMIT = 500;

interface QuarantineState {
  items: QuarantineItem[];
  total: number;
  status: 'loading' | 'ready' | 'error';
  /** A source id; null for every source. */
  sourceId: string | null;
  /** Items whose raw excerpt is unfolded (kept here: virtualized rows unmount when scrolled out). */
  expanded: ReadonlySet<number>;
  load(): Promise<void>;
  setSource(sourceId: string | null): void;
  toggle(id: number): void;
}

export const useQuarantineStore = create<QuarantineState>()((set, get) => ({
  items: [],
  total: 0,
  status: 'loading',
  sourceId: null,
  expanded: new Set(),
  load: singleFlight(async () => {
    const sourceId = get().sourceId;
    try {
      const { items, total } = await api.call('quarantine.list', {
        limit: QUARANTINE_LIMIT,
        ...(sourceId ? { sourceId } : {}),
      });
      if (get().sourceId !== sourceId) return;
      // Most refreshes find nothing new: keep the same rows so nothing re-renders.
      const current = get();
      const same =
        current.status === 'ready' &&
        total === current.total &&
        items.length === current.items.length &&
        items[0]?.id === current.items[0]?.id &&
        lastRefusal(items) === lastRefusal(current.items);
      if (!same) set({ items, total, status: 'ready' });
    } catch {
      if (get().status !== 'ready') set({ status: 'error' });
    }
  }),
  setSource: (sourceId) => {
    if (sourceId === get().sourceId) return;
    set({ sourceId, status: 'loading', items: [], total: 0 });
    void get().load();
  },
  toggle: (id) =>
    set((s) => {
      const expanded = new Set(s.expanded);
      if (!expanded.delete(id)) expanded.add(id);
      return { expanded };
    }),
}));
