/** Picks the claims a briefing covers: a search query, a tag, or claims chosen by hand. */
import { useEffect, useMemo, useState } from 'react';
import type { BriefingSelection } from '../../../../core/briefing/types';
import { api } from '../../api/client';
import { Select, TextField } from '../../components/fields';
import { SafeText } from '../../components/SafeText';

type Mode = 'query' | 'tag' | 'picked';

export function SelectionPicker({ onChange }: { onChange(s: BriefingSelection | null): void }) {
  const [mode, setMode] = useState<Mode>('tag');
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [tags, setTags] = useState<{ name: string; count: number }[]>([]);
  const [claims, setClaims] = useState<{ id: string; text: string }[]>([]);
  const [filter, setFilter] = useState('');
  const [picked, setPicked] = useState<string[]>([]);

  useEffect(() => {
    void api.call('tags.list', {}).then((t) => (setTags(t), setTag((cur) => cur || t[0]?.name || '')));
    void api.call('claims.index', {}).then(setClaims);
  }, []);

  useEffect(() => {
    if (mode === 'query') onChange(query.trim() ? { query } : null);
    else if (mode === 'tag') onChange(tag ? { tag } : null);
    else onChange(picked.length ? { claimIds: picked } : null);
  }, [mode, query, tag, picked, onChange]);

  const shown = useMemo(() => {
    const f = filter.toLowerCase();
    return claims.filter((c) => !f || c.text.toLowerCase().includes(f)).slice(0, 50);
  }, [claims, filter]);

  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));

  return (
    <fieldset>
      <legend>Claims to brief</legend>
      <Select
        label="Choose claims by"
        value={mode}
        onChange={(v) => setMode(v as Mode)}
        options={[
          { value: 'tag', label: 'Tag' },
          { value: 'query', label: 'Search query' },
          { value: 'picked', label: 'Hand-picked claims' },
        ]}
      />
      {mode === 'query' && <TextField label="Search query" value={query} onChange={setQuery} hint="Same language as Search, e.g. chips -rumour" />}
      {mode === 'tag' && <Select label="Tag" value={tag} onChange={setTag} options={tags.map((t) => ({ value: t.name, label: `${t.name} (${t.count})` }))} />}
      {mode === 'picked' && (
        <>
          <TextField label="Filter claims" value={filter} onChange={setFilter} hint={`${picked.length} picked`} />
          <ul className="picker-results" aria-label="Claims">
            {shown.map((c) => (
              <li key={c.id}>
                <label>
                  <input type="checkbox" checked={picked.includes(c.id)} onChange={() => toggle(c.id)} /> <SafeText text={c.text} />
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </fieldset>
  );
}
