import { useTranslation } from 'react-i18next';
import type { TooltipContentProps } from 'recharts';
import type { Platform } from '../../../shared/model';
import { useFormat } from '../../lib/format';
import { PLATFORM_COLORS } from '../../lib/platforms';
import { SERIES_COLORS, type ChartRow } from './series';

interface Props extends Partial<TooltipContentProps<number, string>> {
  bucketMinutes: number;
  clock: number;
  platforms: Platform[];
}

/** Bucket details: time span, total, sentiment split, toxic and crisis counts, rating, platforms. */
export function ChartTooltip({ active, payload, bucketMinutes, clock, platforms }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const row = payload?.[0]?.payload as ChartRow | undefined;
  if (!active || !row) return null;
  const end = row.at + bucketMinutes * 60_000;
  const rows = platforms
    .map((p) => ({ p, n: row.byPlatform[p] ?? 0 }))
    .filter((r) => r.n > 0)
    .sort((a, b) => b.n - a.n);
  const series: { key: keyof typeof SERIES_COLORS; value: string }[] = [
    { key: 'neg', value: f.integer(row.neg) },
    { key: 'neu', value: f.integer(row.neu) },
    { key: 'pos', value: f.integer(row.pos) },
    { key: 'toxic', value: f.integer(row.toxic) },
    { key: 'crisis', value: f.integer(row.crisis) },
  ];
  if (row.rating !== null) series.push({ key: 'rating', value: `${f.decimal(row.rating)} ★` });
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip__time">
        {f.dateTime(row.at)} – {f.time(end)}
        {end > clock && <span className="chart-tooltip__partial"> · {t('timeline.inProgress')}</span>}
      </div>
      <div className="chart-tooltip__total">
        <span>{t('timeline.total')}</span>
        <strong>{f.integer(row.total)}</strong>
      </div>
      {series.map(({ key, value }) => (
        <div key={key} className="chart-tooltip__row">
          <span className="swatch" style={{ background: SERIES_COLORS[key] }} aria-hidden="true" />
          <span className="chart-tooltip__name">{t(`analysis.series.${key}`)}</span>
          <span className="chart-tooltip__value">{value}</span>
        </div>
      ))}
      {rows.length > 0 && <div className="chart-tooltip__sep" />}
      {rows.map(({ p, n }) => (
        <div key={p} className="chart-tooltip__row">
          <span className="swatch" style={{ background: PLATFORM_COLORS[p] }} aria-hidden="true" />
          <span className="chart-tooltip__name">{t(`platform.${p}`)}</span>
          <span className="chart-tooltip__value">{f.integer(n)}</span>
        </div>
      ))}
    </div>
  );
}
