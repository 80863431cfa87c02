/** An evidence item's fields, for the evidence dialog and for a new claim's first evidence. */
import { CREDIBILITY, CREDIBILITY_FACTOR, credibilityText, DEFAULT_CREDIBILITY } from '../../../../core/grades';
import { STANCES, type Stance } from '../../../../core/types';
import type { EvidenceDraft } from '../../lib/evidence-form';
import { Select, TextArea, TextField } from '../fields';

const ATTRIBUTION_OPTIONS = [
  { value: 'no', label: 'Evidence about whether the claim is true' },
  { value: 'yes', label: 'Attribution only: shows the claim was made' },
];

/** "6 — truth cannot be judged (default)". */
export const CREDIBILITY_CHOICES = CREDIBILITY.map((c) => ({ value: String(c), label: c === DEFAULT_CREDIBILITY ? `${credibilityText(c)} (default)` : credibilityText(c) }));

export const CREDIBILITY_DEFAULT_HINT = `Admiralty 1–6: how far this information can be believed. Until you grade it, new evidence is ${DEFAULT_CREDIBILITY} (cannot be judged) and counts ${CREDIBILITY_FACTOR[DEFAULT_CREDIBILITY]} of confirmed information.`;

interface Props {
  draft: EvidenceDraft;
  onChange(d: EvidenceDraft): void;
  /** Errors by the evidence's own field names ("excerpt", "weight"). */
  errors: Record<string, string>;
}

export function EvidenceFields({ draft, onChange, errors }: Props) {
  const set = <K extends keyof EvidenceDraft>(key: K) => (v: EvidenceDraft[K]) => onChange({ ...draft, [key]: v });
  return (
    <>
      <Select label="Stance" value={draft.stance} options={STANCES.map((s) => ({ value: s, label: s }))} onChange={(v) => set('stance')(v as Stance)} error={errors.stance} />
      <Select label="Credibility" value={draft.credibility} options={CREDIBILITY_CHOICES} onChange={set('credibility')} hint={CREDIBILITY_DEFAULT_HINT} error={errors.credibility} />
      <TextArea label="Excerpt" value={draft.excerpt} onChange={set('excerpt')} rows={4} hint="The exact quote." error={errors.excerpt} />
      <TextField label="Locator" value={draft.locator} onChange={set('locator')} hint="Page, paragraph, timestamp or URL fragment." error={errors.locator} />
      <TextArea label="Evidence note" value={draft.note} onChange={set('note')} rows={2} error={errors.note} />
      <Select
        label="What it shows"
        value={draft.attribution}
        options={ATTRIBUTION_OPTIONS}
        onChange={(v) => set('attribution')(v as 'yes' | 'no')}
        hint="A statement that only shows the claim was made (the claimant's own word, or a report repeating it) counts 0."
        error={errors.attribution}
      />
      <TextField label="Weight" value={draft.weight} onChange={set('weight')} inputMode="decimal" hint="0 to 2; 1 is normal. How much this item counts, on top of its grades." error={errors.weight} />
    </>
  );
}
