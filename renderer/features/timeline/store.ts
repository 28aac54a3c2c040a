import { create } from 'zustand';
import type { Platform, VolumeBucket } from '../../../shared/model';
import { singleFlight } from '../../lib/throttle';
import { fetchVolume } from './volume';
import { rangeFor, type TimelineWindow, type VolumeRange } from './windows';

const STORAGE_KEY = 'vigie.timeline.window';

export interface VolumeData extends VolumeRange {
  buckets: VolumeBucket[];
  platforms: Platform[];
  /** The incident clock the range was computed from. */
  clock: number;
  total: number;
}

interface TimelineState {
  window: TimelineWindow;
  data: VolumeData | null;
  failing: boolean;
  /** Inputs of the next refresh, set by the live hook from the incident clock. */
  clock: number | null;
  openedAt: number | null;
  setWindow(window: TimelineWindow): void;
  follow(clock: number, openedAt: number): void;
  refresh(): Promise<void>;
}

function savedWindow(): TimelineWindow {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === '1h' || saved === '6h' || saved === '24h' || saved === 'all' ? saved : 'all';
}

export const useTimelineStore = create<TimelineState>()((set, get) => ({
  window: savedWindow(),
  data: null,
  failing: false,
  clock: null,
  openedAt: null,
  setWindow: (window) => {
    localStorage.setItem(STORAGE_KEY, window);
    set({ window, data: null });
    void get().refresh();
  },
  follow: (clock, openedAt) => set({ clock, openedAt }),
  refresh: singleFlight(async () => {
    const { window, clock, openedAt } = get();
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
