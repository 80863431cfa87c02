/** The claim list: filters, sorting, the virtualized rows and "New claim". */
import { useEffect, useState } from 'react';
import { useApp } from '../../store';
import { isTyping } from '../nav/shortcuts';
import { ClaimFilters } from './ClaimFilters';
import { ClaimFormDialog } from './ClaimFormDialog';
import { VirtualClaimList } from './VirtualClaimList';
import { Welcome } from './Welcome';

export function ClaimListView() {
  const total = useApp((s) => s.total);
  const listError = useApp((s) => s.listError);
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'n' && !isTyping(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey && !document.querySelector('dialog[open]')) {
        e.preventDefault();
        setCreating(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <section className="view list-view" aria-labelledby="claims-title">
      <header className="view-head">
        <h1 id="claims-title">Claims</h1>
        <span className="muted" aria-live="polite">
          {total === null ? 'Loading…' : `${total.toLocaleString('en')} claims`}
        </span>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          New claim
        </button>
      </header>
      <Welcome />
      <ClaimFilters />
      {listError && (
        <p className="error" role="alert">
          {listError}
        </p>
      )}
      <VirtualClaimList />
      {creating && <ClaimFormDialog onClose={() => setCreating(false)} />}
    </section>
  );
}
