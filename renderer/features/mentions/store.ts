import { create } from 'zustand';
import type { TriageFilter, TriageMention } from '../../../shared/crisis-model';
import type { Platform } from '../../../shared/model';
import { api } from '../../api';
import { isNewer } from '../../lib/keys';
import { singleFlight } from '../../lib/throttle';

/** Rows kept in memory at most; older pages stop loading past it (the search narrows instead). */
export const FEED_CAP = 5000;
const PAGE = 100;
/** New mentions are fetched by asking for the newest page; a full page means we may have missed some. */
const NEWEST_PAGE = 500;

interface FeedState {
  /** Displayed rows, newest first. */
  items: TriageMention[];
  /** Arrived while the reader was scrolled down: held back so the list does not move under their eyes. */
  pending: TriageMention[];
  /** More arrived than we could fetch in one go: the next flush reloads from the top. */
  gap: boolean;
  search: string;
  platform: Platform | null;
  /** Triage filters besides the search and the platform. */
  filters: Omit<TriageFilter, 'search' | 'platforms'>;
  /** The row the keyboard acts on. */
  focusedId: string | null;
  /** Rows picked for a bulk action. */
  selected: ReadonlySet<string>;
  setFilters(filters: Omit<TriageFilter, 'search' | 'platforms'>): void;
  focus(id: string | null): void;
  moveFocus(delta: 1 | -1): string | null;
  toggleSelected(id: string): void;
  clearSelection(): void;
  /** Rows a triage action applies to: the selection, else the focused row. */
  targets(): string[];
  /** Writes a triage change into the loaded rows (the core already stored it). */
  patch(
    ids: readonly string[],
    change: Partial<Pick<TriageMention, 'status' | 'assignee' | 'routedTo'>>,
  ): void;
  status: 'loading' | 'ready' | 'error';
  loadingOlder: boolean;
  hasMore: boolean;
  /** True while the list is scrolled to its top: new mentions then go straight in. */
  atTop: boolean;
  /** Bumped by every reset, so answers to an older query are dropped. */
  generation: number;
  /** Long mentions the reader unfolded (kept here: rows unmount when scrolled out). */
  expanded: ReadonlySet<string>;
  toggleExpanded(id: string): void;
  setSearch(search: string): void;
  setPlatform(platform: Platform | null): void;
  reload(): Promise<void>;
  loadOlder(): Promise<void>;
  fetchNew(): Promise<void>;
  setAtTop(atTop: boolean): void;
  flushPending(): void;
}

