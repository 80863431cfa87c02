/** Adds or edits evidence: pick (or create) a source, stance, credibility 1–6, the exact quote and where it is. */
import { useState, type FormEvent } from 'react';
import type { Credibility } from '../../../../core/grades';
import { STANCES, type EvidenceView, type QuoteSelectors, type Source, type Stance } from '../../../../core/types';
import { api } from '../../api/client';
import { Dialog, DialogFooter } from '../../components/Dialog';
import { SafeText } from '../../components/SafeText';
import { Select, TextArea, TextField } from '../../components/fields';
import { CREDIBILITY_OPTIONS } from '../../lib/grades-options';
import { mutate } from '../../store/mutate';
import { SourceFormDialog } from '../sources/SourceFormDialog';
import { SourcePicker } from './SourcePicker';

const ATTRIBUTION_OPTIONS = [
  { value: 'no', label: 'Evidence about whether the claim is true' },
  { value: 'yes', label: 'Attribution only: shows the claim was made' },
];

interface Props {
  claimId: string;
  /** Set when editing; the source of existing evidence stays as it is. */
  evidence?: EvidenceView;
  /** New evidence only: values to start from (the document viewer's selection: source, quote, locator). */
  initial?: EvidenceStart;
  onClose(): void;
}

export interface EvidenceStart {
  /** Absent: the analyst picks it (an observed indicator, issue 18). */
  source?: Pick<Source, 'id' | 'title' | 'reliability'>;
  excerpt: string;
  locator: string;
  stance?: Stance;
  note?: string;
  /** Where the excerpt was selected (captures.locate); sent while the excerpt is still that text. */
  selectors?: QuoteSelectors;
}

export function EvidenceFormDialog({ claimId, evidence, initial, onClose }: Props) {
  const [source, setSource] = useState<Pick<Source, 'id' | 'title' | 'reliability'> | null>(evidence?.source ?? initial?.source ?? null);
  const [stance, setStance] = useState<Stance>(evidence?.stance ?? initial?.stance ?? 'supports');
  const [credibility, setCredibility] = useState(String(evidence?.credibility ?? 6));
  const [excerpt, setExcerpt] = useState(evidence?.excerpt ?? initial?.excerpt ?? '');
  const [locator, setLocator] = useState(evidence?.locator ?? initial?.locator ?? '');
  const [note, setNote] = useState(evidence?.note ?? initial?.note ?? '');
  const [weight, setWeight] = useState(String(evidence?.weight ?? 1));
  const [attribution, setAttribution] = useState(evidence?.attribution ? 'yes' : 'no');
  const [error, setError] = useState<string | null>(null);
  const [newSource, setNewSource] = useState(false);

  /** The selection's selectors, while the quote is still the selected text of that source. */
  const selectorsFor = (text: string, sourceId: string) =>
    initial?.selectors && initial.selectors.exact === text && initial.source?.id === sourceId ? initial.selectors : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!source) return setError('Pick the source this evidence comes from.');
    const w = Number(weight);
    if (weight.trim() === '' || !Number.isFinite(w) || w < 0 || w > 2) return setError('Weight: give a number from 0 to 2.');
    const fields = { stance, credibility: Number(credibility) as Credibility, excerpt, locator: locator || null, note, weight: w, attribution: attribution === 'yes' };
    const err = evidence
      ? await mutate(() => api.call('evidence.update', { id: evidence.id, ...fields }), 'Evidence saved', 'evidence')
      : await mutate(() => api.call('evidence.create', { claimId, sourceId: source.id, ...fields, selectors: selectorsFor(excerpt, source.id) }), 'Evidence added', 'evidence');
    if (err) setError(err);
    else onClose();
  };

  if (newSource) return <SourceFormDialog onClose={() => setNewSource(false)} onSaved={(s) => (setSource(s), setNewSource(false))} />;
  return (
    <Dialog title={evidence ? 'Edit evidence' : 'Add evidence'} onClose={onClose} wide>
      <form onSubmit={submit}>
        {evidence ? (
          <p>
            Source: <SafeText text={evidence.source.title} />
          </p>
        ) : (
          <>
            <SourcePicker selected={source} onSelect={setSource} />
            <button type="button" className="small" onClick={() => setNewSource(true)}>
              New source…
            </button>
          </>
        )}
        <Select label="Stance" value={stance} options={STANCES.map((s) => ({ value: s, label: s }))} onChange={(v) => setStance(v as Stance)} />
        <Select label="Credibility" value={credibility} options={CREDIBILITY_OPTIONS} onChange={setCredibility} hint="Admiralty 1–6: how far this information can be believed." />
        <TextArea label="Excerpt" value={excerpt} onChange={setExcerpt} rows={4} hint="The exact quote." />
        <TextField label="Locator" value={locator} onChange={setLocator} hint="Page, paragraph, timestamp or URL fragment." />
        <TextArea label="Evidence note" value={note} onChange={setNote} rows={2} />
        <Select
          label="What it shows"
          value={attribution}
          options={ATTRIBUTION_OPTIONS}
          onChange={setAttribution}
          hint="A statement that only shows the claim was made (the claimant's own word, or a report repeating it) counts 0."
        />
        <TextField label="Weight" value={weight} onChange={setWeight} hint="0 to 2; 1 is normal. How much this item counts, on top of its grades." />
        <DialogFooter error={error} onCancel={onClose} submitLabel={evidence ? 'Save evidence' : 'Add evidence'} />
      </form>
    </Dialog>
  );
}
