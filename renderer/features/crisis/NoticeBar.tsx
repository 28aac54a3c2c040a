import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCrisisStore } from './store';

const VISIBLE_MS = 6000;

/** One line saying what just happened, or why it could not (in the interface's language). */
export function NoticeBar() {
  const { t } = useTranslation();
  const notice = useCrisisStore((s) => s.notice);
  const dismiss = useCrisisStore((s) => s.dismissNotice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(dismiss, notice.tone === 'error' ? VISIBLE_MS * 2 : VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  if (!notice) return null;
  return (
    <div
      className={`crisis-notice crisis-notice--${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid="crisis-notice"
      data-tone={notice.tone}
      title={notice.detail}
    >
      <span>{t(notice.key, { defaultValue: t('crisis.errors.generic') })}</span>
      <button
        type="button"
        className="crisis-notice__close"
        aria-label={t('crisis.common.close')}
        onClick={dismiss}
      >
        ×
      </button>
    </div>
  );
}
