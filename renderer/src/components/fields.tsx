/** Labelled form controls: every control gets an accessible name through its <label>. */
import { useId, type ReactNode } from 'react';

interface Base {
  label: string;
  value: string;
  onChange(v: string): void;
  hint?: ReactNode;
  required?: boolean;
  /** A problem with this field (e.g. from the API's validation), shown under it and announced. */
  error?: string | null;
}

/** The hint and error under a control, and the aria attributes that tie them to it. */
function useNotes(hint: ReactNode, error: string | null | undefined) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  const aria = { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
  const notes = (
    <>
      {hint && (
        <div className="hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && (
        <div className="field-error" id={errorId}>
          {error}
        </div>
      )}
    </>
  );
  return { id, aria, notes };
}

export function TextField({ label, value, onChange, hint, required, error, type = 'text', autoFocus, inputMode }: Base & { type?: string; autoFocus?: boolean; inputMode?: 'decimal' }) {
  const { id, aria, notes } = useNotes(hint, error);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type={type} inputMode={inputMode} value={value} required={required} autoFocus={autoFocus} {...aria} onChange={(e) => onChange(e.target.value)} />
      {notes}
    </div>
  );
}

export function TextArea({ label, value, onChange, hint, required, error, rows = 3, autoFocus }: Base & { rows?: number; autoFocus?: boolean }) {
  const { id, aria, notes } = useNotes(hint, error);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={rows} value={value} required={required} autoFocus={autoFocus} {...aria} onChange={(e) => onChange(e.target.value)} />
      {notes}
    </div>
  );
}

export function Select({ label, value, onChange, options, hint, error }: Base & { options: readonly { value: string; label: string }[] }) {
  const { id, aria, notes } = useNotes(hint, error);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} {...aria} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {notes}
    </div>
  );
}

export function ErrorText({ error }: { error: string | null }) {
  return error ? (
    <p className="error" role="alert">
      {error}
    </p>
  ) : null;
}
