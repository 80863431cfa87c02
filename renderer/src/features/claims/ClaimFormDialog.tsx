/** Add or edit a claim. While a new claim is typed, similar existing claims are shown. */
import { useState, type FormEvent } from 'react';
import type { Claim } from '../../../../core/types';
import { api, errorMessage } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorText, TextArea, TextField } from '../../components/fields';
import { parseTags } from '../../lib/tags';
import { useApp } from '../../store';
import { SimilarClaims } from './SimilarClaims';

export function ClaimFormDialog({ claim, onClose }: { claim?: Claim; onClose(): void }) {
  const [text, setText] = useState(claim?.text ?? '');
  const [claimant, setClaimant] = useState(claim?.claimant ?? '');
  const [claimedAt, setClaimedAt] = useState(claim?.claimedAt ?? '');
  const [tags, setTags] = useState(claim?.tags.join(', ') ?? '');
  const [notes, setNotes] = useState(claim?.notes ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const fields = { text, claimant: claimant || null, claimedAt: claimedAt || null, tags: parseTags(tags), notes };
    try {
      const s = useApp.getState();
      const saved = claim ? await api.call('claims.update', { id: claim.id, ...fields }) : await api.call('claims.create', fields);
      s.announce(claim ? 'Claim saved' : 'Claim created');
      onClose();
      s.openClaim(saved.id);
      await s.refreshAfterChange();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <Dialog title={claim ? 'Edit claim' : 'New claim'} onClose={onClose} wide>
      <form onSubmit={submit}>
        <TextArea label="Claim text" value={text} onChange={setText} required rows={3} />
        {!claim && <SimilarClaims draft={text} />}
        <TextField label="Claimant" value={claimant} onChange={setClaimant} hint="Who made the claim." />
        <TextField label="Date claimed" value={claimedAt} onChange={setClaimedAt} hint="YYYY-MM-DD, YYYY-MM or YYYY" />
        <TextField label="Tags" value={tags} onChange={setTags} hint="Separated by commas." />
        <TextArea label="Notes" value={notes} onChange={setNotes} rows={3} />
        <ErrorText error={error} />
        <div className="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {claim ? 'Save claim' : 'Create claim'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
