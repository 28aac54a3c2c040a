import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../settings/LanguageSwitch';
import { ConnectionBadge } from '../warroom/ConnectionBadge';
import { ImportPanel } from './ImportPanel';
import { QuarantinePanel } from './QuarantinePanel';
import { SourceEditor } from './SourceForm';
import { SourceList } from './SourceList';
import { useSourcesLive } from './useSourcesLive';
import './sources.css';

/** The Sources screen: followed sources on the left; file import and the quarantine on the right. */
export function SourcesScreen() {
  useSourcesLive();
  const { t } = useTranslation();
  const title = `${t('sources.title')} · ${t('app.name')}`;
  useEffect(() => {
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);
  return (
    <div className="sources" data-testid="sources-screen">
      <header className="sources__head">
        <div className="sources__titles">
          <h1 className="sources__title">{t('sources.title')}</h1>
          <span className="sources__subtitle">{t('sources.subtitle')}</span>
        </div>
        <div className="sources__tools">
          <ConnectionBadge />
          <LanguageSwitch />
        </div>
      </header>
      <main className="sources__body">
        <SourceList />
        <div className="sources__side">
          <ImportPanel />
          <QuarantinePanel />
        </div>
      </main>
      <SourceEditor />
    </div>
  );
}
