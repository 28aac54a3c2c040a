import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/team-model';
import { useFormat } from '../../lib/format';
import { usePick } from '../team/labels';
import { StepAction } from './StepAction';

type Step = CaseDetail['steps'][number];

/** One playbook step: title (unfolds its detail), owner, action, and who did it or what it waits for. */
export function StepRow({
  caseId,
  step: s,
  closed,
  blockedBy,
  open,
  onToggle,
}: {
  caseId: string;
  step: Step;
  closed: boolean;
  /** Titles of the prerequisite steps not done yet. */
  blockedBy: string[];
  open: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const pick = usePick();
  const isDone = s.doneAt !== null;
  return (
    <li
      className={`case-step${isDone ? ' case-step--done' : ''}`}
      data-testid="case-step"
      data-step={s.id}
      data-done={isDone}
    >
      <div className="case-step__head">
        <button type="button" className="case-step__title" aria-expanded={open} onClick={onToggle}>
          {pick(s.title)}
        </button>
        <span className="team-tag">
          {t(`team.protection.steps.owner.${s.owner}`, { defaultValue: s.owner })}
        </span>
        {!closed && (
          <StepAction caseId={caseId} stepId={s.id} isDone={isDone} blocked={blockedBy.length > 0} />
        )}
      </div>
      {isDone && (
        <p className="team-hint">
          {t('team.protection.steps.done', { time: f.dateTime(s.doneAt!), name: s.doneBy ?? '' })}
          {s.forced && <> · {t('team.protection.steps.forced')}</>}
        </p>
      )}
      {!isDone && blockedBy.length > 0 && (
        <p className="team-hint">{t('team.protection.steps.after', { steps: blockedBy.join(', ') })}</p>
      )}
      {open && <p className="case-step__detail">{pick(s.detail)}</p>}
    </li>
  );
}
