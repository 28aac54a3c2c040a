import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useProtectionStore } from './store';

/** Close the case, or reopen it once closed. */
export function CaseActions({ id, closed }: { id: string; closed: boolean }) {
  const { t } = useTranslation();
  const run = useProtectionStore((s) => s.run);
  return (
    <div className="team-dialog__actions">
      {closed ? (
        <button
          type="button"
          className="button"
          onClick={() => void run(() => api.call('protection.reopen', { id }))}
        >
          {t('team.protection.reopen')}
        </button>
      ) : (
        <button
          type="button"
          className="button"
          onClick={() => void run(() => api.call('protection.close', { id }))}
        >
          {t('team.protection.close')}
        </button>
      )}
    </div>
  );
}
