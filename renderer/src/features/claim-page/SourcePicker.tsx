/** Picks a source by fuzzy title/publisher match (fuse.js over sources.list, held in memory). */
import Fuse from 'fuse.js';
import { useMemo, useState } from 'react';
import type { Source } from '../../../../core/types';
import { ReliabilityBadge } from '../../components/Grade';
import { SafeText } from '../../components/SafeText';
import { useApp } from '../../store';

type Picked = Pick<Source, 'id' | 'title' | 'reliability'>;

export function SourcePicker({ selected, onSelect, error }: { selected: Picked | null; onSelect(s: Picked): void; error?: string }) {
  const sources = useApp((s) => s.sources);
  const [q, setQ] = useState('');
  const fuse = useMemo(() => new Fuse(sources, { keys: ['title', 'publisher', 'authors'], threshold: 0.4, ignoreLocation: true }), [sources]);
  const hits = q.trim() ? fuse.search(q.trim(), { limit: 8 }).map((r) => r.item) : sources.slice(0, 8);
  return (
    <fieldset className="picker">
      <legend>Source</legend>
      <p aria-live="polite">
        {selected ? (
          <>
            Selected: <SafeText text={selected.title} /> <ReliabilityBadge reliability={selected.reliability} />
          </>
        ) : (
          'No source selected.'
        )}
      </p>
      <label htmlFor="source-picker-q">Find source</label>
      <input
        id="source-picker-q"
        type="search"
        value={q}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'source-picker-error' : undefined}
        onChange={(e) => setQ(e.target.value)}
      />
      {error && (
        <div className="field-error" id="source-picker-error">
          {error}
        </div>
      )}
      <ul className="picker-results" aria-label="Matching sources">
        {hits.map((s) => (
          <li key={s.id}>
            <button type="button" className="link-button" aria-pressed={selected?.id === s.id} onClick={() => onSelect(s)}>
              <SafeText text={s.title} />
              {s.publisher && (
                <>
                  {' · '}
                  <SafeText text={s.publisher} className="muted" />
                </>
              )}
            </button>{' '}
            <ReliabilityBadge reliability={s.reliability} />
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
