/** A modal dialog on the native <dialog>: focus is trapped, Esc closes, focus returns to the opener. */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { ErrorText } from './fields';

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  wide?: boolean;
}

export function Dialog({ title, onClose, children, wide }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const d = ref.current;
    if (d && !d.open) d.showModal();
    d?.querySelector<HTMLElement>('input, textarea, select')?.focus();
    return () => opener?.focus?.();
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close dialog" onClick={onClose}>
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}

interface FooterProps {
  error: string | null;
  onCancel(): void;
  submitLabel: string;
  /** `danger` for destructive actions. */
  tone?: 'primary' | 'danger';
  disabled?: boolean;
}

/** The end of a dialog form: the API's error (announced), then Cancel and the submit button. */
export function DialogFooter({ error, onCancel, submitLabel, tone = 'primary', disabled }: FooterProps) {
  return (
    <>
      <ErrorText error={error} />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className={tone} disabled={disabled}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
