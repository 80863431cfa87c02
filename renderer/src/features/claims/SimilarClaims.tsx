/** "A similar claim already exists" while a new claim is typed (fuse.js over claims.index). */
import { useDeferredValue, useMemo } from 'react';
import { SafeText } from '../../components/SafeText';
import { claimMatcher, similarClaims } from '../../lib/fuzzy';
import { useApp } from '../../store';
import { useClaimIndex } from '../../store/useClaimIndex';

export function SimilarClaims({ draft }: { draft: string }) {
  const index = useClaimIndex();
  const openClaim = useApp((s) => s.openClaim);
  const match = useMemo(() => claimMatcher(index), [index]);
  const deferred = useDeferredValue(draft);
  const similar = useMemo(() => similarClaims(match, deferred), [match, deferred]);
  if (similar.length === 0) return null;
  return (
    <div className="notice" role="status" aria-label="Similar claims">
      <strong>A similar claim already exists:</strong>
      <ul>
        {similar.map((c) => (
          <li key={c.id}>
            <SafeText text={c.text} />{' '}
            <button type="button" className="small" onClick={() => openClaim(c.id)}>
              Open existing claim
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
