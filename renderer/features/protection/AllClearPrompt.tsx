import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useProtectionStore } from './store';

/** The watch suggests the all-clear; a person accepts or rejects it, the core never closes on its own. */
export function AllClearPrompt({ id }: { id: string }) {
  const { t } = useTranslation();
  const run = useProtectionStore((s) => s.run);
  return (
    <div className="team-prompt" data-testid="all-clear">
      <span>{t('team.protection.allClear.suggested')}</span>
      <button
        type="button"
        className="button button--primary"
        onClick={() => void run(() => api.call('protection.allClear', { id, accept: true }))}
      >
        {t('team.protection.allClear.accept')}
      </button>
      <button
        type="button"
        className="button"
        onClick={() => void run(() => api.call('protection.allClear', { id, accept: false }))}
      >
        {t('team.protection.allClear.reject')}
      </button>
    </div>
  );
}
