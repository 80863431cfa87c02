/** Option readers the command modules share. */
import { str, type Values } from '../command';

/** Lets `under-review` / `under_review` stand for the two-word status, as in search. */
export const statusWord = (s: string) => s.trim().toLowerCase().replace(/[-_]+/g, ' ');
export const optionalStatus = (s: string | undefined) => (s === undefined ? undefined : statusWord(s));

/** An option that may be set to nothing: absent = unchanged, "" = cleared. */
export const clearable = (v: Values, k: string): string | null | undefined => {
  const s = str(v, k);
  return s === undefined ? undefined : s.trim() === '' ? null : s;
};
