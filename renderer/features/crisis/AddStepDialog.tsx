import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleId } from '../../../shared/crisis-model';
import { ROLE_IDS } from './constants';
import { Dialog, Field } from './Dialog';
import { useCrisisStore } from './store';

/** A step the playbook did not foresee: title, phase, owner, optional due time. */
export function AddStepDialog({ incidentId, onClose }: { incidentId: string; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const catalog = useCrisisStore((s) => s.catalog);
  const act = useCrisisStore((s) => s.act);
  const [title, setTitle] = useState('');
  const [phase, setPhase] = useState(catalog?.phases[2]?.id ?? 'contenir');
  const [owner, setOwner] = useState<RoleId | ''>('');
  const [due, setDue] = useState('');
  const en = i18n.language.startsWith('en');
  const submit = async () => {
    const minutes = Number(due);
    const ok = await act(
      'checklist.add',
      {
        incidentId,
        phase,
        title: title.trim(),
        owner: owner || null,
        ...(due && Number.isInteger(minutes) && minutes > 0 ? { dueInMinutes: minutes } : {}),
      },
      'crisis.notice.stepAdded',
    );
    if (ok) onClose();
  };
  return (
    <Dialog
      title={t('crisis.checklist.add')}
      testId="add-step-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('crisis.checklist.addSubmit')}
      submitDisabled={!title.trim()}
    >
      <Field label={t('crisis.checklist.stepTitle')}>
        <input
          className="input"
          value={title}
          maxLength={300}
          autoFocus
          data-testid="add-step-title"
          onChange={(e) => setTitle(e.target.value)}
        />
      </Field>
      <div className="field-row">
        <Field label={t('crisis.checklist.phase')}>
          <select className="select" value={phase} onChange={(e) => setPhase(e.target.value)}>
            {catalog?.phases.map((p) => (
              <option key={p.id} value={p.id}>
                {en ? p.label.en : p.label.fr}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('crisis.checklist.owner')}>
          <select className="select" value={owner} onChange={(e) => setOwner(e.target.value as RoleId | '')}>
            <option value="">{t('crisis.checklist.noOwner')}</option>
            {ROLE_IDS.map((r) => (
              <option key={r} value={r}>
                {t(`crisis.roles.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('crisis.checklist.dueInMinutes')}>
          <input
            className="input"
            type="number"
            min={1}
            value={due}
            onChange={(e) => setDue(e.target.value)}
          />
        </Field>
      </div>
    </Dialog>
  );
}
