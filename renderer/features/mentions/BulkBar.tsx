import { useTranslation } from 'react-i18next';
import { useFeedStore } from './store';
import { setStatus } from './triage-actions';

/** Actions on the rows picked with x or their checkbox, all at once (one timeline event each). */
export function BulkBar({
  onAssign,
  onRoute,
}: {
  onAssign(ids: string[]): void;
  onRoute(ids: string[]): void;
}) {
  const { t } = useTranslation();
  const count = useFeedStore((s) => s.selected.size);
  const clear = useFeedStore((s) => s.clearSelection);
  if (count === 0) return null;
  const ids = () => [...useFeedStore.getState().selected];
  return (
    <div
      className="bulk-bar"
      data-testid="bulk-bar"
      role="toolbar"
      aria-label={t('crisis.triage.bulk', { count })}
    >
      <span className="bulk-bar__count">{t('crisis.triage.bulk', { count })}</span>
      <button
        type="button"
        className="button button--small"
        onClick={() => void setStatus(ids(), 'handled').then((ok) => ok && clear())}
      >
        {t('crisis.triage.markHandled')}
      </button>
      <button type="button" className="button button--small" onClick={() => onAssign(ids())}>
        {t('crisis.triage.assign')}
      </button>
      <button type="button" className="button button--small" onClick={() => onRoute(ids())}>
        {t('crisis.triage.route')}
      </button>
      <button type="button" className="button button--small button--ghost" onClick={clear}>
        {t('crisis.triage.clearSelection')}
      </button>
    </div>
  );
}
