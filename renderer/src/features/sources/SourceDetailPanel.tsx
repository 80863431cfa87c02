/** One source (sources.get): facts, lineage up to its root, what derives from it, claims citing it. */
import { useEffect, useState } from 'react';
import type { SourceDetail, SourceRef } from '../../../../core/types';
import { api, errorMessage } from '../../api/client';
import { ExternalUrl } from '../../components/ExternalUrl';
import { ReliabilityBadge } from '../../components/Grade';
import { SafeText } from '../../components/SafeText';
import { useApp } from '../../store';
import { CapturesPanel } from '../documents/CapturesPanel';
import { SourceFormDialog } from './SourceFormDialog';
import { TrashSourceButton } from './TrashSourceButton';

function RefList({ label, refs }: { label: string; refs: SourceRef[] }) {
  const openSource = useApp((s) => s.openSource);
  if (refs.length === 0) return null;
  return (
    <>
      <h3>{label}</h3>
      <ol className="plain-list">
        {refs.map((r) => (
          <li key={r.id}>
            <button type="button" className="link-button" onClick={() => openSource(r.id)}>
              <SafeText text={r.title} />
            </button>{' '}
            <ReliabilityBadge reliability={r.reliability} />
          </li>
        ))}
      </ol>
    </>
  );
}

/** One entry per claim, in first-cited order, with its item count and stances ("2 items: supports, context"). */
function citingClaims(citedBy: SourceDetail['citedBy']): { claimId: string; claimText: string; items: number; stances: string }[] {
  const byClaim = new Map<string, { claimId: string; claimText: string; stances: string[] }>();
  for (const c of citedBy) {
    const entry = byClaim.get(c.claimId) ?? { claimId: c.claimId, claimText: c.claimText, stances: [] };
    entry.stances.push(c.stance);
    byClaim.set(c.claimId, entry);
  }
  return [...byClaim.values()].map((e) => ({ ...e, items: e.stances.length, stances: [...new Set(e.stances)].join(', ') }));
}

export function SourceDetailPanel({ id }: { id: string }) {
  const sources = useApp((s) => s.sources);
  const openClaim = useApp((s) => s.openClaim);
  const [detail, setDetail] = useState<SourceDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    api.call('sources.get', { id }).then(
      (d) => (setDetail(d), setError(null)),
      (e) => setError(errorMessage(e)),
    );
  }, [id, sources]);
  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!detail) return <p className="muted">Loading source…</p>;
  return (
    <article aria-labelledby="source-title">
      <h2 id="source-title">
        <SafeText text={detail.title} />
      </h2>
      <dl className="facts">
        <dt>Reliability</dt>
        <dd>
          <ReliabilityBadge reliability={detail.reliability} />
        </dd>
        <dt>Publisher</dt>
        <dd>{detail.publisher ? <SafeText text={detail.publisher} /> : '—'}</dd>
        <dt>Authors</dt>
        <dd>{detail.authors.length ? <SafeText text={detail.authors.join('; ')} /> : '—'}</dd>
        <dt>Kind</dt>
        <dd>{detail.kind}</dd>
        <dt>Published</dt>
        <dd>{detail.publishedAt ?? '—'}</dd>
        <dt>Address</dt>
        <dd>{detail.url ? <ExternalUrl url={detail.url} label="source address" /> : '—'}</dd>
      </dl>
      {detail.notes && (
        <p className="notes">
          <SafeText text={detail.notes} />
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => setEditing(true)}>
          Edit source
        </button>
        <TrashSourceButton key={detail.id} source={detail} />
      </div>
      <CapturesPanel key={detail.id} sourceId={detail.id} />
      <RefList label="Lineage (this source up to its root)" refs={detail.lineage} />
      <RefList label="Sources repeating this one" refs={detail.derived} />
      {detail.speaksFor && (
        <p>
          Speaks for <SafeText text={detail.speaksFor} />: its items count 0 for that party&rsquo;s own claims.
        </p>
      )}
      {detail.possibleCopies.length > 0 && (
        <>
          <h3>Possible copies</h3>
          <ul className="plain-list">
            {detail.possibleCopies.map((c) => (
              <li key={c.evidenceId}>
                {c.sourceId === detail.id ? (
                  <>
                    Possible copy of “<SafeText text={c.copyOfSourceTitle} />”
                  </>
                ) : (
                  <>
                    Possibly copied by “<SafeText text={c.sourceTitle} />”
                  </>
                )}{' '}
                <button type="button" className="link-button" onClick={() => openClaim(c.claimId)}>
                  open the claim
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Claims citing this source</h3>
      {detail.citedBy.length === 0 && <p className="muted">No claim cites it yet.</p>}
      <ul className="plain-list" aria-label="Claims citing this source">
        {citingClaims(detail.citedBy).map((c) => (
          <li key={c.claimId}>
            <button type="button" className="link-button" onClick={() => openClaim(c.claimId)}>
              <SafeText text={c.claimText} />
            </button>{' '}
            <span className="muted">
              {c.items === 1 ? '1 item' : `${c.items} items`}: {c.stances}
            </span>
          </li>
        ))}
      </ul>
      {editing && <SourceFormDialog source={detail} onClose={() => setEditing(false)} />}
    </article>
  );
}
