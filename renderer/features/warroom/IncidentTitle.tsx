import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../shared/model';

/** The demo incident's stored title is French: it is shown through i18n instead. */
export function useIncidentTitle(incident: Incident): string {
  const { t } = useTranslation();
  return incident.isDemo ? t('incident.demoTitle') : incident.title;
}

export function IncidentTitle({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const title = useIncidentTitle(incident);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className="incident-title">
      <h1 className="incident-title__text" data-testid="incident-title" title={title}>
        {title}
      </h1>
      {incident.isDemo && (
        <span className="tag tag--demo" title={t('incident.demoHint')} data-testid="demo-tag">
          {t('incident.demoTag')}
        </span>
      )}
    </div>
  );
}
