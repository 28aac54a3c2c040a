import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../shared/analysis-model';
import { api } from '../../api';
import { throttle } from '../../lib/throttle';
import { useTimelineMarkers, type TimelineMarker } from '../timeline/markers';
import { selectedRange, useTimelineStore } from '../timeline/store';
import { useWarroomStore } from '../warroom/store';
import { notifyDesktop } from './notifications';
import { useAnalysisStore } from './store';

const REFRESH_MS = 3000;

/** Alerts as timeline markers, in the interface's language. */
function alertMarkers(alerts: readonly Alert[], t: TFunction, lang: 'fr' | 'en') {
  return alerts.map<TimelineMarker>((a) => ({
    id: `alert:${a.id}`,
    at: a.at,
    kind: 'alert',
    label: t('analysis.alert.marker', { reason: t(`analysis.alert.metric.${a.metric}`) }),
    detail: [...a.reasons.map((r) => r.text[lang]), ...(a.cluster ? [`« ${a.cluster.text} »`] : [])].join(
      ' · ',
    ),
  }));
}

/**
 * Keeps the analysis panels live: suggestion and alerts of the focused incident (events + a slow
 * refresh while mentions arrive), alert markers on the timeline, "what's rising" for the chart's
 * selected window, and a desktop notification for each live alert.
 */
export function useAnalysisLive(): void {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'fr';
  const incidentId = useWarroomStore((s) => s.incident?.id ?? null);
  const alerts = useAnalysisStore((s) => s.alerts);

  useEffect(() => {
    const store = useAnalysisStore.getState();
    void store.loadSuggestion();
    if (incidentId) void store.loadAlerts(incidentId);
    const refresh = throttle(() => void useAnalysisStore.getState().loadSuggestion(), REFRESH_MS);
    const offs = [
      api.on('analysis.suggestion', (s) => useAnalysisStore.getState().setSuggestion(s)),
      api.on('analysis.alert', (a) => {
        if (a.incidentId !== incidentId) return;
        useAnalysisStore.getState().addAlert(a);
        if (a.live) {
          const reason = a.reasons[0]?.text[lang] ?? '';
          notifyDesktop(t('analysis.notify.title'), reason);
        }
      }),
      api.on('mentions.added', () => refresh()),
      api.on('incidents.changed', () => void useAnalysisStore.getState().loadSuggestion()),
    ];
    return () => {
      for (const off of offs) off();
      refresh.cancel();
    };
  }, [incidentId, lang, t]);

  useEffect(() => {
    useTimelineMarkers.getState().setMarkers('analysis', alertMarkers(alerts, t, lang));
  }, [alerts, t, lang]);

  useEffect(() => {
    const load = throttle(() => {
      const timeline = useTimelineStore.getState();
      const range = selectedRange(timeline);
      if (range) void useAnalysisStore.getState().loadRising(range, timeline.selection === null);
    }, 1500);
    load();
    const off = useTimelineStore.subscribe((s, prev) => {
      if (s.data !== prev.data || s.selection !== prev.selection) load();
    });
    return () => {
      off();
      load.cancel();
    };
  }, []);
}
