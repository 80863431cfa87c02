/** The open case: its info (title, counts, settings) and the in-memory indexes fuse.js searches. */
import type { CaseInfo, Source } from '../../../core/types';
import { api, errorMessage } from '../api/client';
import type { Slice } from './types';

export interface ClaimIndexEntry {
  id: string;
  text: string;
  claimant: string | null;
}

export interface CaseSlice {
  info: CaseInfo | null;
  caseError: string | null;
  claimIndex: ClaimIndexEntry[];
  sources: (Source & { citations: number })[];
  loadInfo(): Promise<void>;
  loadIndexes(): Promise<void>;
}

/** Sources are loaded in pages of the contract's maximum until all are in memory. */
async function allSources(): Promise<(Source & { citations: number })[]> {
  const out: (Source & { citations: number })[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await api.call('sources.list', { offset, limit: 1000 });
    out.push(...page.items);
    if (out.length >= page.total || page.items.length === 0) return out;
  }
}

export const createCaseSlice: Slice<CaseSlice> = (set) => ({
  info: null,
  caseError: null,
  claimIndex: [],
  sources: [],
  loadInfo: async () => {
    try {
      set({ info: await api.call('case.info', {}), caseError: null });
    } catch (e) {
      set({ caseError: errorMessage(e) });
    }
  },
  loadIndexes: async () => {
    try {
      const [claimIndex, sources] = await Promise.all([api.call('claims.index', {}), allSources()]);
      set({ claimIndex, sources });
    } catch (e) {
      set({ caseError: errorMessage(e) });
    }
  },
});
