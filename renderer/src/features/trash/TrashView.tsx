/** Deleted claims (claims.list {deleted:true}) and sources (sources.list {deleted:true}), each with Restore. */
import { api } from '../../api/client';
import { TrashList, type Trashed } from './TrashList';

const loadClaims = async (): Promise<Trashed[]> =>
  (await api.call('claims.list', { deleted: true, limit: 500, sort: 'updated', direction: 'desc' })).items;
const restoreClaim = (id: string) => api.call('claims.restore', { id });

const loadSources = async (): Promise<Trashed[]> =>
  (await api.call('sources.list', { deleted: true, limit: 500 })).items.map((s) => ({ id: s.id, text: s.title, deletedAt: s.deletedAt }));
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
