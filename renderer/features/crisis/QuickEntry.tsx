import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuickKind } from '../../../shared/crisis-model';
import { QUICK_KEYS, QUICK_KINDS } from './constants';
import { useCrisisStore } from './store';

/**
 * The scribe's box: type, Enter. The kind is one keystroke away — Alt+D decision, Alt+N note, Alt+A
 * action (or the three buttons) — and stays chosen for the next entry.
 */
export function QuickEntry({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const act = useCrisisStore((s) => s.act);
  const [kind, setKind] = useState<QuickKind>('decision');
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const submit = async () => {
    const value = text.trim();
    if (!value) return;
    const ok = await act('log.add', { incidentId, kind, text: value }, `crisis.notice.logged.${kind}`);
    if (ok) setText('');
    input.current?.focus();
  };
  return (
    <form
      className="quick-entry"
      data-testid="quick-entry"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="segmented" role="radiogroup" aria-label={t('crisis.log.entryKind')}>
        {QUICK_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            role="radio"
            aria-checked={kind === k}
            aria-pressed={kind === k}
            className={`segmented__option quick-entry__kind--${k}`}
            data-testid={`quick-kind-${k}`}
            title={t('crisis.log.kindShortcut', { key: QUICK_KEYS[k].toUpperCase() })}
            onClick={() => {
              setKind(k);
              input.current?.focus();
            }}
          >
            {t(`crisis.log.quick.${k}`)}
          </button>
        ))}
      </div>
      <input
        ref={input}
        className="input quick-entry__input"
        value={text}
        maxLength={4000}
        placeholder={t(`crisis.log.placeholder.${kind}`)}
        aria-label={t('crisis.log.entry')}
        data-testid="quick-entry-input"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (!e.altKey) return;
          const picked = QUICK_KINDS.find((k) => QUICK_KEYS[k] === e.key.toLowerCase());
          if (picked) {
            e.preventDefault();
            setKind(picked);
          }
        }}
      />
      <button
        type="submit"
        className="button button--primary"
        disabled={!text.trim()}
        data-testid="quick-entry-submit"
      >
        {t('crisis.log.add')}
      </button>
    </form>
  );
}
