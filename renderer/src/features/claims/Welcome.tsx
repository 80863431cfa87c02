/**
 * First start: what the score means, in three sentences, and the sample case. Shown above the claim
 * list until dismissed; the dismissal is remembered in this browser's (or window's) localStorage.
 * On the sample case it opens a claim of it; in web mode, when the sample is among the recent cases,
 * it switches to it (session.open); otherwise it says how to create and open it.
 */
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useApp } from '../../store';

const KEY = 'claimtrail.welcome.dismissed';

function dismissed(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

/** The file the desktop app and `claimtrail serve` create and open on first start (db/user-data.ts sampleCasePath). */
const isSample = (path: string | undefined) => !!path && /(^|[\\/])sample\.claimtrail$/.test(path);

/** Opens the sample claim with the most evidence: the best place to see a score explained. */
async function openRichestClaim(): Promise<void> {
  const { items } = await api.call('claims.list', { limit: 200, sort: 'updated', direction: 'desc' });
  const best = [...items].sort((a, b) => b.evidenceCount - a.evidenceCount)[0];
  if (best) useApp.getState().openClaim(best.id);
}

/** In web mode, the sample among the recent cases (the server opens it on first start), if it is still there. */
function useRecentSample(currentIsSample: boolean): string | null {
  const [path, setPath] = useState<string | null>(null);
  useEffect(() => {
    const session = api.session();
    if (!session || currentIsSample) return;
    session('session.cases', {}).then(
      (c) => setPath(c.recent.find((r) => r.exists && isSample(r.path))?.path ?? null),
      () => setPath(null),
    );
  }, [currentIsSample]);
  return path;
}

async function openSampleCase(path: string): Promise<void> {
  const session = api.session();
  if (!session) return;
  await session('session.open', { path });
  window.location.reload(); // everything on the page belonged to the previous case
}

export function Welcome() {
  const info = useApp((s) => s.info);
  const [hidden, setHidden] = useState(dismissed);
  const recentSample = useRecentSample(isSample(info?.path));
  if (hidden || !info) return null;
  const dismiss = () => {
    try {
      localStorage.setItem(KEY, '1');
    } catch {
      /* storage may be unavailable: hidden for this session only */
    }
    setHidden(true);
  };
  return (
    <section className="welcome card" aria-labelledby="welcome-title">
      <h2 id="welcome-title">Welcome to ClaimTrail</h2>
      <p>
        Every claim carries a probability that starts at its prior (50% unless you set another) and moves with each evidence item: a supporting quote
        raises it and a refuting one lowers it, weighted by the source&rsquo;s reliability (A–F) and the quote&rsquo;s credibility (1–6). Reports that
        repeat one another count as one origin, and a source speaking for the claimant counts for nothing, so an echoed story never doubles its weight.
        The word beside the number is the ICD 203 estimative term for its band, and the analytic confidence (low, moderate, high) says how solid the
        evidence behind it is; every step is itemised in the claim&rsquo;s breakdown.
      </p>
      {isSample(info.path) ? (
        <p>
          This is the sample case, built from an analysis brief on DeepSeek: open one of its claims to see a score explained item by item.
        </p>
      ) : (
        <p>
          To explore first, create the sample case (the DeepSeek analysis) with <code>claimtrail init ~/deepseek.claimtrail --sample</code> and open
          it: <strong>File → Open Case…</strong> in the desktop app, or <code>npm run web -- --case ~/deepseek.claimtrail</code> in a browser.
        </p>
      )}
      <div className="actions">
        {isSample(info.path) && (
          <button type="button" className="primary" onClick={() => void openRichestClaim()}>
            Open a sample claim
          </button>
        )}
        {recentSample && (
          <button type="button" className="primary" onClick={() => void openSampleCase(recentSample)}>
            Open the sample case
          </button>
        )}
        <button type="button" onClick={dismiss}>
          Got it, hide this
        </button>
      </div>
    </section>
  );
}
