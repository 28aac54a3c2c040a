import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { useTimelineMarkers } from '../timeline/markers';
import { askNotifyPermission, notifyPermission } from './notifications';
import { RisingPanel } from './RisingPanel';
import { useAnalysisStore } from './store';
import { SuggestionCard } from './SuggestionCard';
import { useAnalysisLive } from './useAnalysisLive';
import './analysis.css';

/** The war-room's analysis strip: suggested level with its decision, what's rising, the last alert. */
export function AnalysisPanel() {
  useAnalysisLive();
  const { t } = useTranslation();
  return (
    <section className="panel analysis" aria-label={t('analysis.panel.title')} data-testid="analysis-panel">
      <SuggestionCard />
      <RisingPanel />
      <AlertStatus />
    </section>
  );
}

function AlertStatus() {
  const { t } = useTranslation();
  const f = useFormat();
  const alerts = useAnalysisStore((s) => s.alerts);
  const select = useTimelineMarkers((s) => s.select);
  const [permission, setPermission] = useState(notifyPermission);
  const last = alerts[0];
  return (
    <div className="alert-status" data-testid="alert-status">
      <div className="alert-status__head">
        <h3 className="analysis__label" data-testid="alert-count">
          {t('analysis.panel.alerts', { count: alerts.length })}
        </h3>
        {permission === 'default' && (
          <button
            type="button"
            className="alert-status__bell"
            title={t('analysis.notify.enableHint')}
            aria-label={t('analysis.notify.enableHint')}
            data-testid="enable-notifications"
            onClick={() => void askNotifyPermission().then(setPermission)}
          >
            🔔
          </button>
        )}
      </div>
      {last ? (
        <button
          type="button"
          className="alert-status__last"
          data-testid="last-alert"
          onClick={() => select(`alert:${last.id}`)}
        >
          <span className="alert-status__time">
            {t('analysis.panel.lastAlert', { time: f.time(last.at) })}
          </span>
          <span className="alert-status__metric">{t(`analysis.alert.metric.${last.metric}`)}</span>
        </button>
      ) : (
        <p className="alert-status__none">{t('analysis.panel.noAlert')}</p>
      )}
    </div>
  );
}
