import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  Brush,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useFormat } from '../../lib/format';
import { PLATFORM_ORDER } from '../../lib/platforms';
import { ChartTooltip } from './ChartTooltip';
import { markerColor } from './MarkerRail';
import type { TimelineMarker } from './markers';
import { indexAt, SENTIMENT_SERIES, SERIES_COLORS, toRows } from './series';
import type { TimeSelection, VolumeData } from './store';
import { timeTicks } from './windows';

const AXIS = { fill: '#9aa7bd', fontSize: 12 };
/** Plot margins, shared with the marker rail so markers sit over their bars. */
export const PLOT_LEFT = 48;
export const plotRight = (withRating: boolean) => (withRating ? 12 + 34 : 12);

interface Props {
  data: VolumeData;
  markers: readonly TimelineMarker[];
  selectedMarker: string | null;
  selection: TimeSelection | null;
  onSelect(selection: TimeSelection | null): void;
}

/** Volume stacked by sentiment, toxic and crisis-word lines, average rating, markers, brush. */
export const VolumeChart = memo(function VolumeChart({
  data,
  markers,
  selectedMarker,
  selection,
  onSelect,
}: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const platforms = useMemo(() => PLATFORM_ORDER.filter((p) => data.platforms.includes(p)), [data.platforms]);
  const rows = useMemo(() => toRows(data.buckets), [data.buckets]);
  const withRating = rows.some((r) => r.rating !== null);
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
  const brush = selection
    ? { start: indexAt(rows, selection.from, size), end: indexAt(rows, selection.to - 1, size) }
    : { start: 0, end: Math.max(0, rows.length - 1) };
  return (
    <ComposedChart
      responsive
      data={rows}
      barCategoryGap="12%"
      margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
      style={{ width: '100%', height: '100%' }}
      role="img"
      aria-label={t('analysis.timeline.chart')}
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
        yAxisId="count"
        allowDecimals={false}
        tickFormatter={(n: number) => f.integer(n)}
        tick={AXIS}
        tickLine={false}
        axisLine={false}
        width={PLOT_LEFT}
      />
      {withRating && (
        <YAxis
          yAxisId="rating"
          orientation="right"
          domain={[1, 5]}
          ticks={[1, 3, 5]}
          tickFormatter={(n: number) => `${n}★`}
          tick={{ ...AXIS, fill: SERIES_COLORS.rating }}
          tickLine={false}
          axisLine={false}
          width={34}
        />
      )}
      {last && last.at + size > data.clock && (
        <ReferenceArea
          yAxisId="count"
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
      {SENTIMENT_SERIES.map((k) => (
        <Bar
          key={k}
          yAxisId="count"
          dataKey={k}
          name={t(`analysis.series.${k}`)}
          stackId="volume"
          fill={SERIES_COLORS[k]}
          isAnimationActive={false}
        />
      ))}
      {(['toxic', 'crisis'] as const).map((k) => (
        <Line
          key={k}
          yAxisId="count"
          dataKey={k}
          name={t(`analysis.series.${k}`)}
          type="monotone"
          stroke={SERIES_COLORS[k]}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
      ))}
      {withRating && (
        <Line
          yAxisId="rating"
          dataKey="rating"
          name={t('analysis.series.rating')}
          type="monotone"
          stroke="none"
          dot={{ r: 2, fill: SERIES_COLORS.rating, stroke: 'none' }}
          activeDot={{ r: 3 }}
          isAnimationActive={false}
        />
      )}
      {markers.map((m) => (
        <ReferenceLine
          key={m.id}
          yAxisId="count"
          x={rows[indexAt(rows, m.at, size)]?.at}
          stroke={markerColor(m.kind)}
          strokeDasharray={m.id === selectedMarker ? undefined : '3 3'}
          strokeWidth={m.id === selectedMarker ? 2 : 1}
          ifOverflow="hidden"
        />
      ))}
      {rows.length > 3 && (
        <Brush
          // A new bucket count remounts the brush: its travellers are laid out for the data it mounted with.
          key={`${rows.length}:${data.from}`}
          dataKey="at"
          height={18}
          travellerWidth={8}
          stroke="#5aa7ff"
          fill="#0d1424"
          tickFormatter={(at: number) => f.time(at)}
          startIndex={brush.start}
          endIndex={brush.end}
          onChange={({ startIndex, endIndex }) => {
            if (startIndex === undefined || endIndex === undefined) return;
            const whole = startIndex === 0 && endIndex === rows.length - 1;
            onSelect(whole ? null : { from: rows[startIndex]!.at, to: rows[endIndex]!.at + size });
          }}
        />
      )}
    </ComposedChart>
  );
});
