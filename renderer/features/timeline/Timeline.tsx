import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { FollowLive } from './FollowLive';
import { allMarkers, useTimelineMarkers } from './markers';
import { MarkerDetail, MarkerRail } from './MarkerRail';
import { PlatformLegend } from './PlatformLegend';
import { SeriesLegend } from './SeriesLegend';
import { indexAt } from './series';
import { useTimelineStore } from './store';
import { useTimelineLive } from './useTimelineLive';
import { PLOT_LEFT, plotRight, VolumeChart } from './VolumeChart';
import { WindowSelector } from './WindowSelector';
import './timeline.css';

/** The live timeline: window, follow-live, markers of every feature, sentiment-stacked chart, brush. */
export function Timeline() {
  useTimelineLive();
  const { t } = useTranslation();
  const f = useFormat();
  const data = useTimelineStore((s) => s.data);
  const failing = useTimelineStore((s) => s.failing);
  const selection = useTimelineStore((s) => s.selection);
  const select = useTimelineStore((s) => s.select);
  const sets = useTimelineMarkers((s) => s.sets);
  const selectedId = useTimelineMarkers((s) => s.selectedId);
  const selectMarker = useTimelineMarkers((s) => s.select);
  const markers = useMemo(() => allMarkers(sets), [sets]);
  const selectedMarker = markers.find((m) => m.id === selectedId) ?? null;
  const withRating = data?.buckets.some((b) => b.ratingCount > 0) ?? false;
  const size = (data?.bucketMinutes ?? 1) * 60_000;
  // The rail follows the brushed (zoomed) part of the chart.
  const visible = data
    ? selection
      ? {
          from: data.from + indexAt(data.buckets, selection.from, size) * size,
          buckets:
            indexAt(data.buckets, selection.to - 1, size) - indexAt(data.buckets, selection.from, size) + 1,
        }
      : { from: data.from, buckets: data.buckets.length }
    : null;
  return (
    <section className="panel timeline" aria-labelledby="timeline-title" data-testid="timeline">
      <header className="panel__head">
        <div className="panel__titles">
          {/* The short title stands in when the column is narrow (a laptop), never a cut one. */}
          <h2 className="panel__title" id="timeline-title" aria-label={t('timeline.title')}>
            <span className="timeline__title-long">{t('timeline.title')}</span>
            <span className="timeline__title-short">{t('timeline.titleShort')}</span>
          </h2>
          {data && (
            <span className="panel__subtitle" data-testid="timeline-subtitle">
              {t('timeline.subtitle', { size: f.duration(data.bucketMinutes) })}
            </span>
          )}
        </div>
        <div className="timeline__controls">
          <FollowLive />
          <WindowSelector />
        </div>
      </header>
      {data && <SeriesLegend withRating={withRating} />}
      {data && visible && (
        <MarkerRail
          markers={markers}
          from={visible.from}
          bucketMs={size}
          buckets={visible.buckets}
          left={PLOT_LEFT + 4}
          right={plotRight(withRating) + 12}
          selectedId={selectedId}
          onSelect={selectMarker}
        />
      )}
      <div
        className="timeline__chart"
        data-testid="timeline-chart"
        data-total={data?.total ?? ''}
        data-buckets={data?.buckets.length ?? ''}
        data-bucket-minutes={data?.bucketMinutes ?? ''}
        data-selection={selection ? `${selection.from}-${selection.to}` : ''}
      >
        {data ? (
          <>
            <VolumeChart
              data={data}
              markers={markers}
              selectedMarker={selectedId}
              selection={selection}
              onSelect={select}
            />
            {data.total === 0 && <p className="timeline__overlay">{t('timeline.empty')}</p>}
            {selectedMarker && <MarkerDetail marker={selectedMarker} onClose={() => selectMarker(null)} />}
          </>
        ) : (
          <p className="timeline__overlay">{failing ? t('timeline.error') : t('timeline.loading')}</p>
        )}
      </div>
      {data && <PlatformLegend platforms={data.platforms} buckets={data.buckets} />}
      {data && failing && (
        <p className="panel__warning" role="status">
          {t('timeline.error')}
        </p>
      )}
    </section>
  );
}
