/**
 * Undeclared near-copies among a claim's evidence: "possible copy of …", counted as one origin until
 * the analyst declares the lineage (on the source) or marks the two items independent (here).
 */
import type { PossibleCopy } from '../../../../core/types';
import { api } from '../../api/client';
import { SafeText } from '../../components/SafeText';
import { mutate } from '../../store/mutate';

export function PossibleCopies({ copies }: { copies: PossibleCopy[] }) {
  if (copies.length === 0) return null;
  const independent = (c: PossibleCopy) =>
    mutate(
      () => api.call('evidence.setIndependent', { a: c.evidenceId, b: c.copyOfEvidenceId, independent: true, rationale: 'declared independent in the claim view' }),
      'Declared independent',
      'evidence',
    );
  return (
    <section className="card" aria-labelledby="copies-title">
      <h2 id="copies-title">Possible copies</h2>
      <p className="muted">
        These quotes nearly repeat another item from a different origin, so they count as that origin (at most a quarter share) until you declare
        the lineage on the source or mark the two independent.
      </p>
      <ul className="plain-list">
        {copies.map((c) => (
          <li key={c.evidenceId}>
            “<SafeText text={c.sourceTitle} />” is a possible copy of “<SafeText text={c.copyOfSourceTitle} />”{' '}
            <button type="button" className="small" onClick={() => void independent(c)}>
              Mark independent
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
