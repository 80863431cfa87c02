/** The open claim: its detail (evidence, disputes, model) and its history. */
import type { ApiOutput } from '../../../core/api';
import type { ClaimDetail } from '../../../core/types';
import { api, errorMessage } from '../api/client';
import type { Slice } from './types';

export type ClaimHistory = ApiOutput<'history.claim'>;

export interface DetailSlice {
  detail: ClaimDetail | null;
  history: ClaimHistory | null;
  detailError: string | null;
  loadDetail(id: string): Promise<void>;
  /** After any change: reload the open claim, the list, the case counts and the indexes. */
  refreshAfterChange(): Promise<void>;
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
  refreshAfterChange: async () => {
    const s = get();
    s.reloadList();
    const jobs: Promise<unknown>[] = [s.loadInfo(), s.loadIndexes()];
    if (s.claimId) jobs.push(s.loadDetail(s.claimId));
    await Promise.all(jobs);
  },
});
