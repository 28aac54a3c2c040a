import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../shared/model';
import { Dialog, Field } from './Dialog';
import { useCrisisStore } from './store';

/** active → stable → closed, stable → active, closed → active (reopening needs a reason). */
export function StatusDialog({
  incident,
  to,
  onClose,
}: {
  incident: Incident;
  to: 'active' | 'stable' | 'closed';
  onClose(): void;
}) {
  const { t } = useTranslation();
  const act = useCrisisStore((s) => s.act);
  const [reason, setReason] = useState('');
  const required = to === 'active' && incident.status === 'closed';
  const submit = async () => {
    const ok = await act(
      'incidents.setStatus',
      { incidentId: incident.id, status: to, reason: reason.trim() },
      'crisis.notice.statusChanged',
    );
    if (ok) onClose();
  };
  return (
    <Dialog
      title={t(`crisis.incident.statusTitle.${to}`)}
      testId="status-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t(`crisis.incident.statusTitle.${to}`)}
      submitDisabled={required && !reason.trim()}
    >
      <p className="crisis-dialog__text">{t(`crisis.incident.statusHint.${to}`)}</p>
      <Field label={required ? t('crisis.incident.reason') : t('crisis.incident.reasonOptional')}>
        <textarea
          className="input textarea"
          rows={2}
          value={reason}
          maxLength={2000}
          autoFocus
          data-testid="status-reason"
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
    </Dialog>
  );
}
