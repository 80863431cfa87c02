/** Full-text search (search.query): results grouped by kind with highlighted snippets. */
import { useEffect, type FormEvent } from 'react';
import type { SearchHit, SearchKind } from '../../../../core/types';
import { SafeText } from '../../components/SafeText';
import { useApp } from '../../store';
import { SearchHelp } from './SearchHelp';
import { Snippet } from './Snippet';

const GROUPS: { kind: SearchKind; label: string }[] = [
  { kind: 'claims', label: 'Claims' },
  { kind: 'evidence', label: 'Evidence' },
  { kind: 'sources', label: 'Sources' },
  { kind: 'disputes', label: 'Disputes' },
];

function HitItem({ hit }: { hit: SearchHit }) {
  const openClaim = useApp((s) => s.openClaim);
  const openSource = useApp((s) => s.openSource);
  const open = () => (hit.kind === 'sources' ? openSource(hit.id) : hit.claimId && openClaim(hit.claimId));
  return (
    <li className="hit">
      <button type="button" className="link-button" onClick={open}>
        <SafeText text={hit.title} />
      </button>
      <div>
        <Snippet segments={hit.snippet} />
      </div>
    </li>
  );
}

export function SearchView() {
  const text = useApp((s) => s.searchText);
  const setText = useApp((s) => s.setSearchText);
  const result = useApp((s) => s.searchResult);
  const error = useApp((s) => s.searchError);
  const runSearch = useApp((s) => s.runSearch);
  useEffect(() => {
    const t = setTimeout(() => void runSearch(text), 150);
    return () => clearTimeout(t);
  }, [text, runSearch]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void runSearch(text);
  };
  return (
    <section className="view" aria-labelledby="search-title">
      <h1 id="search-title">Search</h1>
      <form role="search" onSubmit={submit} className="search-form">
        <label htmlFor="search-q">Search the case</label>
        <input id="search-q" type="search" value={text} autoFocus onChange={(e) => setText(e.target.value)} />
        <button type="submit">Search</button>
      </form>
      <SearchHelp />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result?.notices.map((n, i) => (
        <p key={i} className="notice">
          <SafeText text={n} />
        </p>
      ))}
      {result && (
        <p aria-live="polite" className="muted">
          {result.total} results
        </p>
      )}
      {result &&
        GROUPS.filter((g) => result.groups[g.kind].length > 0).map((g) => (
          <section key={g.kind} aria-label={`${g.label} results`}>
            <h2>
              {g.label} ({result.groups[g.kind].length})
            </h2>
            <ul className="plain-list">
              {result.groups[g.kind].map((h) => (
                <HitItem key={`${h.kind}:${h.id}`} hit={h} />
              ))}
            </ul>
          </section>
        ))}
    </section>
  );
}
