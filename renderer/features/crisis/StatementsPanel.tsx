import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementView } from '../../../shared/crisis-model';
import { StatementCard } from './StatementCard';
import { StatementDraftDialog } from './StatementDraftDialog';
import { useCrisisStore } from './store';

/** Statements of the incident, newest first: drafts, approvals with their latency, publications. */
export function StatementsPanel() {
  const { t } = useTranslation();
  const state = useCrisisStore((s) => s.state);
  const [drafting, setDrafting] = useState(false);
  if (!state) return <p className="crisis-empty">{t('app.loading')}</p>;
  const closed = state.incident.status === 'closed';
  const list: StatementView[] = [...state.statements].reverse();
  return (
    <div className="statements" data-testid="statements">
      <div className="statements__tools">
        <span className="statements__hint">{t('crisis.statements.hint')}</span>
        {!closed && (
          <button
            type="button"
            className="button button--primary"
            data-testid="statement-new"
            onClick={() => setDrafting(true)}
          >
            {t('crisis.statements.new')}
          </button>
        )}
      </div>
      <div className="statements__scroll">
        {list.length === 0 && <p className="crisis-empty">{t('crisis.statements.empty')}</p>}
        {list.map((s) => (
          <StatementCard key={s.id} statement={s} readOnly={closed} />
        ))}
      </div>
      {drafting && <StatementDraftDialog onClose={() => setDrafting(false)} />}
    </div>
  );
}
