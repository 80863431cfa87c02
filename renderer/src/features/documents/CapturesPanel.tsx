/** A source's captures, newest first, with Attach (file) and Capture (URL); each opens the viewer. */
import { useEffect, useState } from 'react';
import type { Capture } from '../../../../core/types';
import { api, errorMessage } from '../../api/client';
import { ErrorText } from '../../components/fields';
import { SafeText } from '../../components/SafeText';
import { useApp } from '../../store';
import './documents.css';
import { AttachControl } from './AttachControl';
import { CaptureUrlControl } from './CaptureUrlControl';
import { formatBytes } from '../../lib/documents/bytes';
import { captureOrigin, capturedTime, newestFirst, shaPrefix } from '../../lib/documents/format';

export function useCaptures(sourceId: string, version: unknown): { captures: Capture[] | null; error: string | null } {
  const [captures, setCaptures] = useState<Capture[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.call('captures.list', { sourceId }).then(
      (list) => live && (setCaptures(newestFirst(list)), setError(null)),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [sourceId, version]);
  return { captures, error };
}

export function CapturesPanel({ sourceId }: { sourceId: string }) {
  const openDocument = useApp((s) => s.openDocument);
  const [version, setVersion] = useState(0);
  const { captures, error } = useCaptures(sourceId, version);
  const reload = () => setVersion((v) => v + 1);
  return (
    <section aria-labelledby="captures-title" className="captures-panel">
      <h3 id="captures-title">Captures{captures ? ` (${captures.length})` : ''}</h3>
      <AttachControl sourceId={sourceId} onDone={reload} />
      <CaptureUrlControl sourceId={sourceId} onDone={reload} />
      <ErrorText error={error} />
      {captures && captures.length === 0 && <p className="muted">Nothing captured yet: attach the document you read, or capture its web address.</p>}
      {captures && captures.length > 0 && (
        <div className="table-scroll">
          <table className="table captures-table" aria-label="Captures of this source, newest first">
            <thead>
              <tr>
                <th scope="col">Captured</th>
                <th scope="col">Type</th>
                <th scope="col">Size</th>
                <th scope="col">SHA-256</th>
                <th scope="col">Pages</th>
                <th scope="col">From</th>
                <th scope="col">HTTP</th>
                <th scope="col">
                  <span className="visually-hidden">Open</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {captures.map((c) => (
                <tr key={c.id}>
                  <td>{capturedTime(c.capturedAt)}</td>
                  <td>{c.mediaType}</td>
                  <td>{formatBytes(c.byteSize)}</td>
                  <td>
                    <code title={c.sha256}>{shaPrefix(c.sha256)}</code>
                  </td>
                  <td>{c.extraction === 'none' ? '—' : c.pageCount}</td>
                  <td className="capture-origin">
                    <SafeText text={captureOrigin(c)} className="mono" />
                  </td>
                  <td>{c.httpStatus ?? '—'}</td>
                  <td>
                    <button
                      type="button"
                      className="small"
                      aria-label={`Open the capture of ${captureOrigin(c)} (${capturedTime(c.capturedAt)})`}
                      onClick={() => openDocument({ sourceId, captureId: c.id, evidenceId: null })}
                    >
                      Open
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
