import { useTranslation } from 'react-i18next';
import { useWarroomStore } from './store';

/** Where the data comes from is alive or not: the one thing to trust before reading any number. */
export function ConnectionBadge() {
  const { t } = useTranslation();
  const connection = useWarroomStore((s) => s.connection);
  const failing = useWarroomStore((s) => s.failing);
  const state = connection === 'online' && failing ? 'degraded' : connection;
  return (
    <span
      className={`connection connection--${state}`}
      role="status"
      data-testid="connection-badge"
      data-state={state}
    >
      <span className="connection__dot" aria-hidden="true" />
      {t(`connection.${state}`)}
    </span>
  );
}
