/** The evidence items quoting a source (with their anchors), for the viewer's "Quote" chooser. */
import { useEffect, useState } from 'react';
import type { EvidenceView } from '../../../../core/types';
import { api, errorMessage } from '../../api/client';
import { useApp } from '../../store';

export type SourceQuote = EvidenceView & { claimText: string };

export function useSourceQuotes(sourceId: string): { quotes: SourceQuote[]; error: string | null } {
  const sources = useApp((s) => s.sources);
  const [quotes, setQuotes] = useState<SourceQuote[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    (async () => {
      const source = await api.call('sources.get', { id: sourceId });
      const claimIds = [...new Set(source.citedBy.map((c) => c.claimId))];
      const details = await Promise.all(claimIds.map((id) => api.call('claims.get', { id })));
      return details.flatMap((d) => d.evidence.filter((e) => e.source.id === sourceId).map((e) => ({ ...e, claimText: d.claim.text })));
    })().then(
      (q) => live && (setQuotes(q), setError(null)),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
    // `sources` changes after every evidence change (the citation counts), so new quotes show up.
  }, [sourceId, sources]);
  return { quotes, error };
}
