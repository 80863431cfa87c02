/** The in-memory claim index (ids, texts, claimants), fetched the first time a component needs it. */
import { useEffect } from 'react';
import { useApp } from './index';
import type { ClaimIndexEntry } from './case';

export function useClaimIndex(): ClaimIndexEntry[] {
  const index = useApp((s) => s.claimIndex);
  const wanted = useApp((s) => s.claimIndexWanted);
  useEffect(() => {
    if (!wanted) void useApp.getState().loadClaimIndex();
  }, [wanted]);
  return index;
}
