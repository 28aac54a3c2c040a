import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../shared/model';
import { api } from '../../api';
import { useWarroomStore } from '../warroom/store';
import { LevelDialog } from './LevelDialog';
import { NewIncidentDialog } from './NewIncidentDialog';
import { StatusDialog } from './StatusDialog';
import { useCrisisStore } from './store';

/** Which incident is in focus, and what can be done to it: new, level, status. */
export function IncidentBar() {
  const { t } = useTranslation();
  const incident = useWarroomStore((s) => s.incident);
  const [all, setAll] = useState<Incident[]>([]);
  const [dialog, setDialog] = useState<null | 'new' | 'level' | 'stable' | 'closed' | 'active'>(null);
  const act = useCrisisStore((s) => s.act);

  useEffect(() => {
    const load = () =>
      void api
        .call('incidents.list', {})
        .then((r) => setAll(r.items))
        .catch(() => undefined);
    load();
    return api.on('incidents.changed', load);
  }, []);

  const titleOf = (i: Incident) => (i.isDemo ? t('incident.demoTitle') : i.title);
  return (
    <div className="incident-bar" data-testid="incident-bar">
      <label className="incident-bar__switch">
        <span className="visually-hidden">{t('crisis.incident.focus')}</span>
        <select
          className="select"
          value={incident?.id ?? ''}
          data-testid="incident-switch"
          title={t('crisis.incident.focus')}
          onChange={(e) => void act('incidents.focus', { id: e.target.value })}
        >
          {all.map((i) => (
            <option key={i.id} value={i.id}>
              {titleOf(i)} · {t(`incident.level.${i.level}`)} · {t(`incident.status.${i.status}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button" data-testid="incident-new" onClick={() => setDialog('new')}>
        {t('crisis.incident.new')}
      </button>
      {incident && incident.status !== 'closed' && (
        <button
          type="button"
          className="button"
          data-testid="incident-level"
          onClick={() => setDialog('level')}
        >
          {t('crisis.incident.changeLevel')}
        </button>
      )}
      {incident?.status === 'active' && (
        <button
          type="button"
          className="button"
          data-testid="incident-stable"
          onClick={() => setDialog('stable')}
        >
          {t('crisis.incident.markStable')}
        </button>
      )}
      {incident && incident.status !== 'active' && (
        <button
          type="button"
          className="button"
          data-testid="incident-reactivate"
          onClick={() => setDialog('active')}
        >
          {incident.status === 'closed' ? t('crisis.incident.reopen') : t('crisis.incident.reactivate')}
        </button>
      )}
      {incident && incident.status !== 'closed' && (
        <button
          type="button"
          className="button"
          data-testid="incident-close"
          onClick={() => setDialog('closed')}
        >
          {t('crisis.incident.close')}
        </button>
      )}
      {dialog === 'new' && <NewIncidentDialog onClose={() => setDialog(null)} />}
      {dialog === 'level' && incident && <LevelDialog incident={incident} onClose={() => setDialog(null)} />}
      {(dialog === 'stable' || dialog === 'closed' || dialog === 'active') && incident && (
        <StatusDialog incident={incident} to={dialog} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
