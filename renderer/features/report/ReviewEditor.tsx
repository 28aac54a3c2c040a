import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DateFields } from '../shell/DateFields';
import { useReportStore } from './store';

/** Summary, went well / did not, action items with owners: written in the app, printed in the export. */
export function ReviewEditor() {
  const { t } = useTranslation();
  const { draft, edit, save, saving, dirty, savedAt } = useReportStore();
  const setAction = (i: number, change: Partial<(typeof draft.actionItems)[number]>) =>
    edit({ actionItems: draft.actionItems.map((a, j) => (j === i ? { ...a, ...change } : a)) });
  // A new action row takes the keyboard: typing goes into it, not into the button (whose space
  // would add another empty row at each word).
  const actionsRef = useRef<HTMLFieldSetElement>(null);
  const added = useRef(false);
  const count = draft.actionItems.length;
  useEffect(() => {
    if (!added.current) return;
    added.current = false;
    const rows = actionsRef.current?.querySelectorAll('[data-testid="review-action"]');
    rows?.[rows.length - 1]?.querySelector('input')?.focus();
  }, [count]);
  return (
    <section className="report__panel report__review" aria-labelledby="report-review-title">
      <h2 id="report-review-title" className="report__panel-title">
        {t('report.review.heading')}
      </h2>
      <label className="report__field">
        <span>{t('report.review.summary')}</span>
        <textarea
          rows={4}
          value={draft.summary}
          placeholder={t('report.review.summaryHint')}
          onChange={(e) => edit({ summary: e.target.value })}
          data-testid="review-summary"
        />
      </label>
      <div className="report__pair">
        <label className="report__field">
          <span>{t('report.review.wentWell')}</span>
          <textarea
            rows={3}
            value={draft.wentWell}
            placeholder={t('report.review.linesHint')}
            onChange={(e) => edit({ wentWell: e.target.value })}
            data-testid="review-went-well"
          />
        </label>
        <label className="report__field">
          <span>{t('report.review.wentBadly')}</span>
          <textarea
            rows={3}
            value={draft.wentBadly}
            placeholder={t('report.review.linesHint')}
            onChange={(e) => edit({ wentBadly: e.target.value })}
            data-testid="review-went-badly"
          />
        </label>
      </div>
      <fieldset className="report__actions" ref={actionsRef}>
        <legend>{t('report.review.actions')}</legend>
        {draft.actionItems.map((a, i) => (
          <div className="report__action" key={i} data-testid="review-action">
            <input
              aria-label={t('report.review.action')}
              placeholder={t('report.review.action')}
              value={a.text}
              onChange={(e) => setAction(i, { text: e.target.value })}
            />
            <input
              aria-label={t('report.review.owner')}
              placeholder={t('report.review.owner')}
              value={a.owner}
              onChange={(e) => setAction(i, { owner: e.target.value })}
            />
            <DateFields
              label={t('report.review.due')}
              value={a.due ?? ''}
              onChange={(due) => setAction(i, { due: due || null })}
            />
            <button
              type="button"
              className="button button--quiet"
              aria-label={t('report.review.removeAction')}
              title={t('report.review.removeAction')}
              onClick={() => edit({ actionItems: draft.actionItems.filter((_, j) => j !== i) })}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button"
          data-testid="review-add-action"
          onClick={() => {
            added.current = true;
            edit({ actionItems: [...draft.actionItems, { text: '', owner: '', due: null }] });
          }}
        >
          {t('report.review.addAction')}
        </button>
      </fieldset>
      <div className="report__save">
        <span className={dirty ? 'report__status report__status--warn' : 'report__status'} role="status">
          {dirty ? t('report.review.unsaved') : savedAt ? t('report.review.saved') : ''}
        </span>
        <button
          type="button"
          className="button button--primary"
          disabled={saving || !dirty}
          onClick={() => void save()}
          data-testid="review-save"
        >
          {saving ? t('report.review.saving') : t('report.review.save')}
        </button>
      </div>
    </section>
  );
}
