/** The open case: its info (title, counts, settings), its team status, and the in-memory indexes fuse.js searches. */
import type { TeamStatus } from '../../../core/contract/team';
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
  /** The team copy's status (team.status); null when the case is not a team copy. */
  team: TeamStatus | null;
  caseError: string | null;
  claimIndex: ClaimIndexEntry[];
  /** The claim index is fetched on first use (palette, similar claims, links), not at start. */
  claimIndexWanted: boolean;
  sources: (Source & { citations: number })[];
  loadInfo(): Promise<void>;
  loadTeam(): Promise<void>;
  loadClaimIndex(): Promise<void>;
  loadSources(): Promise<void>;
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

export const createCaseSlice: Slice<CaseSlice> = (set, get) => ({
  info: null,
  team: null,
  caseError: null,
  claimIndex: [],
  claimIndexWanted: false,
  sources: [],
  loadInfo: async () => {
    try {
      set({ info: await api.call('case.info', {}), caseError: null });
    } catch (e) {
      set({ caseError: errorMessage(e) });
    }
  },
  loadTeam: async () => {
    try {
      set({ team: await api.call('team.status', {}) });
    } catch (e) {
      set({ caseError: errorMessage(e) });
    }
  },
  loadClaimIndex: async () => {
    try {
      set({ claimIndexWanted: true });
      set({ claimIndex: await api.call('claims.index', {}) });
    } catch (e) {
      set({ caseError: errorMessage(e) });
    }
  },
  loadSources: async () => {
    try {
      set({ sources: await allSources() });
    } catch (e) {
      set({ caseError: errorMessage(e) });
    }
  },
  loadIndexes: async () => {
    await Promise.all([get().loadClaimIndex(), get().loadSources()]);
  },
});
