/**
 * "A similar claim already exists" while a new claim is typed (word index + fuse.js over claims.index).
 * It looks once typing pauses (150 ms), so keystrokes never wait for it.
 */
import { useMemo } from 'react';
import { SafeText } from '../../components/SafeText';
import { claimMatcher, similarClaims } from '../../lib/fuzzy';
import { useDebounced } from '../../lib/useDebounced';
import { useApp } from '../../store';
import { useClaimIndex } from '../../store/useClaimIndex';

export function SimilarClaims({ draft }: { draft: string }) {
  const index = useClaimIndex();
  const openClaim = useApp((s) => s.openClaim);
  const match = useMemo(() => claimMatcher(index), [index]);
  const settled = useDebounced(draft, 150);
  const similar = useMemo(() => similarClaims(match, settled), [match, settled]);
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
