/** Sources: a filterable, sortable table and the selected source's lineage and citing claims. */
import Fuse from 'fuse.js';
import { useMemo, useState } from 'react';
import { useApp } from '../../store';
import { SourceDetailPanel } from './SourceDetailPanel';
import { SourceFormDialog } from './SourceFormDialog';
import { SourceTable } from './SourceTable';

export function SourcesView() {
  const sources = useApp((s) => s.sources);
  const sourceId = useApp((s) => s.sourceId);
  const openSource = useApp((s) => s.openSource);
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState(false);
  const fuse = useMemo(() => new Fuse(sources, { keys: ['title', 'publisher', 'authors'], threshold: 0.4, ignoreLocation: true }), [sources]);
  const shown = q.trim() ? fuse.search(q.trim()).map((r) => r.item) : sources;
  return (
    <section className="view sources-view" aria-labelledby="sources-title">
      <header className="view-head">
        <h1 id="sources-title">Sources</h1>
        <span className="muted">{sources.length} sources</span>
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          New source
        </button>
      </header>
      <div className="sources-split">
        <div className="split-list">
          <label htmlFor="source-filter">Filter sources</label>
          <input id="source-filter" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
          <SourceTable rows={shown} selectedId={sourceId} onOpen={openSource} />
        </div>
        <div className="split-detail">{sourceId ? <SourceDetailPanel id={sourceId} /> : <p className="muted">Select a source to see its lineage and the claims citing it.</p>}</div>
      </div>
      {adding && <SourceFormDialog onClose={() => setAdding(false)} onSaved={(s) => openSource(s.id)} />}
    </section>
  );
}
