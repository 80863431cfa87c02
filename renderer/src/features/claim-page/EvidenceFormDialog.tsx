/** Adds or edits evidence: pick (or create in place) a source, stance, credibility 1–6, the exact quote and where it is. */
import { useState, type FormEvent } from 'react';
import type { EvidenceView, QuoteSelectors, Source, Stance } from '../../../../core/types';
import { api, issuesUnder } from '../../api/client';
import { Dialog, DialogFooter } from '../../components/Dialog';
import { SafeText } from '../../components/SafeText';
import { EvidenceFields } from '../../components/forms/EvidenceFields';
import { SOURCE_CHOICE_FIELDS, SourceChoice, sourceChoiceInput, useSourceChoice } from '../../components/forms/SourceChoice';
import { prefixed } from '../../lib/form-input';
import { SOURCE_FIELDS } from '../../lib/source-form';
import { EVIDENCE_FIELDS, evidenceDraftOf, evidenceInput } from '../../lib/evidence-form';
import { useChangeForm } from '../../store/mutate';

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

const EVIDENCE_FORM_FIELDS = [...EVIDENCE_FIELDS, ...SOURCE_CHOICE_FIELDS, ...prefixed('newSource', SOURCE_FIELDS), 'claimId'];

export function EvidenceFormDialog({ claimId, evidence, initial, onClose }: Props) {
  const [draft, setDraft] = useState(() => evidenceDraftOf(evidence, initial));
  const choice = useSourceChoice(initial?.source ?? null);
  const { formRef, errors, setErrors, busy, run } = useChangeForm(EVIDENCE_FORM_FIELDS);

  /** The selection's selectors, while the quote is still the selected text of that source. */
  const selectorsFor = (text: string, sourceId: string) =>
    initial?.selectors && initial.selectors.exact === text && initial.source?.id === sourceId ? initial.selectors : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const built = evidenceInput(draft);
    if (!built.input) return setErrors({ byField: built.errors, rest: null });
    const fields = built.input;
    if (evidence) {
      if (await run(() => api.call('evidence.update', { id: evidence.id, ...fields }), { done: 'Evidence saved', scope: 'evidence' })) onClose();
      return;
    }
    // A new source typed here is created first; the evidence then cites it.
    const src = sourceChoiceInput(choice.state);
    if (!src.ok) return setErrors({ byField: src.errors, rest: null });
    const saved = await run(
      async () => {
        const { newSource } = src.value;
        const sourceId = newSource ? (await issuesUnder('newSource', () => api.call('sources.create', newSource))).id : src.value.sourceId!;
        choice.keep(sourceId);
        return api.call('evidence.create', { claimId, sourceId, ...fields, selectors: selectorsFor(fields.excerpt, sourceId) });
      },
      { done: 'Evidence added', scope: 'evidence' },
    );
    if (saved) onClose();
  };

  return (
    <Dialog title={evidence ? 'Edit evidence' : 'Add evidence'} onClose={onClose} wide>
      <form ref={formRef} onSubmit={submit} noValidate>
        {evidence ? (
          <p>
            Source: <SafeText text={evidence.source.title} />
          </p>
        ) : (
          <SourceChoice choice={choice} errors={errors.byField} />
        )}
        <EvidenceFields draft={draft} onChange={setDraft} errors={errors.byField} />
        <DialogFooter error={errors.rest} onCancel={onClose} submitLabel={evidence ? 'Save evidence' : 'Add evidence'} disabled={busy} />
      </form>
    </Dialog>
  );
}
