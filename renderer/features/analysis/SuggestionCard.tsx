import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnalysisStore } from './store';

/** The level the analysis suggests, its reasons, and the human's decision: accept in one click or dismiss. */
export function SuggestionCard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'fr';
  const s = useAnalysisStore((st) => st.suggestion);
  const busy = useAnalysisStore((st) => st.busy);
  const message = useAnalysisStore((st) => st.message);
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const store = useAnalysisStore.getState;

  if (!s || !s.actionable) {
    return (
      <div className="suggestion suggestion--quiet" data-testid="suggestion">
        <h3 className="analysis__label">{t('analysis.panel.suggestion')}</h3>
        <p className="suggestion__quiet" data-testid="suggestion-quiet">
          {/* A dismissed suggestion is not "nothing to report": the stream still says that level. */}
          {s?.dismissed
            ? t('analysis.panel.dismissedQuiet', { level: t(`incident.level.${s.level}`) })
            : t('analysis.panel.noSuggestion')}
        </p>
        {message && <p className={`suggestion__msg suggestion__msg--${message.kind}`}>{message.text}</p>}
      </div>
    );
  }
  const level = t(`incident.level.${s.level}`);
  const windowMinutes = Math.round((s.at - s.windowFrom) / 60_000);
  const accept = async () => {
    const to = await store().accept(lang);
    if (to)
      store().say({ kind: 'ok', text: t('analysis.panel.accepted', { level: t(`incident.level.${to}`) }) });
  };
  const dismiss = async () => {
    if (!reason.trim()) return;
    if (await store().dismiss(reason.trim(), lang)) {
      setDismissing(false);
      setReason('');
    }
  };
  const actions = dismissing ? null : (
    <div className="suggestion__actions">
      <button
        type="button"
        className="button button--primary"
        disabled={busy}
        data-testid="accept-suggestion"
        onClick={() => void accept()}
      >
        {t('analysis.panel.accept', { level })}
      </button>
      <button
        type="button"
        className="button analysis__ghost"
        disabled={busy}
        data-testid="dismiss-suggestion"
        onClick={() => setDismissing(true)}
      >
        {t('analysis.panel.dismiss')}
      </button>
    </div>
  );
  return (
    <div className="suggestion" data-testid="suggestion" data-level={s.level}>
      <div className="suggestion__head">
        {/* The reasons count the last minutes of the stream, not the whole incident (the counters do). */}
        <h3
          className="analysis__label"
          title={t('analysis.panel.windowHint', { minutes: windowMinutes })}
          data-testid="suggestion-title"
        >
          {t('analysis.panel.suggestionWindow', { minutes: windowMinutes })}
        </h3>
        <span
          className={`level-badge level-badge--${s.level}`}
          data-testid="suggested-level"
          title={t('analysis.panel.current', { level: t(`incident.level.${s.current}`) })}
        >
          {level}
        </span>
        {actions}
      </div>
      {dismissing ? (
        <form
          className="suggestion__dismiss"
          onSubmit={(e) => {
            e.preventDefault();
            void dismiss();
          }}
        >
          <input
            className="input"
            aria-label={t('analysis.panel.dismissReason')}
            placeholder={t('analysis.panel.dismissPlaceholder')}
            value={reason}
            maxLength={500}
            autoFocus
            data-testid="dismiss-reason"
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" className="button" disabled={busy || !reason.trim()}>
            {t('analysis.panel.confirmDismiss')}
          </button>
          <button type="button" className="button analysis__ghost" onClick={() => setDismissing(false)}>
            {t('analysis.panel.cancel')}
          </button>
        </form>
      ) : (
        <ul className="suggestion__reasons" data-testid="suggestion-reasons">
          {s.reasons.slice(0, 3).map((r) => (
            <li key={r.code} title={r.text[lang]}>
              {r.text[lang]}
            </li>
          ))}
        </ul>
      )}
      {message && <p className={`suggestion__msg suggestion__msg--${message.kind}`}>{message.text}</p>}
    </div>
  );
}
