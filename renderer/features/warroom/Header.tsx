import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../settings/LanguageSwitch';
import { ConnectionBadge } from './ConnectionBadge';
import { IncidentTitle } from './IncidentTitle';
import { LevelBadge, StatusBadge } from './LevelBadge';
import { useWarroomStore } from './store';
import type { WallMode } from './useWallMode';

export function Header({ wall }: { wall?: WallMode }) {
  const { t } = useTranslation();
  const incident = useWarroomStore((s) => s.incident);
  return (
    <header className="topbar" data-testid="topbar">
      <div className="brand">
        <span className="brand__mark" aria-hidden="true" />
        <span className="brand__name">{t('app.name')}</span>
        <span className="brand__role">{t('app.role')}</span>
      </div>
      <div className="topbar__incident">
        {incident ? (
          <>
            <IncidentTitle incident={incident} />
            <LevelBadge level={incident.level} />
            <StatusBadge status={incident.status} />
          </>
        ) : incident === null ? (
          <span className="topbar__none" data-testid="no-incident">
            {t('incident.none')}
          </span>
        ) : null}
      </div>
      <div className="topbar__tools">
        <ConnectionBadge />
        {wall && (
          <button
            type="button"
            className="button button--small"
            aria-pressed={wall.on}
            data-testid="wall-toggle"
            title={t('crisis.wall.hint')}
            onClick={wall.toggle}
          >
            {t('crisis.wall.label')}
          </button>
        )}
        <LanguageSwitch />
      </div>
    </header>
  );
}
