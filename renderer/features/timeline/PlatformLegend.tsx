import { useTranslation } from 'react-i18next';
import type { Platform, VolumeBucket } from '../../../shared/model';
import { useFormat } from '../../lib/format';
import { PLATFORM_COLORS, PLATFORM_ORDER } from '../../lib/platforms';

/** Translated platform names with their colour and their count over the window. */
export function PlatformLegend({ platforms, buckets }: { platforms: Platform[]; buckets: VolumeBucket[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const totals = new Map<string, number>();
  for (const b of buckets)
    for (const [p, n] of Object.entries(b.byPlatform)) totals.set(p, (totals.get(p) ?? 0) + n);
  const shown = PLATFORM_ORDER.filter((p) => platforms.includes(p));
  return (
    <ul className="legend" aria-label={t('timeline.legend')} data-testid="timeline-legend">
      {shown.map((p) => (
        <li key={p} className="legend__item" data-platform={p}>
          <span className="swatch" style={{ background: PLATFORM_COLORS[p] }} aria-hidden="true" />
          <span className="legend__name" title={t(`platform.${p}`)}>
            {t(`platform.${p}`)}
          </span>
          <span className="legend__count">{f.integer(totals.get(p) ?? 0)}</span>
        </li>
      ))}
    </ul>
  );
}
