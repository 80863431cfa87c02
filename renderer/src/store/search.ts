/** Full-text search: the last query and its grouped results. */
import type { SearchResult } from '../../../core/types';
import { api, errorMessage } from '../api/client';
import type { Slice } from './types';

export interface SearchSlice {
  searchText: string;
  searchResult: SearchResult | null;
  searchError: string | null;
  setSearchText(q: string): void;
  runSearch(q?: string): Promise<void>;
}

let ticket = 0;

export const createSearchSlice: Slice<SearchSlice> = (set, get) => ({
  searchText: '',
  searchResult: null,
  searchError: null,
  setSearchText: (searchText) => set({ searchText }),
  runSearch: async (q = get().searchText) => {
    const mine = ++ticket;
    if (!q.trim()) {
      set({ searchResult: null, searchError: null });
      return;
    }
    try {
      const searchResult = await api.call('search.query', { q, limit: 50 });
      if (mine === ticket) set({ searchResult, searchError: null });
    } catch (e) {
      if (mine === ticket) set({ searchError: errorMessage(e) });
    }
  },
});
