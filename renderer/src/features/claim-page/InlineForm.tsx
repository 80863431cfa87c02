/** A small labelled form of text fields (and any controls passed as children); onSubmit returns an error message or null. */
import { useState, type FormEvent, type ReactNode } from 'react';
import { ErrorText, TextArea, TextField } from '../../components/fields';

export interface InlineField {
  name: string;
  label: string;
  initial?: string;
  multiline?: boolean;
}

interface Props {
  title: string;
  fields: InlineField[];
  submitLabel: string;
  onSubmit(values: Record<string, string>): Promise<string | null>;
  autoFocus?: boolean;
  /** More controls after the text fields (their state is the caller's). */
  children?: ReactNode;
}

export function InlineForm({ title, fields, submitLabel, onSubmit, autoFocus = true, children }: Props) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.name, f.initial ?? ''])));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(await onSubmit(values));
    setBusy(false);
  };
  const set = (name: string) => (v: string) => setValues((s) => ({ ...s, [name]: v }));
  return (
    <form className="inline-form" aria-label={title} onSubmit={submit}>
      {fields.map((f) =>
        f.multiline ? (
          <TextArea key={f.name} label={f.label} value={values[f.name] ?? ''} onChange={set(f.name)} rows={2} autoFocus={autoFocus && f === fields[0]} />
        ) : (
          <TextField key={f.name} label={f.label} value={values[f.name] ?? ''} onChange={set(f.name)} autoFocus={autoFocus && f === fields[0]} />
        ),
      )}
      {children}
      <ErrorText error={error} />
      <button type="submit" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
