import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ProtectionPanel } from '../protection/ProtectionPanel';
import { useProtectionStore } from '../protection/store';
import { LanguageSwitch } from '../settings/LanguageSwitch';
import { ensureTeamBackground } from './background';
import { useTeamStore } from './store';
import { TeamBoard } from './TeamBoard';
import { Toasts } from './Toasts';
import './team.css';

// Break reminders, activity and exposure work on every screen, not only this one.
ensureTeamBackground();

/** The team screen: the board of the cell, and the "go private" protection cases. */
export function TeamScreen() {
  const { t } = useTranslation();
  const tab = useProtectionStore((s) => s.tab);
  const setTab = useProtectionStore((s) => s.setTab);
  const error = useTeamStore((s) => s.error);
  const clearError = useTeamStore((s) => s.clearError);
  useEffect(() => {
    void useTeamStore.getState().load();
  }, []);
  return (
    <div className="team-screen" data-testid="team-screen">
      <header className="team-screen__head">
        <div>
          <h1 className="team-screen__title">{t('team.title')}</h1>
          <p className="team-screen__subtitle">{t('team.subtitle')}</p>
        </div>
        <div className="team-screen__tools">
          <div className="segmented" role="tablist" aria-label={t('team.title')}>
            {(['board', 'protection'] as const).map((id) => (
              <button
                key={id}
                type="button"
                role="tab"
                className="segmented__option"
                aria-selected={tab === id}
                aria-pressed={tab === id}
                data-testid={`team-tab-${id}`}
                onClick={() => setTab(id)}
              >
                {t(`team.tabs.${id}`)}
              </button>
            ))}
          </div>
          <LanguageSwitch />
        </div>
      </header>
      {error && (
        <p className="team-error" role="alert">
          {t('team.error', { message: error })}{' '}
          <button type="button" className="button button--ghost" onClick={clearError}>
            {t('team.notify.dismiss')}
          </button>
        </p>
      )}
      <main className="team-screen__body">{tab === 'board' ? <TeamBoard /> : <ProtectionPanel />}</main>
      <Toasts />
    </div>
  );
}