export const useFeedStore = create<FeedState>()((set, get) => {
  const query = () => {
    const { search, platform, filters } = get();
    const filter: TriageFilter = {
      ...filters,
      ...(search ? { search } : {}),
      ...(platform ? { platforms: [platform] } : {}),
    };
    return { filter };
  };

  /** A new-mentions signal that came while the first page was loading; replayed once it is in. */
  let signalWhileLoading = false;

  /**
   * Loads the newest page. `keep` leaves the current rows on screen until the answer is in (a refresh
   * of the same query); otherwise the list empties at once (a new query).
   */
  const reload = async (keep = false) => {
    const generation = get().generation + 1;
    signalWhileLoading = false;
    if (keep) set({ generation });
    else set({ generation, status: 'loading', items: [], pending: [], gap: false, hasMore: false });
    try {
      const { items } = await api.call('mentions.query', { limit: PAGE, ...query() });
      if (get().generation !== generation) return;
      set({ items, pending: [], gap: false, status: 'ready', hasMore: items.length === PAGE });
      if (signalWhileLoading) void get().fetchNew();
    } catch {
      if (get().generation === generation) set({ status: 'error' });
    }
  };

  return {
    items: [],
    pending: [],
    gap: false,
    search: '',
    platform: null,
    filters: {},
    focusedId: null,
    selected: new Set(),
    setFilters: (filters) => {
      set({ filters, selected: new Set() });
      void reload();
    },
    focus: (id) => set({ focusedId: id }),
    moveFocus: (delta) => {
      const { items, focusedId } = get();
      if (items.length === 0) return null;
      const at = focusedId ? items.findIndex((m) => m.id === focusedId) : -1;
      const next = items[Math.max(0, Math.min(items.length - 1, at < 0 ? 0 : at + delta))]!;
      set({ focusedId: next.id });
      return next.id;
    },
    toggleSelected: (id) =>
      set((s) => {
        const selected = new Set(s.selected);
        if (!selected.delete(id)) selected.add(id);
        return { selected };
      }),
    clearSelection: () => set({ selected: new Set() }),
    targets: () => {
      const { selected, focusedId } = get();
      if (selected.size > 0) return [...selected];
      return focusedId ? [focusedId] : [];
    },
    patch: (ids, change) => {
      const touched = new Set(ids);
      const apply = (list: TriageMention[]) => list.map((m) => (touched.has(m.id) ? { ...m, ...change } : m));
      set((s) => ({ items: apply(s.items), pending: apply(s.pending) }));
    },
    status: 'loading',
    loadingOlder: false,
    hasMore: false,
    atTop: true,
    generation: 0,
    expanded: new Set(),
    toggleExpanded: (id) =>
      set((s) => {
        const expanded = new Set(s.expanded);
        if (!expanded.delete(id)) expanded.add(id);
        return { expanded };
      }),
    setSearch: (search) => {
      if (search === get().search) return;
      set({ search });
      void reload();
    },
    setPlatform: (platform) => {
      if (platform === get().platform) return;
      set({ platform });
      void reload();
    },
    reload: () => reload(),
    loadOlder: async () => {
      const { items, hasMore, loadingOlder, status, generation } = get();
      const last = items[items.length - 1];
      if (!last || !hasMore || loadingOlder || status !== 'ready' || items.length >= FEED_CAP) return;
      set({ loadingOlder: true });
      try {
        const page = await api.call('mentions.query', {
          limit: PAGE,
          before: { createdAt: last.createdAt, id: last.id },
          ...query(),
        });
        if (get().generation !== generation) return;
        set((s) => ({
          items: [...s.items, ...page.items].slice(0, FEED_CAP),
          hasMore: page.items.length === PAGE,
          loadingOlder: false,
        }));
      } catch {
        if (get().generation === generation) set({ loadingOlder: false });
      }
    },
    fetchNew: singleFlight(async () => {
      const { status, generation, items, pending, gap } = get();
      if (status === 'loading') {
        signalWhileLoading = true;
        return;
      }
      if (status === 'error' || (!items[0] && !pending[0])) return reload(true);
      if (gap) return;
      const head = (pending[0] ?? items[0])!;
      const page = await api.call('mentions.query', { limit: NEWEST_PAGE, ...query() });
      if (get().generation !== generation) return;
      const fresh = page.items.filter((m) => isNewer(m, head));
      if (fresh.length === 0) return;
      const missed = fresh.length === page.items.length && page.items.length === NEWEST_PAGE;
      if (get().atTop && missed) return reload(true);
      if (get().atTop) {
        set((s) => ({
          items: [...fresh, ...s.items].slice(0, FEED_CAP),
          hasMore: s.hasMore || s.items.length + fresh.length > FEED_CAP,
        }));
      } else {
        set((s) => ({ pending: [...fresh, ...s.pending].slice(0, FEED_CAP), gap: s.gap || missed }));
      }
    }),
    setAtTop: (atTop) => {
      if (atTop === get().atTop) return;
      set({ atTop });
      if (atTop && get().pending.length > 0) get().flushPending();
    },
    flushPending: () => {
      if (get().gap) {
        void reload(true);
        return;
      }
      set((s) => ({
        items: [...s.pending, ...s.items].slice(0, FEED_CAP),
        pending: [],
        hasMore: s.hasMore || s.items.length + s.pending.length > FEED_CAP,
      }));
    },
  };
});
