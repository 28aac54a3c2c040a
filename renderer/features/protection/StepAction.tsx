import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useProtectionStore } from './store';

/** The one button a playbook step offers: reopen it, force it past unfinished prerequisites, or mark it done. */
export function StepAction({
  caseId,
  stepId,
  isDone,
  blocked,
}: {
  caseId: string;
  stepId: string;
  isDone: boolean;
  blocked: boolean;
}) {
  const { t } = useTranslation();
  const run = useProtectionStore((s) => s.run);
  if (isDone) {
    return (
      <button
        type="button"
        className="button button--ghost"
        onClick={() => void run(() => api.call('protection.step', { id: caseId, stepId, done: false }))}
      >
        {t('team.protection.steps.reopen')}
      </button>
    );
  }
  if (blocked) {
    return (
      <button
        type="button"
        className="button button--ghost"
        onClick={() =>
          void run(() => api.call('protection.step', { id: caseId, stepId, done: true, force: true }))
        }
      >
        {t('team.protection.steps.force')}
      </button>
    );
  }
  return (
    <button
      type="button"
      className="button"
      data-testid="step-done"
      onClick={() => void run(() => api.call('protection.step', { id: caseId, stepId, done: true }))}
    >
      {t('team.protection.steps.markDone')}
    </button>
  );
}
