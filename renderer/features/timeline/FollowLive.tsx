import { useTranslation } from 'react-i18next';
import { useTimelineStore } from './store';

/** "Follow live": the chart's window moves with the incident clock; off, it stays put for reading. */
export function FollowLive() {
  const { t } = useTranslation();
  const live = useTimelineStore((s) => s.live);
  const setLive = useTimelineStore((s) => s.setLive);
  return (
    <button
      type="button"
      className="follow-live"
      aria-pressed={live}
      data-testid="timeline-follow"
      aria-label={t('analysis.timeline.follow')}
      title={t(live ? 'analysis.timeline.followOnHint' : 'analysis.timeline.followOffHint')}
      onClick={() => setLive(!live)}
    >
      <span className="follow-live__dot" aria-hidden="true" />
      <span className="follow-live__label">{t('analysis.timeline.follow')}</span>
    </button>
  );
}
