/** Add or edit a source: title, address, publisher, authors, kind, reliability A–F, lineage, whom it speaks for. */
import { useState, type FormEvent } from 'react';
import type { Source } from '../../../../core/types';
import { api } from '../../api/client';
import { Dialog, DialogFooter } from '../../components/Dialog';
import { SourceFields } from '../../components/forms/SourceFields';
import { SOURCE_FIELDS, sourceDraftOf, sourceInput } from '../../lib/source-form';
import { useApp } from '../../store';
import { useChangeForm } from '../../store/mutate';

interface Props {
  source?: Source;
  onClose(): void;
  onSaved?(s: Source): void;
}

export function SourceFormDialog({ source, onClose, onSaved }: Props) {
  const sources = useApp((s) => s.sources);
  const [draft, setDraft] = useState(() => sourceDraftOf(source));
  const { formRef, errors, setErrors, busy, run } = useChangeForm(SOURCE_FIELDS);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const built = sourceInput(draft);
    if (!built.input) return setErrors({ byField: built.errors, rest: null });
    const input = built.input;
    const saved = await run(() => (source ? api.call('sources.update', { id: source.id, ...input }) : api.call('sources.create', input)), {
      done: source ? 'Source saved' : 'Source added',
    });
    if (!saved) return;
    onSaved?.(saved);
    onClose();
  };

  const parents = [{ value: '', label: 'None (an original source)' }, ...sources.filter((s) => s.id !== source?.id).map((s) => ({ value: s.id, label: s.title.slice(0, 80) }))];
  return (
    <Dialog title={source ? 'Edit source' : 'New source'} onClose={onClose} wide>
      <form ref={formRef} onSubmit={submit} noValidate>
        <SourceFields draft={draft} onChange={setDraft} errors={errors.byField} parents={parents} />
        <DialogFooter error={errors.rest} onCancel={onClose} submitLabel={source ? 'Save source' : 'Add source'} disabled={busy} />
      </form>
    </Dialog>
  );
}
