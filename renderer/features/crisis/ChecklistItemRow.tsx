import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItemView } from '../../../shared/crisis-model';
import { useFormat } from '../../lib/format';
import { formatDuration } from './countdown';

export type ItemAction = 'done' | 'skip' | 'reopen' | 'comment';

/** One step: what, who owns it, when it is due (countdown), and its actions. */
export const ChecklistItemRow = memo(function ChecklistItemRow({
  item,
  now,
  readOnly,
  onAction,
}: {
  item: ChecklistItemView;
  now: number;
  readOnly: boolean;
  onAction(kind: ItemAction): void;
}) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const en = i18n.language.startsWith('en');
  const units = { min: t('crisis.units.min'), h: t('crisis.units.h'), d: t('crisis.units.d') };
  const open = item.status === 'todo' && !item.locked;
  const remaining = open && item.dueAt !== null ? item.dueAt - now : null;
  const overdue = remaining !== null && remaining < 0;
  const className = [
    'step',
    `step--${item.status}`,
    item.locked ? 'step--locked' : '',
    overdue ? 'step--overdue' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const detail = en ? item.detail.en : item.detail.fr;
  return (
    <li
      className={className}
      data-testid="checklist-item"
      data-step={item.stepId}
      data-status={item.status}
      data-overdue={overdue}
      data-locked={item.locked}
    >
      <div className="step__main">
        <span className="step__mark" aria-hidden="true">
          {item.status === 'done' ? '✓' : item.status === 'skipped' ? '–' : item.locked ? '🔒' : '○'}
        </span>
        <div className="step__text">
          <span className="step__title" title={detail || undefined}>
            {en ? item.title.en : item.title.fr}
          </span>
          <span className="step__meta">
            {item.owner && <span className="step__owner">{t(`crisis.roles.${item.owner}`)}</span>}
            {item.locked && (
              <span>{t('crisis.checklist.unlocksAt', { level: t(`incident.level.${item.minLevel}`) })}</span>
            )}
            {remaining !== null && (
              <span className={overdue ? 'step__due step__due--late' : 'step__due'} data-testid="step-due">
                {/* Minutes: "04:07" beside "14 h 00" read like a time of day. */}
                {overdue
                  ? t('crisis.checklist.late', { time: formatDuration(remaining, units) })
                  : t('crisis.checklist.dueIn', { time: formatDuration(remaining, units) })}
              </span>
            )}
            {item.status !== 'todo' && item.doneAt !== null && (
              <span>
                {t(item.status === 'done' ? 'crisis.checklist.doneBy' : 'crisis.checklist.skippedBy', {
                  who: item.doneBy ?? '—',
                  time: f.time(item.doneAt),
                })}
              </span>
            )}
          </span>
          {item.note && <span className="step__note">{item.note}</span>}
        </div>
      </div>
      {!readOnly && !item.locked && (
        <div className="step__actions">
          {item.status === 'todo' ? (
            <>
              <button
                type="button"
                className="button button--small button--primary"
                data-testid="step-done"
                onClick={() => onAction('done')}
              >
                {t('crisis.checklist.done')}
              </button>
              <button
                type="button"
                className="button button--small"
                data-testid="step-skip"
                onClick={() => onAction('skip')}
              >
                {t('crisis.checklist.skip')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button--small"
              data-testid="step-reopen"
              onClick={() => onAction('reopen')}
            >
              {t('crisis.checklist.reopen')}
            </button>
          )}
          <button
            type="button"
            className="button button--small button--ghost"
            title={t('crisis.checklist.comment')}
            aria-label={t('crisis.checklist.comment')}
            onClick={() => onAction('comment')}
          >
            💬
          </button>
        </div>
      )}
    </li>
  );
});
