/** The claim list: query (sort and filters), total and the pages loaded so far. */
import type { ClaimSort } from '../../../core/claim-sorts';
import type { ClaimStatus, ClaimSummary } from '../../../core/types';
import type { Band } from '../../../core/estimative';
import { api, errorMessage } from '../api/client';
import { missingPages, PAGE_SIZE } from '../lib/pages';
import type { Slice } from './types';

export type { ClaimSort };

export interface ListQuery {
  sort: ClaimSort;
  direction: 'asc' | 'desc';
  status: ClaimStatus[];
  band: Band[];
  tag: string;
  text: string;
}

export interface ListSlice {
  listQuery: ListQuery;
  total: number | null;
  pages: Record<number, ClaimSummary[]>;
  listError: string | null;
  /** Bumped whenever the query changes, so that late answers to an old query are dropped. */
  listVersion: number;
  setListQuery(patch: Partial<ListQuery>): void;
  ensureRows(start: number, end: number): void;
  reloadList(): void;
}

export const DEFAULT_LIST_QUERY: ListQuery = { sort: 'updated', direction: 'desc', status: [], band: [], tag: '', text: '' };

const loading = new Set<string>();

export const createListSlice: Slice<ListSlice> = (set, get) => {
  async function loadPage(page: number) {
    const { listQuery: q, listVersion } = get();
    const key = `${listVersion}:${page}`;
    if (loading.has(key)) return;
    loading.add(key);
    try {
      const res = await api.call('claims.list', {
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
        sort: q.sort,
        direction: q.direction,
        status: q.status.length ? q.status : undefined,
        band: q.band.length ? q.band : undefined,
        tag: q.tag || undefined,
        text: q.text || undefined,
      });
      if (get().listVersion !== listVersion) return;
      set((s) => ({ total: res.total, pages: { ...s.pages, [page]: res.items }, listError: null }));
    } catch (e) {
      if (get().listVersion === listVersion) set({ listError: errorMessage(e) });
    } finally {
      loading.delete(key);
    }
  }

  return {
    listQuery: DEFAULT_LIST_QUERY,
    total: null,
    pages: {},
    listError: null,
    listVersion: 0,
    setListQuery: (patch) => {
      set((s) => ({ listQuery: { ...s.listQuery, ...patch }, pages: {}, total: null, listVersion: s.listVersion + 1 }));
      void loadPage(0);
    },
    ensureRows: (start, end) => {
      const { total, pages, listVersion } = get();
      if (total === null) {
        void loadPage(0);
        return;
      }
      for (const p of missingPages(start, end, total, (n) => n in pages || loading.has(`${listVersion}:${n}`))) void loadPage(p);
    },
    reloadList: () => {
      set((s) => ({ pages: {}, total: null, listVersion: s.listVersion + 1 }));
      void loadPage(0);
    },
  };
};
