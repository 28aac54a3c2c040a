import { create } from 'zustand';
import type { Alert, Rising, Suggestion } from '../../../shared/analysis-model';
import { api } from '../../api';
import { singleFlight } from '../../lib/throttle';
import type { TimeSelection } from '../timeline/store';

interface AnalysisState {
  suggestion: Suggestion | null;
  alerts: Alert[];
  rising: Rising | null;
  /** Set while an accept or dismiss is in flight. */
  busy: boolean;
  /** Last action's outcome, shown in the card (already translated by the caller). */
  message: { kind: 'ok' | 'error'; text: string } | null;
  loadSuggestion(): Promise<void>;
  setSuggestion(s: Suggestion | null): void;
  loadAlerts(incidentId: string): Promise<void>;
  addAlert(a: Alert): void;
  /** `live`: the window follows the clock (no window picked on the chart). */
  loadRising(range: TimeSelection, live: boolean): Promise<void>;
  accept(lang: 'fr' | 'en'): Promise<string | null>;
  dismiss(reason: string, lang: 'fr' | 'en'): Promise<boolean>;
  say(message: AnalysisState['message']): void;
}

const fetchRising = singleFlight(async () => {
  const ask = risingAsk;
  if (!ask || ask.range.to <= ask.range.from) return;
  try {
    const rising = await api.call('analysis.rising', { ...ask.range, limit: 8 });
    // A window picked on the chart is shown for itself only. While following the clock, any answer is
    // newer than the one shown (runs are one at a time): dropping it because the clock moved meanwhile
    // would freeze the panel for as long as one computation outlasts the refresh (a big store, a storm).
    if (risingAsk === ask || (ask.live && risingAsk?.live)) useAnalysisStore.setState({ rising });
  } catch {
    // An empty or failing window keeps the last lists.
  }
});

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The window asked last, and whether it follows the clock (nothing picked on the chart). */
let risingAsk: { range: TimeSelection; live: boolean } | null = null;

export const useAnalysisStore = create<AnalysisState>()((set, get) => ({
  suggestion: null,
  alerts: [],
  rising: null,
  busy: false,
  message: null,
  loadSuggestion: singleFlight(async () => {
    try {
      set({ suggestion: await api.call('analysis.suggestion', {}) });
    } catch {
      // Keep the last suggestion; the next refresh tries again.
    }
  }),
  setSuggestion: (suggestion) => set({ suggestion }),
  loadAlerts: async (incidentId) => {
    try {
      const { items } = await api.call('analysis.alerts', { incidentId, limit: 200 });
      set({ alerts: items });
    } catch {
      // Same: the list stays as it was.
    }
  },
  addAlert: (a) => set((s) => (s.alerts.some((x) => x.id === a.id) ? s : { alerts: [a, ...s.alerts] })),
  loadRising: (range, live) => {
    risingAsk = { range, live };
    return fetchRising();
  },
  accept: async (lang) => {
    const s = get().suggestion;
    if (!s) return null;
    set({ busy: true, message: null });
    try {
      const incident = await api.call('analysis.acceptSuggestion', {
        incidentId: s.incidentId,
        level: s.level,
        lang,
      });
      await get().loadSuggestion();
      return incident.level;
    } catch (err) {
      set({ message: { kind: 'error', text: errorText(err) } });
      return null;
    } finally {
      set({ busy: false });
    }
  },
  dismiss: async (reason, lang) => {
    const s = get().suggestion;
    if (!s) return false;
    set({ busy: true, message: null });
    try {
      await api.call('analysis.dismissSuggestion', {
        incidentId: s.incidentId,
        level: s.level,
        reason,
        lang,
      });
      await get().loadSuggestion();
      return true;
    } catch (err) {
      set({ message: { kind: 'error', text: errorText(err) } });
      return false;
    } finally {
      set({ busy: false });
    }
  },
  say: (message) => set({ message }),
}));
