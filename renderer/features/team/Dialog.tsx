import { useEffect, useRef, type ReactNode } from 'react';

/** A modal dialog (native <dialog>: focus trap and Escape for free). */
export function Dialog({
  title,
  onClose,
  children,
  testId,
}: {
  title: string;
  onClose(): void;
  children: ReactNode;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="team-dialog"
      aria-labelledby="team-dialog-title"
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 className="team-dialog__title" id="team-dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
