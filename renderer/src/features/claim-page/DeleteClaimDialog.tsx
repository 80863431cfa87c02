/** Moves a claim to the trash (soft delete, restorable), with an optional reason. */
import { useState, type FormEvent } from 'react';
import type { Claim } from '../../../../core/types';
import { api } from '../../api/client';
import { Dialog, DialogFooter } from '../../components/Dialog';
import { TextArea } from '../../components/fields';
import { SafeText } from '../../components/SafeText';
import { useApp } from '../../store';
import { mutate } from '../../store/mutate';

export function DeleteClaimDialog({ claim, onClose }: { claim: Claim; onClose(): void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const err = await mutate(() => api.call('claims.delete', { id: claim.id, rationale: reason || null }), 'Claim moved to trash');
    if (err) return setError(err);
    onClose();
    useApp.getState().go('claims');
  };
  return (
    <Dialog title="Move claim to trash" onClose={onClose}>
      <form onSubmit={submit}>
        <p>
          <SafeText text={claim.text} />
        </p>
        <TextArea label="Reason (optional)" value={reason} onChange={setReason} rows={2} />
        <DialogFooter error={error} onCancel={onClose} submitLabel="Move to trash" tone="danger" />
      </form>
    </Dialog>
  );
}
