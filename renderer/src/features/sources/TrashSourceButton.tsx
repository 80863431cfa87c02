/** Moves a source to the trash; the API refuses a cited or repeated source, and says why next to the button. */
import { useState } from 'react';
import type { SourceDetail } from '../../../../core/types';
import { api } from '../../api/client';
import { ErrorText } from '../../components/fields';
import { useApp } from '../../store';
import { mutate } from '../../store/mutate';

export function TrashSourceButton({ source }: { source: SourceDetail }) {
  const [error, setError] = useState<string | null>(null);
  const trash = async () => {
    const err = await mutate(() => api.call('sources.delete', { id: source.id }), 'Source moved to the trash');
    setError(err);
    if (!err) useApp.setState({ sourceId: null });
  };
  return (
    <>
      <button type="button" className="danger" onClick={() => void trash()}>
        Move source to trash
      </button>
      <ErrorText error={error} />
    </>
  );
}
