/** One kind of deleted item (claims or sources): when and by whom, the reason given, and a Restore button each. */
import { useCallback, useEffect, useState } from 'react';
import type { TrashedItem } from '../../../../core/contract/trash';
import { errorMessage } from '../../api/client';
import { SafeText } from '../../components/SafeText';
import { mutate } from '../../store/mutate';

type Trashed = TrashedItem;

interface Props {
  /** e.g. "claim" — used in headings and accessible names */
  noun: string;
  load(): Promise<Trashed[]>;
  restore(id: string): Promise<unknown>;
}

export function TrashList({ noun, load, restore }: Props) {
  const [items, setItems] = useState<Trashed[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    load().then(setItems, (e) => setError(errorMessage(e)));
  }, [load]);
  useEffect(reload, [reload]);
  const onRestore = async (item: Trashed) => {
    setError(await mutate(() => restore(item.id), `${noun[0]!.toUpperCase()}${noun.slice(1)} restored`));
    reload();
  };
  const headingId = `trash-${noun}s`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Deleted {noun}s</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {items?.length === 0 && <p className="muted">No deleted {noun}s.</p>}
      <ul className="plain-list" aria-label={`Deleted ${noun}s`}>
        {items?.map((item) => (
          <li key={item.id} className="trash-item">
            <SafeText text={item.text} />{' '}
            <span className="muted">
              deleted {item.deletedAt.slice(0, 10)}
              {item.deletedBy && (
                <>
                  {' '}
                  by <SafeText text={item.deletedBy} />
                </>
              )}
            </span>{' '}
            <button type="button" className="small" aria-label={`Restore ${noun}: ${item.text.slice(0, 80)}`} onClick={() => void onRestore(item)}>
              Restore
            </button>
            <div className="trash-reason">
              {item.reason ? (
                <>
                  Reason: <SafeText text={item.reason} />
                </>
              ) : (
                <span className="muted">No reason given.</span>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
