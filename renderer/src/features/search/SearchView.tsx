/** Full-text search (search.query): results grouped by kind with highlighted snippets; a suggestion when nothing matched. */
import { useEffect, type FormEvent } from 'react';
import type { Credibility, Reliability } from '../../../../core/grades';
import { suggestionNotice } from '../../../../core/search/suggest';
import type { SearchHit, SearchResult } from '../../../../core/types';
import { GradeBadge } from '../../components/Grade';
import { SafeText } from '../../components/SafeText';
import { SEARCH_GROUPS as GROUPS } from '../../lib/menus';
import { useApp } from '../../store';
import { evidenceAnchor, focusWhenShown } from './focusItem';
import { SearchHelp } from './SearchHelp';
import { Snippet } from './Snippet';

/** Documents hits: when the capture was stored and the page the snippet is on. */
function CaptureFacts({ hit }: { hit: SearchHit }) {
  if (!hit.capture) return null;
  const { capturedAt, page, pageCount } = hit.capture;
  return (
    <div className="hit-facts muted">
      <span>
        captured <time dateTime={capturedAt}>{capturedAt.replace('T', ' ').slice(0, 16)} UTC</time>
      </span>
      {pageCount > 1 && (
        <span className="hit-page">
          <span aria-hidden="true">· </span>page {page} of {pageCount}
        </span>
      )}
    </div>
  );
}

/** Evidence hits: the claim they bear on (the title), then stance, grade and source, then the quote. */
function EvidenceFacts({ hit }: { hit: SearchHit }) {
  if (hit.kind !== 'evidence' || !hit.grade) return null;
  return (
    <div className="hit-facts">
      <span className={`stance stance-${hit.stance}`}>{hit.stance}</span>{' '}
      <GradeBadge reliability={hit.grade.slice(0, 1) as Reliability} credibility={Number(hit.grade.slice(1)) as Credibility} />{' '}
      {hit.source && (
        <span className="muted">
          <SafeText text={hit.source} />
        </span>
      )}
    </div>
  );
}

function HitItem({ hit }: { hit: SearchHit }) {
  const openClaim = useApp((s) => s.openClaim);
  const openSource = useApp((s) => s.openSource);
  const openDocument = useApp((s) => s.openDocument);
  const open = () => {
    if (hit.kind === 'sources') return openSource(hit.id);
    if (hit.capture) return openDocument({ sourceId: hit.capture.sourceId, captureId: hit.capture.captureId, evidenceId: null, page: hit.capture.page });
    if (!hit.claimId) return;
    openClaim(hit.claimId);
    if (hit.kind === 'evidence') focusWhenShown(evidenceAnchor(hit.id));
  };
  const quote = hit.kind === 'evidence' || hit.kind === 'documents';
  // A claim's snippet is usually a cut of its (marked) title: print the text once.
  const plain = hit.snippet.map((s) => s.text).join('').replace(/^…|…$/g, '');
  const repeatsTitle = !!hit.titleMarks?.length && hit.title.includes(plain);
  return (
    <li className={`hit hit-${hit.kind}`}>
      <button type="button" className="link-button hit-title" onClick={open}>
        {hit.titleMarks?.length ? <Snippet segments={hit.titleMarks} /> : <SafeText text={hit.title} />}
      </button>
      <EvidenceFacts hit={hit} />
      <CaptureFacts hit={hit} />
      {hit.snippet.length > 0 &&
        !repeatsTitle &&
        (quote ? (
          <blockquote className="hit-quote">
            <Snippet segments={hit.snippet} />
          </blockquote>
        ) : (
          <div>
            <Snippet segments={hit.snippet} />
          </div>
        ))}
    </li>
  );
}

/** A query that found nothing: the closest words of the case were searched instead. */
function Suggestion({ result, onUse }: { result: SearchResult; onUse: (q: string) => void }) {
  if (!result.suggestion) return null;
  return (
    <p className="notice search-suggestion" role="status">
      No results for “<SafeText text={result.query.trim()} />”. Showing results for{' '}
      <button type="button" className="link-button" onClick={() => onUse(result.suggestion!)}>
        <SafeText text={result.suggestion} />
      </button>
      .
    </p>
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
      {result && <Suggestion result={result} onUse={setText} />}
      {result?.notices
        .filter((n) => !result.suggestion || n !== suggestionNotice(result.query, result.suggestion))
        .map((n, i) => (
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
                <HitItem key={`${h.kind}:${h.id}:${h.capture?.page ?? ''}`} hit={h} />
              ))}
            </ul>
          </section>
        ))}
    </section>
  );
}
