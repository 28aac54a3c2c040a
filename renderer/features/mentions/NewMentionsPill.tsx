import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { useFeedStore } from './store';

/** Shown while new mentions are held back because the reader scrolled down. */
export function NewMentionsPill({ onJump }: { onJump(): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const count = useFeedStore((s) => s.pending.length);
  const gap = useFeedStore((s) => s.gap);
  if (count === 0) return null;
  return (
    <button
      type="button"
      className="new-pill"
      data-testid="new-mentions-pill"
      data-count={count}
      onClick={onJump}
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <path d="M8 13V3M3.5 7.5 8 3l4.5 4.5" fill="none" stroke="currentColor" strokeWidth="2" />
      </svg>
      {t('feed.newMentions', { count, formatted: `${f.integer(count)}${gap ? '+' : ''}` })}
    </button>
  );
}
