/** A source's fields, for the source dialog and for a new source typed inside the New claim flow. */
import { RELIABILITY_FACTOR, RELIABILITY, reliabilityText, DEFAULT_RELIABILITY, type Reliability } from '../../../../core/grades';
import { SOURCE_KINDS, type SourceKind } from '../../../../core/types';
import type { SourceDraft } from '../../lib/source-form';
import { DateField, Select, TextArea, TextField, UrlField } from '../fields';

interface Props {
  draft: SourceDraft;
  onChange(d: SourceDraft): void;
  /** Errors by the source's own field names ("title", "publishedAt"). */
  errors: Record<string, string>;
  /** Sources this one may repeat; none hides the control. */
  parents?: readonly { value: string; label: string }[];
  autoFocus?: boolean;
}

/** "F — reliability cannot be judged (default)": the default is stated where it is chosen. */
export const RELIABILITY_CHOICES = RELIABILITY.map((r) => ({ value: r, label: r === DEFAULT_RELIABILITY ? `${reliabilityText(r)} (default)` : reliabilityText(r) }));

export const RELIABILITY_DEFAULT_HINT = `Admiralty A–F: the source's track record. Until you grade it, a new source is ${DEFAULT_RELIABILITY} (cannot be judged) and its items count ${RELIABILITY_FACTOR[DEFAULT_RELIABILITY]} of an A source's.`;

export function SourceFields({ draft, onChange, errors, parents, autoFocus }: Props) {
  const set = <K extends keyof SourceDraft>(key: K) => (v: SourceDraft[K]) => onChange({ ...draft, [key]: v });
  return (
    <>
      <TextField label="Source title" value={draft.title} onChange={set('title')} required autoFocus={autoFocus} error={errors.title} />
      <UrlField label="Address (URL)" value={draft.url} onChange={set('url')} hint="e.g. reuters.com/technology/…: https:// is added when missing; mailto, doi and urn too." error={errors.url} />
      <TextField label="Publisher" value={draft.publisher} onChange={set('publisher')} error={errors.publisher} />
      <TextArea label="Authors" value={draft.authors} onChange={set('authors')} rows={2} hint="One per line." error={errors.authors} />
      <DateField label="Published" value={draft.publishedAt} onChange={set('publishedAt')} error={errors.publishedAt} />
      <Select label="Kind" value={draft.kind} options={SOURCE_KINDS.map((k) => ({ value: k, label: k }))} onChange={(v) => set('kind')(v as SourceKind)} error={errors.kind} />
      <Select
        label="Reliability"
        value={draft.reliability}
        options={RELIABILITY_CHOICES}
        onChange={(v) => set('reliability')(v as Reliability)}
        hint={RELIABILITY_DEFAULT_HINT}
        error={errors.reliability}
      />
      {parents && parents.length > 1 && (
        <Select label="Derived from" value={draft.derivedFromId} options={parents} onChange={set('derivedFromId')} hint="The source this one repeats (circular reporting check)." error={errors.derivedFromId} />
      )}
      <TextField
        label="Speaks for"
        value={draft.speaksFor}
        onChange={set('speaksFor')}
        hint="The party whose statements this source carries (e.g. the company itself); several separated by ';'. Its items count 0 for that party's own claims."
        error={errors.speaksFor}
      />
      <TextArea label="Source notes" value={draft.notes} onChange={set('notes')} rows={2} error={errors.notes} />
    </>
  );
}
