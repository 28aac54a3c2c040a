// Protection cases as the core keeps them; publishes their markers on the incident timeline.
import i18next from 'i18next';
import { create } from 'zustand';
import type { CaseDetail, CaseSummary, PersonSuggestion } from '../../../shared/team-model';
import { api } from '../../api';
import { useTimelineMarkers, type TimelineMarker } from '../timeline/markers';

interface ProtectionState {
  tab: 'board' | 'protection';
  cases: CaseSummary[];
  selectedId: string | null;
  detail: CaseDetail | null;
  /** Page time when `detail` arrived (countdowns move on from there). */
  detailAt: number;
  creating: boolean;
  suggestions: PersonSuggestion[];
  /** Filled in the form when a case is opened from somewhere else (an alert aimed at a person). */
  prefill: Partial<Pick<PersonSuggestion, 'name' | 'kind' | 'handles' | 'alertId'>> | null;
  error: string | null;
  setTab(tab: 'board' | 'protection'): void;
  startLive(): void;
  loadCases(): Promise<void>;
  select(id: string | null): Promise<void>;
  /** Opens the form, prefilled when given (e.g. from a person-targeted alert: name and alert id). */
  startNew(prefill?: ProtectionState['prefill']): void;
  cancelNew(): void;
  /** Runs a call that answers with the case; shows errors, never throws. */
  run(call: () => Promise<CaseDetail | unknown>): Promise<boolean>;
}

let live = false;

export const useProtectionStore = create<ProtectionState>()((set, get) => ({
  tab: 'board',
  cases: [],
  selectedId: null,
  detail: null,
  detailAt: 0,
  creating: false,
  suggestions: [],
  prefill: null,
  error: null,
  setTab: (tab) => {
    set({ tab });
    if (tab === 'protection') get().startLive();
  },
  startLive: () => {
    if (live) return;
    live = true;
    void get().loadCases();
    api.on('protection.changed', ({ id }) => {
      void get().loadCases();
      if (get().selectedId === id) void get().select(id);
    });
    // The countdown moves by itself; the watch's rate is refreshed now and then.
    setInterval(() => {
      const id = get().selectedId;
      if (id) void get().select(id);
    }, 30_000);
    i18next.on('languageChanged', () => publishMarkers(get().cases, get().detail));
  },
  loadCases: async () => {
    try {
      const { items } = await api.call('protection.list', {});
      set({ cases: items });
      const s = get();
      if (s.selectedId === null && !s.creating && items[0]) void s.select(items[0].id);
      publishMarkers(items, get().detail);
    } catch {
      // the connection badge says when the core is away
    }
  },
  select: async (id) => {
    if (id === null) {
      set({ selectedId: null, detail: null });
      return;
    }
    set({ selectedId: id, creating: false });
    try {
      const detail = await api.call('protection.get', { id });
      if (get().selectedId === id) set({ detail, detailAt: Date.now(), error: null });
      publishMarkers(get().cases, detail);
    } catch (err) {
      set({ error: err instanceof Error ? err.message : String(err) });
    }
  },
  startNew: (prefill) => {
    set({ tab: 'protection', creating: true, prefill: prefill ?? null });
    get().startLive();
    void api
      .call('protection.suggestions', {})
      .then(({ items }) => set({ suggestions: items }))
      .catch(() => undefined);
  },
  cancelNew: () => set({ creating: false }),
  run: async (call) => {
    try {
      const result = await call();
      const detail =
        result && typeof result === 'object' && 'steps' in result ? (result as CaseDetail) : null;
      if (detail) set({ detail, detailAt: Date.now(), selectedId: detail.id, creating: false, error: null });
      else set({ error: null });
      await get().loadCases();
      if (!detail && get().selectedId) await get().select(get().selectedId);
      return true;
    } catch (err) {
      set({ error: err instanceof Error ? err.message : String(err) });
      return false;
    }
  },
}));

function publishMarkers(cases: CaseSummary[], detail: CaseDetail | null): void {
  const en = i18next.language.startsWith('en');
  const markers: TimelineMarker[] = cases.map((c) => ({
    id: `protection:${c.id}`,
    at: c.openedAt,
    kind: 'protection',
    label: i18next.t('team.protection.marker', { name: c.personName }),
  }));
  for (const e of detail?.events ?? []) {
    if (e.kind === 'case_opened' || e.kind === 'baseline_set') continue;
    markers.push({
      id: `protection:${detail!.id}:${e.seq}`,
      at: e.at,
      kind: 'protection',
      label: en ? e.text_en : e.text_fr,
    });
  }
  useTimelineMarkers.getState().setMarkers('team', markers);
}
