/** What an empty claim list says: why it is empty and what to do next. */
import { useApp } from '../../store';
import { DEFAULT_LIST_QUERY, type ListQuery } from '../../store/list';

function filtered(q: ListQuery): boolean {
  return q.text !== '' || q.tag !== '' || q.status.length > 0 || q.band.length > 0;
}

export function EmptyClaimList() {
  const q = useApp((s) => s.listQuery);
  const setListQuery = useApp((s) => s.setListQuery);
  const go = useApp((s) => s.go);
  if (filtered(q))
    return (
      <div className="empty">
        <p>
          <strong>No claims match these filters.</strong> Evidence, sources and disputes are not searched here: Search looks through all of them.
        </p>
        <div className="actions">
          <button type="button" onClick={() => setListQuery({ ...DEFAULT_LIST_QUERY, sort: q.sort, direction: q.direction })}>
            Clear filters
          </button>
          <button type="button" onClick={() => go('search')}>
            Search everything
          </button>
        </div>
      </div>
    );
  return (
    <div className="empty">
      <p>
        <strong>This case has no claims yet.</strong> Log a claim with <strong>New claim</strong> (or press <kbd>n</kbd>), then add the evidence for and
        against it; or bring a spreadsheet or JSON file in through Import / Export.
      </p>
      <div className="actions">
        <button type="button" onClick={() => go('transfer')}>
          Import claims
        </button>
      </div>
    </div>
  );
}
