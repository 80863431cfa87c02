/** Progress of a long job (import, export, briefing, index rebuild) with a Cancel button. */
import { useEffect, useState } from 'react';
import type { Progress } from '../../../core/transport';
import { api } from '../api/client';
import { SafeText } from './SafeText';

/** Hide the bar when a job stops reporting (finished, failed or cancelled). */
const IDLE_MS = 2500;

export function ProgressBar() {
  const [p, setP] = useState<Progress | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = api.onProgress((next) => {
      setP(next.total > 0 && next.done >= next.total ? null : next);
      clearTimeout(timer);
      timer = setTimeout(() => setP(null), IDLE_MS);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, []);
  if (!p) return null;
  return (
    <div className="progress" role="region" aria-label="Running job">
      <label htmlFor="job-progress">
        <SafeText text={p.label || p.method} />
      </label>
      <progress id="job-progress" max={p.total || undefined} value={p.total ? p.done : undefined} />
      <span className="muted">
        {p.done.toLocaleString('en')}
        {p.total ? ` / ${p.total.toLocaleString('en')}` : ''}
      </span>
      <button type="button" className="small" onClick={() => void api.cancel()}>
        Cancel job
      </button>
    </div>
  );
}
