import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ReferenceArea, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../../lib/format';
import { PLATFORM_COLORS, PLATFORM_ORDER } from '../../lib/platforms';
import { ChartTooltip, type ChartRow } from './ChartTooltip';
import type { VolumeData } from './store';
import { timeTicks } from './windows';

const AXIS = { fill: '#9aa7bd', fontSize: 12 };

/** Stacked bars of mentions per bucket, one colour per platform. */
export const VolumeChart = memo(function VolumeChart({ data }: { data: VolumeData }) {
  const { t } = useTranslation();
  const f = useFormat();
  const platforms = useMemo(() => PLATFORM_ORDER.filter((p) => data.platforms.includes(p)), [data.platforms]);
  const rows = useMemo<ChartRow[]>(
    // Every platform in every row (zeros included): the tooltip lists the bucket even when it is empty.
    () =>
      data.buckets.map((b) => ({
        ...Object.fromEntries(platforms.map((p) => [p, 0])),
        ...b.byPlatform,
        at: b.at,
        total: b.total,
      })),
    [data.buckets, platforms],
  );
  const size = data.bucketMinutes * 60_000;
  const ticks = useMemo(
    () => [...new Set(timeTicks(data.from, data.to).map((tick) => Math.floor(tick / size) * size))],
    [data.from, data.to, size],
  );
  const long = data.to - data.from > 20 * 3_600_000;
  const tickLabel = (at: number) => {
    const d = new Date(at);
    return long && d.getHours() === 0 && d.getMinutes() === 0 ? f.shortDate(at) : f.time(at);
  };
  const last = rows[rows.length - 1];
  return (
    <BarChart
      responsive
      data={rows}
      barCategoryGap="12%"
      margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
      style={{ width: '100%', height: '100%' }}
      role="img"
      aria-label={t('timeline.chart')}
    >
      <CartesianGrid stroke="#233047" vertical={false} />
      <XAxis
        dataKey="at"
        ticks={ticks}
        tickFormatter={tickLabel}
        tick={AXIS}
        tickLine={false}
        axisLine={{ stroke: '#33425c' }}
        interval={0}
        minTickGap={8}
      />
      <YAxis
        allowDecimals={false}
        tickFormatter={(n: number) => f.integer(n)}
        tick={AXIS}
        tickLine={false}
        axisLine={false}
        width={48}
      />
      {last && last.at + size > data.clock && (
        <ReferenceArea
          x1={last.at}
          x2={last.at}
          fill="#ffffff"
          fillOpacity={0.06}
          ifOverflow="extendDomain"
        />
      )}
      <Tooltip
        cursor={{ fill: 'rgba(255,255,255,0.08)', stroke: 'none' }}
        isAnimationActive={false}
        content={<ChartTooltip bucketMinutes={data.bucketMinutes} clock={data.clock} platforms={platforms} />}
      />
      {platforms.map((p) => (
        <Bar
          key={p}
          dataKey={p}
          name={t(`platform.${p}`)}
          stackId="volume"
          fill={PLATFORM_COLORS[p]}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  );
});
