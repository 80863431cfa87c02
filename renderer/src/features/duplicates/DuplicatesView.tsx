/**
 * The duplicate review queue (duplicates.list): claims the similar-claim matcher pairs and sources with
 * the same URL or DOI, each pair side by side with its reason and score, and the three answers: merge
 * (either way round), keep both, not a duplicate. Live merges can be undone here.
 */
import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import type { DuplicateCandidate, DuplicateEntity, DuplicateQueue, MergeRecord, ReviewedPair } from '../../../../core/contract/duplicates';
import { api, errorMessage } from '../../api/client';
import { SafeText } from '../../components/SafeText';
import { useApp } from '../../store';
import { mutate } from '../../store/mutate';
import './duplicates.css';

const TABS: { entity: DuplicateEntity; label: string }[] = [
  { entity: 'claim', label: 'Claims' },
  { entity: 'source', label: 'Sources' },
];

const pct = (x: number) => `${Math.round(x * 100)}%`;
const short = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s);

/** Opens a claim's page or a source's detail. */
function useOpen(entity: DuplicateEntity): (id: string) => void {
  const openClaim = useApp((s) => s.openClaim);
  const openSource = useApp((s) => s.openSource);
  return entity === 'claim' ? openClaim : openSource;
}

function SideBySide({ pair }: { pair: DuplicateCandidate }) {
  const noun = pair.entity === 'claim' ? 'Claim' : 'Title';
  const open = useOpen(pair.entity);
  const openButton = (tag: string, side: DuplicateCandidate['a']) => (
    <td>
      <button type="button" className="small" aria-label={`Open ${tag}, the ${pair.entity} “${short(side.title)}”`} onClick={() => open(side.id)}>
        Open {tag}
      </button>
    </td>
  );
  return (
    <table className="dup-side-by-side">
      <caption className="visually-hidden">The two {pair.entity}s side by side</caption>
      <thead>
        <tr>
          <td />
          <th scope="col">A</th>
          <th scope="col">B</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{noun}</th>
          <td>
            <SafeText text={pair.a.title} />
          </td>
          <td>
            <SafeText text={pair.b.title} />
          </td>
        </tr>
        {pair.a.facts.map((f, i) => {
          const other = pair.b.facts[i]?.value ?? '';
          const differs = f.value !== other;
          return (
            <tr key={f.label} className={differs ? 'differs' : undefined}>
              <th scope="row">{f.label}</th>
              <td>{f.value ? <SafeText text={f.value} /> : <span className="muted">—</span>}</td>
              <td>{other ? <SafeText text={other} /> : <span className="muted">—</span>}</td>
            </tr>
          );
        })}
        <tr>
          <th scope="row">Open</th>
          {openButton('A', pair.a)}
          {openButton('B', pair.b)}
        </tr>
      </tbody>
    </table>
  );
}

interface PairProps {
  pair: DuplicateCandidate;
  index: number;
  onDone(message: string, run: () => Promise<unknown>): Promise<void>;
}

function PairCard({ pair, index, onDone }: PairProps) {
  const headingId = `dup-${pair.entity}-${index}`;
  const { a, b, entity } = pair;
  const merge = (survivor: typeof a, merged: typeof a) =>
    onDone(`Merged into ${entity} “${short(survivor.title)}”`, () => api.call('duplicates.merge', { entity, survivorId: survivor.id, mergedId: merged.id }));
  const dismiss = (verdict: 'keep-both' | 'not-duplicate') =>
    onDone(verdict === 'keep-both' ? 'Both kept' : 'Marked as not a duplicate', () => api.call('duplicates.dismiss', { entity, aId: a.id, bId: b.id, verdict }));
  return (
    <article className="dup-pair" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Possible duplicate {entity}s, score {pct(pair.score)}
      </h3>
      <p className="muted">Reason: {pair.explanation}</p>
      <SideBySide pair={pair} />
      <div className="dup-actions" role="group" aria-label={`Answer for pair ${index + 1}`}>
        <button type="button" className="primary" onClick={() => void merge(a, b)}>
          Merge B into A
        </button>
        <button type="button" onClick={() => void merge(b, a)}>
          Merge A into B
        </button>
        <button type="button" onClick={() => void dismiss('keep-both')}>
          Keep both
        </button>
        <button type="button" onClick={() => void dismiss('not-duplicate')}>
          Not a duplicate
        </button>
      </div>
    </article>
  );
}

