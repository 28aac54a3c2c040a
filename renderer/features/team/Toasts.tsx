import { useTranslation } from 'react-i18next';
import { usePick } from './labels';
import { useTeamStore } from './store';

/** Break notifications for the local user (and, for the lead, overdue breaks of the cell). */
export function Toasts() {
  const { t } = useTranslation();
  const pick = usePick();
  const toasts = useTeamStore((s) => s.toasts);
  const dismiss = useTeamStore((s) => s.dismissToast);
  if (toasts.length === 0) return null;
  return (
    <div className="team-toasts" role="status" aria-live="polite" data-testid="team-toasts">
      {toasts.map((x) => (
        <div key={x.id} className={`team-toast team-toast--${x.tone}`}>
          <strong>{x.memberName}</strong>
          <span>{pick(x.text)}</span>
          <button type="button" className="button button--ghost" onClick={() => dismiss(x.id)}>
            {t('team.notify.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
