/**
 * Labelled form controls: every control gets an accessible name through its <label>; its hint, what
 * the typed text will be saved as, and its error are tied to it with aria-describedby.
 */
import { useId, type ReactNode } from 'react';
import { DATE_EXAMPLES, describeIsoDate, NUMERIC_DATE_RULE, parseDate } from '../../../core/input/dates';
import { completeUrl } from '../../../core/input/urls';

interface Base {
  label: string;
  value: string;
  onChange(v: string): void;
  hint?: ReactNode;
  required?: boolean;
  /** A problem with this field (e.g. from the API's validation), shown under it and announced. */
  error?: string | null;
}

/** The hint, the read-back and the error under a control, and the aria attributes that tie them to it. */
function useNotes(hint: ReactNode, error: string | null | undefined, reading?: ReactNode) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const readingId = reading ? `${id}-reading` : undefined;
  const describedBy = [errorId, readingId, hintId].filter(Boolean).join(' ') || undefined;
  const aria = { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
  const notes = (
    <>
      {reading && (
        <div className="field-reading" id={readingId} data-testid="field-reading">
          {reading}
        </div>
      )}
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

/** What a typed date will be saved as ("Saved as 2025-01-28 (28 January 2025)"), or why it cannot be read yet. */
function dateReading(typed: string): ReactNode {
  if (!typed.trim()) return null;
  const r = parseDate(typed);
  return r.ok ? (
    <>
      Saved as <strong>{r.iso}</strong> ({describeIsoDate(r.iso)})
    </>
  ) : (
    <span className="muted">Not a date yet: {r.message}</span>
  );
}

export const DATE_HINT = `e.g. ${DATE_EXAMPLES}; ${NUMERIC_DATE_RULE}.`;

/**
 * A date typed as people write it (read by core/input/dates.ts and shown back as ISO beside the
 * field), with the browser's date picker beside it as another way in.
 */
export function DateField({ label, value, onChange, hint = DATE_HINT, error }: Omit<Base, 'required'>) {
  const { id, aria, notes } = useNotes(hint, error, dateReading(value));
  const r = value.trim() ? parseDate(value) : null;
  const picked = r?.ok && r.precision === 'day' ? r.iso : '';
  return (
    <div className="field">
      <label htmlFor={id} id={`${id}-label`}>
        {label}
      </label>
      <div className="date-field">
        <input id={id} type="text" autoComplete="off" value={value} {...aria} onChange={(e) => onChange(e.target.value)} />
        {/* Named "Calendar" (described by the field's label), so the label names one control only. */}
        <input type="date" className="date-picker" aria-label="Calendar" aria-describedby={`${id}-label`} value={picked} onChange={(e) => e.target.value && onChange(e.target.value)} />
      </div>
      {notes}
    </div>
  );
}

/** A web address; one typed without a scheme is completed (https://) and the completed form shown back. */
export function UrlField({ label, value, onChange, hint, error }: Omit<Base, 'required'>) {
  const r = value.trim() ? completeUrl(value) : null;
  const reading = r?.ok && r.completed ? (
    <>
      Saved as <strong>{r.url}</strong>
    </>
  ) : null;
  const { id, aria, notes } = useNotes(hint, error, reading);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" inputMode="url" autoComplete="off" value={value} {...aria} onChange={(e) => onChange(e.target.value)} />
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
