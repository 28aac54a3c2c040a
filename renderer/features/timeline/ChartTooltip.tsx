import { useTranslation } from 'react-i18next';
import type { TooltipContentProps } from 'recharts';
import type { Platform } from '../../../shared/model';
import { useFormat } from '../../lib/format';
import { PLATFORM_COLORS } from '../../lib/platforms';

export interface ChartRow {
  at: number;
  total: number;
  [platform: string]: number;
}

interface Props extends Partial<TooltipContentProps<number, string>> {
  bucketMinutes: number;
  clock: number;
  platforms: Platform[];
}

/** Bucket details: time span, total and per-platform counts, biggest first. */
export function ChartTooltip({ active, payload, bucketMinutes, clock, platforms }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const row = payload?.[0]?.payload as ChartRow | undefined;
  if (!active || !row) return null;
  const end = row.at + bucketMinutes * 60_000;
  const rows = platforms
    .map((p) => ({ p, n: row[p] ?? 0 }))
    .filter((r) => r.n > 0)
    .sort((a, b) => b.n - a.n);
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
