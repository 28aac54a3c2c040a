import { useTranslation } from 'react-i18next';
import { useTimelineStore } from './store';
import { WINDOWS } from './windows';

export function WindowSelector() {
  const { t } = useTranslation();
  const current = useTimelineStore((s) => s.window);
  const setWindow = useTimelineStore((s) => s.setWindow);
  // The 15-minute window came with the analysis; its labels live in that namespace.
  const label = (w: (typeof WINDOWS)[number]) =>
    w === '15m' ? t('analysis.timeline.window15m') : t(`timeline.windows.${w}`);
  const hint = (w: (typeof WINDOWS)[number]) =>
    w === '15m' ? t('analysis.timeline.window15mHint') : t(`timeline.windowHints.${w}`);
  return (
    <div className="segmented" role="group" aria-label={t('timeline.window')} data-testid="timeline-window">
      {WINDOWS.map((w) => (
        <button
          key={w}
          type="button"
          className="segmented__option"
          aria-pressed={current === w}
          title={hint(w)}
          data-testid={`timeline-window-${w}`}
          onClick={() => setWindow(w)}
        >
          {label(w)}
        </button>
      ))}
    </div>
  );
}
