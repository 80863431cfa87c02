/** The open claim: its detail (evidence, disputes, model) and its history. */
import type { ApiOutput } from '../../../core/api';
import type { ClaimDetail } from '../../../core/types';
import { api, errorMessage } from '../api/client';
import type { Slice } from './types';

export type ClaimHistory = ApiOutput<'history.claim'>;

/**
 * What a change can have touched: 'claim' (verdict, disputes, links: the open claim, list, counts),
 * 'evidence' (also the sources' citation counts), 'all' (also claim texts and sources: the indexes).
 */
export type RefreshScope = 'claim' | 'evidence' | 'all';

export interface DetailSlice {
  detail: ClaimDetail | null;
  history: ClaimHistory | null;
  detailError: string | null;
  loadDetail(id: string): Promise<void>;
  /** After a change: reload the open claim, the list, the case counts and, by scope, the indexes. */
  refreshAfterChange(scope?: RefreshScope): Promise<void>;
}

export const createDetailSlice: Slice<DetailSlice> = (set, get) => ({
  detail: null,
  history: null,
  detailError: null,
  loadDetail: async (id) => {
    try {
      const [detail, history] = await Promise.all([api.call('claims.get', { id }), api.call('history.claim', { id })]);
      if (get().claimId === id) set({ detail, history, detailError: null });
    } catch (e) {
      set({ detail: null, history: null, detailError: errorMessage(e) });
    }
  },
  refreshAfterChange: async (scope = 'all') => {
    const s = get();
    s.reloadList();
    // Every change is a pending one on a team copy: its status is read again too.
    const jobs: Promise<unknown>[] = [s.loadInfo(), s.loadTeam()];
    if (scope !== 'claim') jobs.push(s.loadSources());
    if (scope === 'all' && s.claimIndexWanted) jobs.push(s.loadClaimIndex());
    if (s.claimId) jobs.push(s.loadDetail(s.claimId));
    await Promise.all(jobs);
  },
});
