import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/team-model';
import { useFormat } from '../../lib/format';

/** The last day's mentions of the person, hour by hour, against the baseline line. */
export function WatchChart({ watch: w }: { watch: CaseDetail['watch'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  // At least 1, so an empty day draws flat bars instead of dividing by zero.
  const max = Math.max(1, w.baselinePerHour, ...w.hourly.map((h) => h.count));
  return (
    <>
      <div className="case-chart" role="img" aria-label={t('team.protection.watch.chart')}>
        {w.hourly.map((h) => (
          <span
            key={h.hour}
            className={`case-chart__bar${h.count > w.baselinePerHour ? ' case-chart__bar--above' : ''}`}
            style={{ height: `${(h.count / max) * 100}%` }}
            title={`${f.time(h.hour)} — ${h.count}`}
          />
        ))}
        <span className="case-chart__baseline" style={{ bottom: `${(w.baselinePerHour / max) * 100}%` }} />
      </div>
      <p className="case-chart__axis" aria-hidden="true">
        <span>{t('team.protection.watch.dayAgo')}</span>
        <span>{t('team.protection.watch.now')}</span>
      </p>
    </>
  );
}
