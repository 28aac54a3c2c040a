import { useTranslation } from 'react-i18next';
import { SERIES_COLORS } from './series';

/** What the colours of the chart mean: bars by sentiment, lines for toxic and crisis words, rating. */
export function SeriesLegend({ withRating }: { withRating: boolean }) {
  const { t } = useTranslation();
  const keys: (keyof typeof SERIES_COLORS)[] = ['neg', 'neu', 'pos', 'toxic', 'crisis'];
  if (withRating) keys.push('rating');
  return (
    <ul className="series-legend" aria-label={t('analysis.timeline.series')} data-testid="series-legend">
      {keys.map((k) => (
        <li key={k} className="series-legend__item" data-series={k}>
          <span
            className={k === 'toxic' || k === 'crisis' || k === 'rating' ? 'series-legend__line' : 'swatch'}
            style={{ background: SERIES_COLORS[k] }}
            aria-hidden="true"
          />
          <span title={t(`analysis.series.${k}`)}>{t(`analysis.seriesShort.${k}`)}</span>
        </li>
      ))}
    </ul>
  );
}
