/** Add or edit a source: title, address, publisher, authors, kind, reliability A–F, lineage, whom it speaks for. */
import { useState, type FormEvent } from 'react';
import type { Reliability } from '../../../../core/grades';
import { SOURCE_KINDS, type Source, type SourceKind } from '../../../../core/types';
import { api, errorMessage } from '../../api/client';
import { Dialog, DialogFooter } from '../../components/Dialog';
import { Select, TextArea, TextField } from '../../components/fields';
import { RELIABILITY_OPTIONS } from '../../lib/grades-options';
import { useApp } from '../../store';

interface Props {
  source?: Source;
  onClose(): void;
  onSaved?(s: Source): void;
}

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);

export function SourceFormDialog({ source, onClose, onSaved }: Props) {
  const sources = useApp((s) => s.sources);
  const [title, setTitle] = useState(source?.title ?? '');
  const [url, setUrl] = useState(source?.url ?? '');
  const [publisher, setPublisher] = useState(source?.publisher ?? '');
  const [authors, setAuthors] = useState(source?.authors.join('\n') ?? '');
  const [publishedAt, setPublishedAt] = useState(source?.publishedAt ?? '');
  const [kind, setKind] = useState<SourceKind>(source?.kind ?? 'other');
  const [reliability, setReliability] = useState<Reliability>(source?.reliability ?? 'F');
  const [derivedFromId, setDerivedFromId] = useState(source?.derivedFromId ?? '');
  const [notes, setNotes] = useState(source?.notes ?? '');
  const [speaksFor, setSpeaksFor] = useState(source?.speaksFor ?? '');
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const fields = {
      title,
      url: url.trim() || null,
      publisher: publisher || null,
      authors: lines(authors),
      publishedAt: publishedAt || null,
      kind,
      reliability,
      derivedFromId: derivedFromId || null,
      notes,
      speaksFor: speaksFor.trim() || null,
    };
    try {
      const saved = source ? await api.call('sources.update', { id: source.id, ...fields }) : await api.call('sources.create', fields);
      const s = useApp.getState();
      s.announce(source ? 'Source saved' : 'Source added');
      await s.refreshAfterChange();
      onSaved?.(saved);
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const parents = [{ value: '', label: 'None (an original source)' }, ...sources.filter((s) => s.id !== source?.id).map((s) => ({ value: s.id, label: s.title.slice(0, 80) }))];
  return (
    <Dialog title={source ? 'Edit source' : 'New source'} onClose={onClose} wide>
      <form onSubmit={submit}>
        <TextField label="Source title" value={title} onChange={setTitle} required />
        <TextField label="Address (URL)" value={url} onChange={setUrl} hint="http(s), mailto, doi or urn" />
        <TextField label="Publisher" value={publisher} onChange={setPublisher} />
        <TextArea label="Authors" value={authors} onChange={setAuthors} rows={2} hint="One per line." />
        <TextField label="Published" value={publishedAt} onChange={setPublishedAt} hint="YYYY-MM-DD" />
        <Select label="Kind" value={kind} options={SOURCE_KINDS.map((k) => ({ value: k, label: k }))} onChange={(v) => setKind(v as SourceKind)} />
        <Select label="Reliability" value={reliability} options={RELIABILITY_OPTIONS} onChange={(v) => setReliability(v as Reliability)} hint="Admiralty A–F: the source's track record." />
        <Select label="Derived from" value={derivedFromId} options={parents} onChange={setDerivedFromId} hint="The source this one repeats (circular reporting check)." />
        <TextField
          label="Speaks for"
          value={speaksFor}
          onChange={setSpeaksFor}
          hint="The party whose statements this source carries (e.g. the company itself); several separated by ';'. Its items count 0 for that party's own claims."
        />
        <TextArea label="Source notes" value={notes} onChange={setNotes} rows={2} />
        <DialogFooter error={error} onCancel={onClose} submitLabel={source ? 'Save source' : 'Add source'} />
      </form>
    </Dialog>
  );
}
