/** Labelled form controls: every control gets an accessible name through its <label>. */
import { useId, type ReactNode } from 'react';

interface Base {
  label: string;
  value: string;
  onChange(v: string): void;
  hint?: ReactNode;
  required?: boolean;
}

export function TextField({ label, value, onChange, hint, required, type = 'text', autoFocus }: Base & { type?: string; autoFocus?: boolean }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type={type} value={value} required={required} autoFocus={autoFocus} onChange={(e) => onChange(e.target.value)} />
      {hint && <div className="hint">{hint}</div>}
    </div>
  );
}

export function TextArea({ label, value, onChange, hint, required, rows = 3, autoFocus }: Base & { rows?: number; autoFocus?: boolean }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={rows} value={value} required={required} autoFocus={autoFocus} onChange={(e) => onChange(e.target.value)} />
      {hint && <div className="hint">{hint}</div>}
    </div>
  );
}

export function Select({ label, value, onChange, options, hint }: Base & { options: readonly { value: string; label: string }[] }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && <div className="hint">{hint}</div>}
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
