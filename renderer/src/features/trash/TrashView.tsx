/** Deleted claims (claims.list {deleted:true}) with restore. */
import { useCallback, useEffect, useState } from 'react';
import type { ClaimSummary } from '../../../../core/types';
import { api, errorMessage } from '../../api/client';
import { SafeText } from '../../components/SafeText';
import { mutate } from '../../store/mutate';

export function TrashView() {
  const [items, setItems] = useState<ClaimSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api.call('claims.list', { deleted: true, limit: 500, sort: 'updated', direction: 'desc' }).then(
      (p) => setItems(p.items),
      (e) => setError(errorMessage(e)),
    );
  }, []);
  useEffect(load, [load]);
  const restore = async (c: ClaimSummary) => {
    setError(await mutate(() => api.call('claims.restore', { id: c.id }), 'Claim restored'));
    load();
  };
  return (
    <section className="view" aria-labelledby="trash-title">
      <h1 id="trash-title">Trash</h1>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {items?.length === 0 && <p className="muted">The trash is empty.</p>}
      <ul className="plain-list" aria-label="Deleted claims">
        {items?.map((c) => (
          <li key={c.id} className="trash-item">
            <SafeText text={c.text} /> <span className="muted">deleted {c.deletedAt?.slice(0, 10)}</span>{' '}
            <button type="button" className="small" aria-label={`Restore claim: ${c.text.slice(0, 80)}`} onClick={() => void restore(c)}>
              Restore
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
