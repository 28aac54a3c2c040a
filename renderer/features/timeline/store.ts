import { create } from 'zustand';
import type { Platform, VolumeBucket } from '../../../shared/model';
import { singleFlight } from '../../lib/throttle';
import { fetchVolume } from './volume';
import { rangeFor, WINDOWS, type TimelineWindow, type VolumeRange } from './windows';

const STORAGE_KEY = 'vigie.timeline.window';

export interface VolumeData extends VolumeRange {
  buckets: VolumeBucket[];
  platforms: Platform[];
  /** The incident clock the range was computed from. */
  clock: number;
  total: number;
}

/** A slice of the chart chosen with the brush (bucket starts, `to` exclusive). */
export interface TimeSelection {
  from: number;
  to: number;
}

interface TimelineState {
  window: TimelineWindow;
  data: VolumeData | null;
  failing: boolean;
  /** Inputs of the next refresh, set by the live hook from the incident clock. */
  clock: number | null;
  openedAt: number | null;
  /** Follow live: the window ends at the incident clock. Off: it stays where it was. */
  live: boolean;
  /** The clock the window was frozen at when "follow live" was turned off. */
  frozenAt: number | null;
  /** The brushed slice, or null for the whole window. */
  selection: TimeSelection | null;
  setWindow(window: TimelineWindow): void;
  setLive(live: boolean): void;
  select(selection: TimeSelection | null): void;
  follow(clock: number, openedAt: number): void;
  refresh(): Promise<void>;
}

function savedWindow(): TimelineWindow {
  const saved = localStorage.getItem(STORAGE_KEY);
  return (WINDOWS as readonly string[]).includes(saved ?? '') ? (saved as TimelineWindow) : 'all';
}

/** The window the panels work on: the brushed slice, or the whole chart. */
export function selectedRange(s: Pick<TimelineState, 'data' | 'selection'>): TimeSelection | null {
  if (s.selection) return s.selection;
  return s.data ? { from: s.data.from, to: Math.min(s.data.to, s.data.clock + 60_000) } : null;
}

export const useTimelineStore = create<TimelineState>()((set, get) => ({
  window: savedWindow(),
  data: null,
  failing: false,
  clock: null,
  openedAt: null,
  live: true,
  frozenAt: null,
  selection: null,
  setWindow: (window) => {
    localStorage.setItem(STORAGE_KEY, window);
    set({ window, data: null, selection: null });
    void get().refresh();
  },
  setLive: (live) => {
    set({ live, frozenAt: live ? null : get().clock });
    void get().refresh();
  },
  select: (selection) => set({ selection }),
  follow: (clock, openedAt) => set({ clock, openedAt }),
  refresh: singleFlight(async () => {
    const { window, clock: liveClock, openedAt, live, frozenAt } = get();
    const clock = live ? liveClock : (frozenAt ?? liveClock);
    if (clock === null || openedAt === null) return;
    const range = rangeFor(window, clock, openedAt);
    try {
      const res = await fetchVolume(range);
      // A window change while the call was in flight: that answer is for another chart.
      if (get().window !== window) return;
      const total = res.buckets.reduce((sum, b) => sum + b.total, 0);
      set({ data: { ...range, ...res, clock, total }, failing: false });
    } catch {
      set({ failing: true });
    }
  }),
}));
