import { useTranslation } from 'react-i18next';
import { useTimelineStore } from './store';
import { WINDOWS } from './windows';

export function WindowSelector() {
  const { t } = useTranslation();
  const current = useTimelineStore((s) => s.window);
  const setWindow = useTimelineStore((s) => s.setWindow);
  return (
    <div className="segmented" role="group" aria-label={t('timeline.window')} data-testid="timeline-window">
      {WINDOWS.map((w) => (
        <button
          key={w}
          type="button"
          className="segmented__option"
          aria-pressed={current === w}
          title={t(`timeline.windowHints.${w}`)}
          data-testid={`timeline-window-${w}`}
          onClick={() => setWindow(w)}
        >
          {t(`timeline.windows.${w}`)}
        </button>
      ))}
    </div>
  );
}
