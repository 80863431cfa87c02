/** Deleted claims and sources (trash.list), each with who trashed it, the reason given, and Restore. */
import type { TrashedItem } from '../../../../core/contract/trash';
import { api } from '../../api/client';
import { TrashList } from './TrashList';

const loadClaims = async (): Promise<TrashedItem[]> => (await api.call('trash.list', {})).claims;
const restoreClaim = (id: string) => api.call('claims.restore', { id });

const loadSources = async (): Promise<TrashedItem[]> => (await api.call('trash.list', {})).sources;
const restoreSource = (id: string) => api.call('sources.restore', { id });

export function TrashView() {
  return (
    <section className="view" aria-labelledby="trash-title">
      <h1 id="trash-title">Trash</h1>
      <TrashList noun="claim" load={loadClaims} restore={restoreClaim} />
      <TrashList noun="source" load={loadSources} restore={restoreSource} />
    </section>
  );
}
