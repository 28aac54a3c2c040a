import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItemView, ClockView } from '../../../shared/crisis-model';
import { AddStepDialog } from './AddStepDialog';
import { ChecklistItemRow, type ItemAction } from './ChecklistItemRow';
import { ClockStartDialog } from './ClockStartDialog';
import { Dialog, Field } from './Dialog';
import { useCrisisStore } from './store';
import { useIncidentNow } from './useIncidentNow';

/** The escalation checklist: steps by phase, unlocked by level, with owners and due countdowns. */
export function ChecklistPanel() {
  const { t, i18n } = useTranslation();
  const state = useCrisisStore((s) => s.state);
  const catalog = useCrisisStore((s) => s.catalog);
  const act = useCrisisStore((s) => s.act);
  const now = useIncidentNow();
  const [action, setAction] = useState<{ kind: ItemAction; item: ChecklistItemView } | null>(null);
  const [adding, setAdding] = useState(false);
  const [clock, setClock] = useState<ClockView | null>(null);
  const [playbookId, setPlaybookId] = useState('');
  const [showLocked, setShowLocked] = useState(false);
  if (!state) return <p className="crisis-empty">{t('app.loading')}</p>;
  const en = i18n.language.startsWith('en');
  const closed = state.incident.status === 'closed';
  const notApplied = catalog?.playbooks.filter((p) => !state.appliedPlaybooks.includes(p.id)) ?? [];
  const lockedCount = state.checklist.reduce((n, p) => n + p.items.filter((i) => i.locked).length, 0);

  return (
    <div className="checklist" data-testid="checklist">
      <div className="checklist__tools">
        {state.appliedPlaybooks.length > 0 && (
          <span className="checklist__playbooks" data-testid="checklist-playbooks">
            {state.appliedPlaybooks
              .map((id) => catalog?.playbooks.find((p) => p.id === id))
              .map((p) => (p ? (en ? p.title.en : p.title.fr) : ''))
              .join(' · ')}
          </span>
        )}
        {!closed && notApplied.length > 0 && (
          <span className="checklist__apply">
            <select
              className="select"
              value={playbookId}
              aria-label={t('crisis.checklist.applyPlaybook')}
              data-testid="playbook-select"
              onChange={(e) => setPlaybookId(e.target.value)}
            >
              <option value="">{t('crisis.checklist.choosePlaybook')}</option>
              {notApplied.map((p) => (
                <option key={p.id} value={p.id}>
                  {en ? p.title.en : p.title.fr}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button"
              disabled={!playbookId}
              data-testid="playbook-apply"
              onClick={() =>
                void act(
                  'playbooks.apply',
                  { incidentId: state.incident.id, playbookId },
                  'crisis.notice.playbookApplied',
                ).then(() => setPlaybookId(''))
              }
            >
              {t('crisis.checklist.apply')}
            </button>
          </span>
        )}
        {!closed && (
          <button
            type="button"
            className="button"
            data-testid="checklist-add"
            onClick={() => setAdding(true)}
          >
            {t('crisis.checklist.add')}
          </button>
        )}
      </div>
      {state.clocks
        .filter((c) => c.startedAt === null)
        .map((c) => (
          <div key={c.clockId} className="checklist__clock" role="alert">
            <span>{t('crisis.checklist.clockNotStarted', { clock: en ? c.label.en : c.label.fr })}</span>
            <button
              type="button"
              className="button button--primary"
              data-testid={`clock-start-${c.clockId}`}
              onClick={() => setClock(c)}
            >
              {t('crisis.checklist.startClock')}
            </button>
          </div>
        ))}
      {state.checklist.length === 0 && <p className="crisis-empty">{t('crisis.checklist.empty')}</p>}
      <div className="checklist__scroll">
        {state.checklist.map((phase) => {
          const items = phase.items.filter((i) => showLocked || !i.locked);
          if (items.length === 0) return null;
          return (
            <section key={phase.phase} className="checklist__phase" data-testid={`phase-${phase.phase}`}>
              <h3 className="checklist__phase-title">
                {en ? phase.label.en : phase.label.fr}
                <span className="checklist__phase-count">
                  {t('crisis.checklist.progress', { done: phase.done, total: phase.total })}
                </span>
              </h3>
              <ul className="checklist__items">
                {items.map((item) => (
                  <ChecklistItemRow
                    key={item.id}
                    item={item}
                    now={now}
                    readOnly={closed}
                    onAction={(kind) => setAction({ kind, item })}
                  />
                ))}
              </ul>
            </section>
          );
        })}
        {lockedCount > 0 && (
          <button
            type="button"
            className="checklist__locked-toggle"
            data-testid="checklist-show-locked"
            aria-pressed={showLocked}
            onClick={() => setShowLocked((v) => !v)}
          >
            {showLocked
              ? t('crisis.checklist.hideLocked')
              : t('crisis.checklist.showLocked', { count: lockedCount })}
          </button>
        )}
      </div>
      {action && <ItemActionDialog action={action.kind} item={action.item} onClose={() => setAction(null)} />}
      {adding && <AddStepDialog incidentId={state.incident.id} onClose={() => setAdding(false)} />}
      {clock && (
        <ClockStartDialog incidentId={state.incident.id} clock={clock} onClose={() => setClock(null)} />
      )}
    </div>
  );
}

function ItemActionDialog({
  action,
  item,
  onClose,
}: {
  action: ItemAction;
  item: ChecklistItemView;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const act = useCrisisStore((s) => s.act);
  const [text, setText] = useState('');
  const required = action === 'skip' || action === 'comment';
  const submit = async () => {
    const value = text.trim();
    const ok =
      action === 'done'
        ? await act('checklist.complete', { itemId: item.id, comment: value }, 'crisis.notice.stepDone')
        : action === 'skip'
          ? await act('checklist.skip', { itemId: item.id, reason: value }, 'crisis.notice.stepSkipped')
          : action === 'reopen'
            ? await act('checklist.reopen', { itemId: item.id, reason: value }, 'crisis.notice.stepReopened')
            : await act('checklist.comment', { itemId: item.id, text: value }, 'crisis.notice.stepCommented');
    if (ok) onClose();
  };
  return (
    <Dialog
      title={t(`crisis.checklist.actionTitle.${action}`)}
      testId="step-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t(`crisis.checklist.actionSubmit.${action}`)}
      submitDisabled={required && !text.trim()}
    >
      <p className="crisis-dialog__text">{i18n.language.startsWith('en') ? item.title.en : item.title.fr}</p>
      <Field label={required ? t('crisis.checklist.commentRequired') : t('crisis.checklist.commentOptional')}>
        <input
          className="input"
          value={text}
          maxLength={4000}
          autoFocus
          data-testid="step-comment"
          onChange={(e) => setText(e.target.value)}
        />
      </Field>
    </Dialog>
  );
}
