import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { TimelineMarker } from './markers';

const KIND_COLORS: Record<string, string> = {
  alert: '#ff5c6c',
  level: '#f5b642',
  checklist: '#3ad29f',
  statement: '#5aa7ff',
  decision: '#c58bff',
  note: '#9eabc1',
  action: '#7dd3fc',
  evidence: '#f0abfc',
  protection: '#fb923c',
};

export const markerColor = (kind: string) => KIND_COLORS[kind] ?? '#dce4f1';

interface Props {
  markers: readonly TimelineMarker[];
  /** Visible range of the chart: first bucket start, bucket size, bucket count. */
  from: number;
  bucketMs: number;
  buckets: number;
  left: number;
  right: number;
  selectedId: string | null;
  onSelect(id: string | null): void;
}

/** The markers of every feature over the chart, as buttons: keyboard and screen-reader reachable. */
export function MarkerRail({ markers, from, bucketMs, buckets, left, right, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const to = from + buckets * bucketMs;
  const shown = markers.filter((m) => m.at >= from && m.at < to);
  return (
    <div
      className="marker-rail"
      style={{ marginLeft: left, marginRight: right }}
      role="group"
      aria-label={t('analysis.timeline.markers')}
      data-testid="marker-rail"
    >
      {shown.map((m) => {
        const index = Math.floor((m.at - from) / bucketMs);
        const pct = ((index + 0.5) / buckets) * 100;
        const selected = m.id === selectedId;
        return (
          <button
            key={m.id}
            type="button"
            className="marker-rail__marker"
            data-kind={m.kind}
            data-testid="timeline-marker"
            data-marker-id={m.id}
            aria-pressed={selected}
            title={`${f.time(m.at)} · ${m.label}`}
            aria-label={`${f.time(m.at)} · ${m.label}`}
            style={{ left: `${pct}%`, background: markerColor(m.kind) }}
            onClick={() => onSelect(selected ? null : m.id)}
          />
        );
      })}
    </div>
  );
}

/** What the selected marker says, under the chart. */
export function MarkerDetail({ marker, onClose }: { marker: TimelineMarker; onClose(): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="marker-detail" data-testid="marker-detail" role="status">
      <span className="swatch" style={{ background: markerColor(marker.kind) }} aria-hidden="true" />
      <span className="marker-detail__time">{f.dateTime(marker.at)}</span>
      <span className="marker-detail__text">
        <strong>{marker.label}</strong>
        {marker.detail && <span> — {marker.detail}</span>}
      </span>
      <button
        type="button"
        className="marker-detail__close"
        onClick={onClose}
        aria-label={t('analysis.close')}
      >
        ×
      </button>
    </div>
  );
}
