/**
 * The renderer's one way to run a change: call the api → on success announce it and refresh the
 * slices it touched → on failure hand back the issues placed at the form's fields.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { fieldErrors, NO_ERRORS, type FieldErrors } from '../lib/field-errors';
import type { RefreshScope } from './detail';
import { useApp } from './index';

export interface ChangeOptions<T> {
  /** What is announced on success ("Claim created"). */
  done: string;
  /** Which slices the change touched (default: all). */
  scope?: RefreshScope;
  /** The form's field paths, so issues land at them; what no field claims is `rest`. */
  fields?: readonly string[];
  /** Runs after the change, before the refresh (e.g. open the new claim). */
  then?(value: T): void;
}

export type ChangeResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export async function runChange<T>(run: () => Promise<T>, opts: ChangeOptions<T>): Promise<ChangeResult<T>> {
  let value: T;
  try {
    value = await run();
  } catch (e) {
    return { ok: false, errors: fieldErrors(e, opts.fields ?? []) };
  }
  const s = useApp.getState();
  s.announce(opts.done);
  opts.then?.(value);
  await s.refreshAfterChange(opts.scope ?? 'all');
  return { ok: true, value };
}

/** For a single control: null on success, else the error message to show next to it. */
export async function mutate(run: () => Promise<unknown>, done: string, scope: RefreshScope = 'all'): Promise<string | null> {
  const r = await runChange(run, { done, scope });
  return r.ok ? null : (r.errors.rest ?? 'The change failed.');
}

/**
 * A form's side of runChange: its errors per field, a busy flag, and focus on the first invalid field
 * (scrolled into view) — or on the form's own error when no field is named — after each failed try.
 */
export function useChangeForm(fields: readonly string[]) {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrorsState] = useState<FieldErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  /** Shows errors found before any call (the form's own checks), focusing the first. */
  const setErrors = useCallback((e: FieldErrors) => {
    setErrorsState(e);
    if (Object.keys(e.byField).length || e.rest) setAttempt((n) => n + 1);
  }, []);

  useEffect(() => {
    if (!attempt) return;
    const form = formRef.current;
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('[role="alert"]');
    if (!target) return;
    if (target.getAttribute('role') === 'alert') target.tabIndex = -1;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'center' });
  }, [attempt]);

  const run = useCallback(
    async <T>(call: () => Promise<T>, opts: Omit<ChangeOptions<T>, 'fields'>): Promise<T | null> => {
      setBusy(true);
      const r = await runChange(call, { ...opts, fields });
      setBusy(false);
      if (r.ok) {
        setErrorsState(NO_ERRORS);
        return r.value;
      }
      setErrors(r.errors.rest || Object.keys(r.errors.byField).length ? r.errors : { byField: {}, rest: 'The change failed.' });
      return null;
    },
    [fields, setErrors],
  );

  return { formRef, errors, setErrors, busy, run };
}
