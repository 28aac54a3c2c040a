import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/team-model';
import { useFormat } from '../../lib/format';
import { shortDuration } from '../team/duration';
import { WatchChart } from './WatchChart';

/** The watch of the person's mentions: current rate against the baseline, quiet time, earliest all-clear. */
export function WatchCard({ c, now }: { c: CaseDetail; now: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const w = c.watch;
  // The watch evaluates whole minutes; until the first one ends, the last hour's count says it.
  const rate = w.lastRatePerHour ?? w.liveRatePerHour;
  const above = rate > w.baselinePerHour;
  return (
    <section className="case-card" aria-labelledby="watch-title">
      <h3 className="case-section__title" id="watch-title">
        {t('team.protection.watch.title')}
      </h3>
      <p className={`case-card__big${above ? ' case-card__big--danger' : ''}`} data-testid="watch-rate">
        {t('team.protection.watch.rate', { rate: f.decimal(rate) })}
      </p>
      <p className="team-hint">
        {t('team.protection.watch.baseline', { rate: f.decimal(w.baselinePerHour) })}
        {' · '}
        {t(above ? 'team.protection.watch.above' : 'team.protection.watch.below')}
      </p>
      <WatchChart watch={w} />
      <p className="team-hint">
        {t('team.protection.watch.matched', { count: w.matched })}
        {w.quietForMs > 0 && (
          <>
            {' '}
            ·{' '}
            {t('team.protection.watch.quiet', {
              time: shortDuration(w.quietForMs),
              needed: shortDuration(w.quietMs),
            })}
          </>
        )}
      </p>
      {w.allClearEarliestAt !== null && c.status === 'open' && (
        <p className="team-hint">
          {t('team.protection.watch.earliest', { time: f.dateTime(Math.max(now, w.allClearEarliestAt)) })}
        </p>
      )}
    </section>
  );
}
