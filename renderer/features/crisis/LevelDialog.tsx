import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident, Level } from '../../../shared/model';
import { LEVELS } from './constants';
import { Dialog, Field } from './Dialog';
import { useCrisisStore } from './store';

/** Changing the level says why; raising it unlocks the playbook's steps of that level. */
export function LevelDialog({ incident, onClose }: { incident: Incident; onClose(): void }) {
  const { t } = useTranslation();
  const act = useCrisisStore((s) => s.act);
  const [level, setLevel] = useState<Level>(
    LEVELS[Math.min(LEVELS.indexOf(incident.level) + 1, LEVELS.length - 1)] ?? incident.level,
  );
  const [reason, setReason] = useState('');
  const submit = async () => {
    const ok = await act(
      'incidents.setLevel',
      { incidentId: incident.id, level, reason: reason.trim() },
      'crisis.notice.levelChanged',
    );
    if (ok) onClose();
  };
  return (
    <Dialog
      title={t('crisis.incident.changeLevel')}
      testId="level-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('crisis.incident.applyLevel')}
      submitDisabled={level === incident.level || !reason.trim()}
    >
      <div className="level-picker" role="radiogroup" aria-label={t('incident.levelLabel')}>
        {LEVELS.map((l) => (
          <button
            key={l}
            type="button"
            role="radio"
            aria-checked={level === l}
            className={`level-picker__option level-picker__option--${l}`}
            data-testid={`level-option-${l}`}
            onClick={() => setLevel(l)}
          >
            {t(`incident.level.${l}`)}
            {l === incident.level && <small> · {t('crisis.incident.current')}</small>}
          </button>
        ))}
      </div>
      <Field label={t('crisis.incident.reason')} hint={t('crisis.incident.reasonHint')}>
        <textarea
          className="input textarea"
          rows={3}
          value={reason}
          maxLength={2000}
          autoFocus
          data-testid="level-reason"
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
    </Dialog>
  );
}
