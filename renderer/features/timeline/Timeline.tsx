import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { PlatformLegend } from './PlatformLegend';
import { useTimelineStore } from './store';
import { useTimelineLive } from './useTimelineLive';
import { VolumeChart } from './VolumeChart';
import { WindowSelector } from './WindowSelector';
import './timeline.css';

/** The live volume panel: window selector, stacked chart, legend. */
export function Timeline() {
  useTimelineLive();
  const { t } = useTranslation();
  const f = useFormat();
  const data = useTimelineStore((s) => s.data);
  const failing = useTimelineStore((s) => s.failing);
  return (
    <section className="panel timeline" aria-labelledby="timeline-title" data-testid="timeline">
      <header className="panel__head">
        <div className="panel__titles">
          <h2 className="panel__title" id="timeline-title">
            {t('timeline.title')}
          </h2>
          {data && (
            <span className="panel__subtitle" data-testid="timeline-subtitle">
              {t('timeline.subtitle', { size: f.duration(data.bucketMinutes) })}
            </span>
          )}
        </div>
        <WindowSelector />
      </header>
      <div
        className="timeline__chart"
        data-testid="timeline-chart"
        data-total={data?.total ?? ''}
        data-buckets={data?.buckets.length ?? ''}
        data-bucket-minutes={data?.bucketMinutes ?? ''}
      >
        {data ? (
          <>
            <VolumeChart data={data} />
            {data.total === 0 && <p className="timeline__overlay">{t('timeline.empty')}</p>}
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