function MergeList({ entity, merges, onDone }: { entity: DuplicateEntity; merges: MergeRecord[]; onDone: PairProps['onDone'] }) {
  const open = useOpen(entity);
  if (merges.length === 0) return null;
  return (
    <section aria-labelledby="dup-merges">
      <h2 id="dup-merges">Merges that can be undone</h2>
      <ul className="plain-list" aria-label="Merges">
        {merges.map((m) => (
          <li key={m.id}>
            <SafeText text={m.mergedTitle} /> <span className="muted">merged into</span> <SafeText text={m.survivorTitle} />{' '}
            <span className="muted">({m.createdAt.slice(0, 10)})</span>{' '}
            <button type="button" className="small" aria-label={`Open the ${m.entity} kept: ${short(m.survivorTitle)}`} onClick={() => open(m.survivorId)}>
              Open
            </button>{' '}
            <button
              type="button"
              className="small"
              aria-label={`Un-merge ${m.entity}: ${short(m.mergedTitle)}`}
              onClick={() => void onDone(`Un-merged ${m.entity} “${short(m.mergedTitle)}”`, () => api.call('duplicates.unmerge', { id: m.id }))}
            >
              Un-merge
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

const VERDICT_LABEL = { 'not-duplicate': 'not a duplicate', 'keep-both': 'both kept' } as const;

function ReviewedList({ reviewed }: { reviewed: ReviewedPair[] }) {
  if (reviewed.length === 0) return null;
  return (
    <section aria-labelledby="dup-reviewed">
      <h2 id="dup-reviewed">Pairs kept apart</h2>
      <ul className="plain-list" aria-label="Pairs kept apart">
        {reviewed.map((r) => (
          <li key={`${r.aId}:${r.bId}`}>
            <SafeText text={r.aTitle} /> <span className="muted">/</span> <SafeText text={r.bTitle} />{' '}
            <span className="muted">
              — {VERDICT_LABEL[r.verdict]} ({r.createdAt.slice(0, 10)})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function DuplicatesView() {
  const [queue, setQueue] = useState<DuplicateQueue | null>(null);
  const [tab, setTab] = useState<DuplicateEntity>('claim');
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    api.call('duplicates.list', {}).then(
      (q) => {
        setQueue(q);
        setError(null);
      },
      (e) => setError(errorMessage(e)),
    );
  }, []);
  useEffect(reload, [reload]);
  const onDone = async (message: string, run: () => Promise<unknown>) => {
    setError(await mutate(run, message));
    reload();
  };
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const i = TABS.findIndex((t) => t.entity === tab);
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : (i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length;
    setTab(TABS[next]!.entity);
    document.getElementById(`dup-tab-${TABS[next]!.entity}`)?.focus();
  };
  const pairs = queue ? (tab === 'claim' ? queue.claims : queue.sources) : [];
  const live = queue?.merges.filter((m) => !m.undoneAt && m.entity === tab) ?? [];
  return (
    <section className="view duplicates-view" aria-labelledby="duplicates-title">
      <h1 id="duplicates-title">Duplicates</h1>
      <p className="muted">
        Claims the similar-claim check pairs and sources with the same address or DOI. A merge moves everything to the one you keep and can be undone;
        “Keep both” and “Not a duplicate” are remembered and the pair is not offered again.
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="dup-tabs" role="tablist" aria-label="Duplicate kinds">
        {TABS.map((t) => {
          const n = queue ? (t.entity === 'claim' ? queue.claims : queue.sources).length : null;
          return (
            <button
              key={t.entity}
              id={`dup-tab-${t.entity}`}
              type="button"
              role="tab"
              aria-selected={tab === t.entity}
              aria-controls="dup-panel"
              tabIndex={tab === t.entity ? 0 : -1}
              onClick={() => setTab(t.entity)}
              onKeyDown={onTabKey}
            >
              {t.label}
              {n !== null ? ` (${n})` : ''}
            </button>
          );
        })}
      </div>
      <div id="dup-panel" role="tabpanel" aria-labelledby={`dup-tab-${tab}`}>
        {!queue && !error && <p className="muted">Looking for duplicates…</p>}
        {queue && pairs.length === 0 && <p className="muted">No possible duplicate {tab}s.</p>}
        {pairs.map((p, i) => (
          <PairCard key={`${p.a.id}:${p.b.id}`} pair={p} index={i} onDone={onDone} />
        ))}
        <MergeList entity={tab} merges={live} onDone={onDone} />
        <ReviewedList reviewed={queue?.reviewed.filter((r) => r.entity === tab) ?? []} />
      </div>
    </section>
  );
}
