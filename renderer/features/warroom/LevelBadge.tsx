import { useTranslation } from 'react-i18next';
import type { Incident, Level } from '../../../shared/model';

export function LevelBadge({ level }: { level: Level }) {
  const { t } = useTranslation();
  return (
    <span
      className={`level-badge level-badge--${level}`}
      title={t('incident.levelLabel')}
      data-testid="level-badge"
      data-level={level}
    >
      {t(`incident.level.${level}`)}
    </span>
  );
}

export function StatusBadge({ status }: { status: Incident['status'] }) {
  const { t } = useTranslation();
  return (
    <span
      className={`status-badge status-badge--${status}`}
      title={t('incident.statusLabel')}
      data-testid="status-badge"
    >
      {t(`incident.status.${status}`)}
    </span>
  );
}
