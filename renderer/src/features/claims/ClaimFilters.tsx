/** Sort and filter controls of the claim list (status, tag, probability band, text). */
import { useEffect, useState } from 'react';
import { BANDS, type Band } from '../../../../core/estimative';
import { CLAIM_STATUSES, type ClaimStatus } from '../../../../core/types';
import { api } from '../../api/client';
import { Select } from '../../components/fields';
import { SORT_OPTIONS } from '../../lib/menus';
import { useApp } from '../../store';
import type { ClaimSort } from '../../store/list';

const any = { value: '', label: 'Any' };

export function ClaimFilters() {
  const q = useApp((s) => s.listQuery);
  const setListQuery = useApp((s) => s.setListQuery);
  const [tags, setTags] = useState<{ name: string; count: number }[]>([]);
  const [text, setText] = useState(q.text);
  useEffect(() => {
    api.call('tags.list', {}).then(setTags, () => setTags([]));
  }, []);
  useEffect(() => {
    if (text === q.text) return;
    const t = setTimeout(() => setListQuery({ text }), 200);
    return () => clearTimeout(t);
  }, [text, q.text, setListQuery]);
  return (
    <div className="filters" role="group" aria-label="Sort and filter claims">
      <div className="field">
        <label htmlFor="claim-filter-text">Filter by text</label>
        <input id="claim-filter-text" type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <Select
        label="Status"
        value={q.status[0] ?? ''}
        options={[any, ...CLAIM_STATUSES.map((s) => ({ value: s, label: s }))]}
        onChange={(v) => setListQuery({ status: v ? [v as ClaimStatus] : [] })}
      />
      <Select
        label="Probability band"
        value={q.band[0] ?? ''}
        options={[any, ...BANDS.map((b) => ({ value: b, label: b }))]}
        onChange={(v) => setListQuery({ band: v ? [v as Band] : [] })}
      />
      <Select
        label="Tag"
        value={q.tag}
        options={[any, ...tags.map((t) => ({ value: t.name, label: `${t.name} (${t.count})` }))]}
        onChange={(v) => setListQuery({ tag: v })}
      />
      <Select label="Sort by" value={q.sort} options={SORT_OPTIONS} onChange={(v) => setListQuery({ sort: v as ClaimSort })} />
      <button
        type="button"
        className="small"
        aria-label={`Sort direction: ${q.direction === 'asc' ? 'ascending' : 'descending'}`}
        onClick={() => setListQuery({ direction: q.direction === 'asc' ? 'desc' : 'asc' })}
      >
        {q.direction === 'asc' ? '↑ Ascending' : '↓ Descending'}
      </button>
    </div>
  );
}
