// An approver's decision entered from this machine: a rejection with its reason, or a decision taken
// by someone else (by phone, by message) entered on their behalf, which the log will say.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementView } from '../../../shared/crisis-model';
import { Dialog, Field } from './Dialog';
import { useCrisisStore } from './store';

export type Decision = 'approved' | 'rejected';

export function DecisionDialog({
  statement,
  approver,
  decision,
  onClose,
}: {
  statement: StatementView;
  approver: string;
  decision: Decision;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const act = useCrisisStore((s) => s.act);
  const localActor = useCrisisStore((s) => s.state?.localActor ?? '');
  const [comment, setComment] = useState('');
  const onBehalf = approver !== localActor;
  const rejecting = decision === 'rejected';
  const submit = async () => {
    const ok = await act(
      'statements.decide',
      { statementId: statement.id, approver, decision, comment: comment.trim() },
      rejecting ? 'crisis.notice.rejected' : 'crisis.notice.approved',
    );
    if (ok) onClose();
  };
  return (
    <Dialog
      title={t(rejecting ? 'crisis.statements.rejectAs' : 'crisis.statements.approveAs', { who: approver })}
      testId={rejecting ? 'reject-dialog' : 'approve-dialog'}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t(rejecting ? 'crisis.statements.reject' : 'crisis.statements.approve')}
      submitDisabled={rejecting && !comment.trim()}
    >
      {onBehalf && (
        <p className="crisis-dialog__text" data-testid="on-behalf">
          {t('crisis.statements.onBehalf', { who: approver, me: localActor })}
        </p>
      )}
      <Field
        label={t(rejecting ? 'crisis.statements.rejectReason' : 'crisis.statements.howGiven')}
        hint={rejecting ? undefined : t('crisis.statements.howGivenHint')}
      >
        <input
          className="input"
          value={comment}
          autoFocus
          data-testid="decision-comment"
          onChange={(e) => setComment(e.target.value)}
        />
      </Field>
    </Dialog>
  );
}
