import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimelineMarkers, type TimelineMarker } from '../timeline/markers';
import { describeEvent } from './eventText';
import { useCrisisStore } from './store';

/** Marker ids of this feature: `crisis:<timeline event id>`. */
export const markerId = (eventId: number) => `crisis:${eventId}`;

export function eventIdOfMarker(id: string | null): number | null {
  if (!id?.startsWith('crisis:')) return null;
  const n = Number(id.slice(7));
  return Number.isInteger(n) ? n : null;
}

/** Publishes the incident's events as timeline markers, labels in the interface's language. */
export function useCrisisMarkers(): void {
  const { t, i18n } = useTranslation();
  const events = useCrisisStore((s) => s.markerEvents);
  const catalog = useCrisisStore((s) => s.catalog);
  const demo = useCrisisStore((s) => s.state?.incident.isDemo ?? false);
  useEffect(() => {
    const markers: TimelineMarker[] = events
      // Alerts are drawn by the analysis feature itself.
      .filter((e) => e.kind !== 'alert' && !e.kind.startsWith('analysis.'))
      .map((e) => {
        const d = describeEvent(e, t, i18n.language, catalog, demo ? t('incident.demoTitle') : undefined);
        return {
          id: markerId(e.id),
          at: e.at,
          kind: d.family,
          label: d.detail ? `${d.label} — ${d.detail}` : d.label,
        };
      });
    useTimelineMarkers.getState().setMarkers('crisis', markers);
  }, [events, catalog, demo, t, i18n.language]);
  useEffect(() => () => useTimelineMarkers.getState().setMarkers('crisis', []), []);
}
