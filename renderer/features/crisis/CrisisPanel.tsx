import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChecklistPanel } from './ChecklistPanel';
import { RolesPanel } from './RolesPanel';
import { StatementsPanel } from './StatementsPanel';
import { overdueSteps } from './overdue-steps';
import { useCrisisStore } from './store';
import { useIncidentNow } from './useIncidentNow';

const TABS = ['checklist', 'statements', 'roles'] as const;
type Tab = (typeof TABS)[number];
const STORAGE_KEY = 'vigie.crisis.tab';

/** The cell's side panel: escalation checklist, statements, roles. */
export function CrisisPanel() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>(() => {
    const saved = localStorage.getItem(STORAGE_KEY);
    return TABS.includes(saved as Tab) ? (saved as Tab) : 'checklist';
  });
  const state = useCrisisStore((s) => s.state);
  const now = useIncidentNow();
  const overdue = state ? overdueSteps(state, now) : 0;
  const pending = state?.statements.filter((s) => s.status === 'pending').length ?? 0;
  const choose = (next: Tab) => {
    localStorage.setItem(STORAGE_KEY, next);
    setTab(next);
  };
  return (
    <section className="panel crisis-panel" data-testid="crisis-panel" aria-label={t('crisis.panel.label')}>
      <div className="crisis-tabs" role="tablist">
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className="crisis-tabs__tab"
            data-testid={`crisis-tab-${id}`}
            onClick={() => choose(id)}
          >
            {t(`crisis.panel.${id}`)}
            {id === 'checklist' && overdue > 0 && (
              <span className="crisis-tabs__badge crisis-tabs__badge--alarm" data-testid="checklist-badge">
                {overdue}
              </span>
            )}
            {id === 'statements' && pending > 0 && <span className="crisis-tabs__badge">{pending}</span>}
          </button>
        ))}
      </div>
      <div className="crisis-panel__body" role="tabpanel">
        {tab === 'checklist' && <ChecklistPanel />}
        {tab === 'statements' && <StatementsPanel />}
        {tab === 'roles' && <RolesPanel />}
      </div>
    </section>
  );
}
