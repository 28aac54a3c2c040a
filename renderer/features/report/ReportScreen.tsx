import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettingsStore } from '../settings/store';
import { LanguageSwitch } from '../settings/LanguageSwitch';
import { ConnectionBadge } from '../warroom/ConnectionBadge';
import { ExportPanel } from './ExportPanel';
import { ReviewEditor } from './ReviewEditor';
import { useReportStore } from './store';
import './report.css';

/** The review screen: pick an incident, write what the cell takes away, export the document. */
export function ReportScreen() {
  const { t } = useTranslation();
  const { incidents, incidentId, load, select, setOptions } = useReportStore();
  const language = useSettingsStore((s) => s.language);
  const title = `${t('report.title')} · ${t('app.name')}`;
  useEffect(() => {
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);
  useEffect(() => {
    void load();
  }, [load]);
  // The document's language follows the interface's until the user picks another one.
  useEffect(() => {
    setOptions({ lang: language });
  }, [language, setOptions]);

  return (
    <div className="report" data-testid="report-screen">
      <header className="report__head">
        <div className="report__titles">
          <h1 className="report__title">{t('report.title')}</h1>
          <span className="report__subtitle">{t('report.subtitle')}</span>
        </div>
        <label className="report__incident">
          <span>{t('report.incident')}</span>
          <select
            className="select"
            value={incidentId ?? ''}
            onChange={(e) => void select(e.target.value)}
            disabled={!incidents || incidents.length === 0}
            data-testid="report-incident"
          >
            {(incidents ?? []).map((i) => (
              <option key={i.id} value={i.id}>
                {i.isDemo && i.id === 'demo' ? t('incident.demoTitle') : i.title}
              </option>
            ))}
          </select>
        </label>
        <div className="report__tools">
          <ConnectionBadge />
          <LanguageSwitch />
        </div>
      </header>
      {incidents === null ? (
        <main className="report__state">{t('report.loading')}</main>
      ) : incidents.length === 0 ? (
        <main className="report__state">{t('report.noIncident')}</main>
      ) : (
        <main className="report__body">
          <ReviewEditor />
          <ExportPanel />
        </main>
      )}
    </div>
  );
}
