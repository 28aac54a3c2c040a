import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { rememberFocus, restoreFocus } from '../../lib/focus-return';

interface DialogProps {
  title: string;
  testId: string;
  onClose(): void;
  /** Called on submit (Enter in a field, or the primary button). */
  onSubmit(): void;
  submitLabel: string;
  submitDisabled?: boolean;
  children: ReactNode;
  wide?: boolean;
}

/**
 * A modal form on the native <dialog>: focus stays inside, Escape closes, Enter submits. The first
 * field with `autoFocus` gets the focus.
 */
export function Dialog({
  title,
  testId,
  onClose,
  onSubmit,
  submitLabel,
  submitDisabled,
  children,
  wide,
}: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = ref.current;
    // The dialog leaves the page with its component: hand the keyboard back to where it was (the feed).
    const back = rememberFocus();
    if (el && !el.open) el.showModal();
    return () => {
      // Focus taken elsewhere while the dialog was open (the feed, by a click) stays there. Asked
      // before closing: closing moves the focus itself.
      const stay = el ? { dialog: el, active: document.activeElement } : null;
      el?.close();
      if (stay && stay.active && stay.active !== document.body && !stay.dialog.contains(stay.active)) return;
      restoreFocus(back);
    };
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!submitDisabled) onSubmit();
  };
  return (
    <dialog
      ref={ref}
      className={wide ? 'crisis-dialog crisis-dialog--wide' : 'crisis-dialog'}
      data-testid={testId}
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      // Keys typed in a dialog never reach the feed's shortcuts.
      onKeyDown={(e) => e.stopPropagation()}
    >
      <form className="crisis-dialog__form" onSubmit={submit}>
        <h2 className="crisis-dialog__title">{title}</h2>
        <div className="crisis-dialog__body">{children}</div>
        <div className="crisis-dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('crisis.common.cancel')}
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={submitDisabled}
            data-testid={`${testId}-submit`}
          >
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

export function Field({ label, children, hint }: { label: string; children: ReactNode; hint?: string }) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      {children}
      {hint && <span className="field__hint">{hint}</span>}
    </label>
  );
}
