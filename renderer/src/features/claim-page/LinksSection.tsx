/** Links between claims (depends-on, contradicts, duplicate-of, part-of). */
import { useMemo, useState } from 'react';
import { LINK_KINDS, type ClaimDetail, type LinkKind } from '../../../../core/types';
import { api } from '../../api/client';
import { ErrorText, Select } from '../../components/fields';
import { SafeText } from '../../components/SafeText';
import { claimMatcher } from '../../lib/fuzzy';
import { useApp } from '../../store';
import { useClaimIndex } from '../../store/useClaimIndex';
import { mutate } from '../../store/mutate';

function AddLink({ fromId }: { fromId: string }) {
  const index = useClaimIndex();
  const match = useMemo(() => claimMatcher(index), [index]);
  const [kind, setKind] = useState<LinkKind>('depends-on');
  const [q, setQ] = useState('');
  const [error, setError] = useState<string | null>(null);
  const hits = q.trim().length >= 2 ? match(q, 6).map((r) => r.item).filter((c) => c.id !== fromId) : [];
  const link = async (toId: string) => {
    const err = await mutate(() => api.call('links.create', { fromId, toId, kind }), 'Link added', 'claim');
    setError(err);
    if (!err) setQ('');
  };
  return (
    <div className="inline-form">
      <Select label="Link kind" value={kind} options={LINK_KINDS.map((k) => ({ value: k, label: k }))} onChange={(v) => setKind(v as LinkKind)} />
      <label htmlFor="link-target">Find claim to link</label>
      <input id="link-target" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      <ul className="plain-list" aria-label="Claims to link">
        {hits.map((c) => (
          <li key={c.id}>
            <button type="button" className="link-button" onClick={() => link(c.id)}>
              Link to: <SafeText text={c.text} />
            </button>
          </li>
        ))}
      </ul>
      <ErrorText error={error} />
    </div>
  );
}

export function LinksSection({ detail }: { detail: ClaimDetail }) {
  const openClaim = useApp((s) => s.openClaim);
  const [adding, setAdding] = useState(false);
  const remove = (id: string) => mutate(() => api.call('links.delete', { id }), 'Link removed', 'claim');
  return (
    <section aria-labelledby="links-title">
      <div className="section-head">
        <h2 id="links-title" tabIndex={-1}>Linked claims ({detail.links.length})</h2>
        <button type="button" onClick={() => setAdding(!adding)} aria-expanded={adding}>
          Add link
        </button>
      </div>
      {adding && <AddLink fromId={detail.claim.id} />}
      <ul className="plain-list">
        {detail.links.map((l) => (
          <li key={l.id}>
            <span className="badge">{l.direction === 'outgoing' ? l.kind : `${l.kind} (from)`}</span>{' '}
            <button type="button" className="link-button" onClick={() => openClaim(l.direction === 'outgoing' ? l.toId : l.fromId)}>
              <SafeText text={l.otherText} />
            </button>{' '}
            <button type="button" className="small" aria-label={`Remove link to ${l.otherText.slice(0, 60)}`} onClick={() => void remove(l.id)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
