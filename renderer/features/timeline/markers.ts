// Markers drawn on the timeline, contributed by other features (alerts, level changes, checklist steps,
// statements, decisions, notes, pinned mentions, protection cases). Each feature owns one named set and
// replaces it whole; the timeline draws the union and reports which marker was clicked.
import { create } from 'zustand';

export interface TimelineMarker {
  /** Unique across sets, e.g. `event:42` or `alert:7`. */
  id: string;
  at: number;
  /** What it is, for the icon and colour: alert, level, checklist, statement, decision, note, action, evidence, protection… */
  kind: string;
  /** Short label already translated, shown in the tooltip (rendered as text, never HTML). */
  label: string;
  /** Longer text shown when the marker is selected (translated, plain text). */
  detail?: string;
}

interface MarkersState {
  sets: Record<string, readonly TimelineMarker[]>;
  selectedId: string | null;
  setMarkers(set: string, markers: readonly TimelineMarker[]): void;
  select(id: string | null): void;
}

export const useTimelineMarkers = create<MarkersState>((set) => ({
  sets: {},
  selectedId: null,
  setMarkers: (name, markers) => set((s) => ({ sets: { ...s.sets, [name]: markers } })),
  select: (id) => set({ selectedId: id }),
}));

export function allMarkers(sets: Record<string, readonly TimelineMarker[]>): TimelineMarker[] {
  return Object.values(sets)
    .flat()
    .sort((a, b) => a.at - b.at);
}
