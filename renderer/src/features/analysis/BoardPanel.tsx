/** One ACH board: its question, the matrix (keyboard rating), the reading, adding hypotheses and rows, and a briefing with it. */
import { useEffect, useState } from 'react';
import type { Rating } from '../../../../core/analysis/ach';
import type { ComposedBriefing } from '../../../../core/contract/briefings';
import type { AchBoard } from '../../../../core/contract/analysis';
import type { EvidenceView } from '../../../../core/types';
import { api, errorMessage } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { SafeText } from '../../components/SafeText';
import { ErrorText, Select } from '../../components/fields';
import { useApp } from '../../store';
import { useClaimIndex } from '../../store/useClaimIndex';
import { BriefingPreview } from '../briefings/BriefingPreview';
import { Matrix } from './Matrix';

/** Evidence of the hypotheses' claims that is not yet a row (what "add by hand" offers). */
function useCandidateEvidence(board: AchBoard): EvidenceView[] {
  const [items, setItems] = useState<EvidenceView[]>([]);
  const key = board.hypotheses.map((h) => h.claimId).join(',') + '|' + board.rows.length;
  useEffect(() => {
    let live = true;
    const onBoard = new Set(board.rows.map((r) => r.evidenceId));
    void Promise.all(board.hypotheses.map((h) => api.call('claims.get', { id: h.claimId }))).then(
      (details) => live && setItems(details.flatMap((d) => d.evidence).filter((e) => !onBoard.has(e.id))),
      () => live && setItems([]),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return items;
}

export function BoardPanel({ board, onChange }: { board: AchBoard; onChange(b: AchBoard): void }) {
  const analyst = useApp((s) => s.info?.settings.analystName ?? '');
  const announce = useApp((s) => s.announce);
  const index = useClaimIndex();
  const candidates = useCandidateEvidence(board);
  const [error, setError] = useState<string | null>(null);
  const [claimToAdd, setClaimToAdd] = useState('');
  const [evidenceToAdd, setEvidenceToAdd] = useState('');
  const [preview, setPreview] = useState<ComposedBriefing | null>(null);

  const run = async (call: () => Promise<AchBoard>, done: string) => {
    try {
      onChange(await call());
      setError(null);
      announce(done);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const rate = (evidenceId: string, claimId: string, rating: Rating | null) =>
    void run(() => api.call('ach.rate', { id: board.id, evidenceId, claimId, rating }), rating ? `Rated ${rating}` : 'Rating cleared');
  const selection = { claimIds: board.hypotheses.map((h) => h.claimId), boardIds: [board.id] };
  const compose = async () => {
    try {
      setPreview(await api.call('briefings.compose', { selection, title: board.title }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const save = async () => {
    try {
      await api.call('briefings.save', { selection, title: board.title });
      announce('Briefing saved');
      setPreview(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const hypothesisIds = new Set(board.hypotheses.map((h) => h.claimId));

  return (
    <section className="card" aria-labelledby="ach-board-title">
      <h2 id="ach-board-title">
        <SafeText text={board.title} />
      </h2>
      {board.question && (
        <p>
          <strong>Question:</strong> <SafeText text={board.question} />
        </p>
      )}
      <p id="ach-keys" className="hint">
        Arrow keys move between cells; 1–5 rate very consistent, consistent, neutral, inconsistent, very inconsistent (or C, N, I; Shift+C and Shift+I for
        the “very” ratings); Delete clears your rating. You rate as {analyst || 'the case’s analyst'}.
      </p>
      <Matrix board={board} analyst={analyst} onRate={rate} />
      <p className="ach-reading" data-testid="ach-reading">
        <strong>Reading:</strong> <SafeText text={board.reading} />
      </p>
      <ErrorText error={error} />
      <div className="ach-add">
        <Select
          label="Add a hypothesis"
          value={claimToAdd}
          onChange={setClaimToAdd}
          options={[{ value: '', label: 'Choose a claim…' }, ...index.filter((c) => !hypothesisIds.has(c.id)).slice(0, 200).map((c) => ({ value: c.id, label: c.text.slice(0, 120) }))]}
        />
        <button
          type="button"
          disabled={!claimToAdd}
          onClick={() => void run(() => api.call('ach.add', { id: board.id, claimId: claimToAdd }), 'Hypothesis added').then(() => setClaimToAdd(''))}
        >
          Add hypothesis
        </button>
        <Select
          label="Add an evidence row"
          value={evidenceToAdd}
          onChange={setEvidenceToAdd}
          options={[
            { value: '', label: candidates.length ? 'Choose an evidence item…' : 'No other evidence of these claims' },
            ...candidates.map((e) => ({ value: e.id, label: `${e.grade} ${(e.excerpt || e.source.title).slice(0, 110)}` })),
          ]}
        />
        <button
          type="button"
          disabled={!evidenceToAdd}
          onClick={() => void run(() => api.call('ach.add', { id: board.id, evidenceId: evidenceToAdd }), 'Evidence row added').then(() => setEvidenceToAdd(''))}
        >
          Add row
        </button>
      </div>
      <div className="actions">
        <button type="button" onClick={() => void compose()}>
          Briefing with this board…
        </button>
      </div>
      {preview && (
        <Dialog title="Briefing with this board" onClose={() => setPreview(null)} wide>
          <BriefingPreview blocks={preview.blocks} />
          <div className="actions">
            <button type="button" onClick={() => setPreview(null)}>
              Close
            </button>
            <button type="button" className="primary" onClick={() => void save()}>
              Save as a briefing version
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
