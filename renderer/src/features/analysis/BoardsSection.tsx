/** The case's ACH boards: pick one to open its matrix, or start a new one from two or more competing claims. */
import { useEffect, useState, type FormEvent } from 'react';
import type { AchBoard, AchBoardSummary } from '../../../../core/contract/analysis';
import { api, errorMessage } from '../../api/client';
import { Dialog, DialogFooter } from '../../components/Dialog';
import { ErrorText, Select, TextArea, TextField } from '../../components/fields';
import { useApp } from '../../store';
import { BoardPanel } from './BoardPanel';
import { ClaimChecklist } from './ClaimChecklist';

function NewBoardDialog({ onClose, onCreated }: { onClose(): void; onCreated(b: AchBoard): void }) {
  const [title, setTitle] = useState('');
  const [question, setQuestion] = useState('');
  const [claimIds, setClaimIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      onCreated(await api.call('ach.create', { title, question, claimIds }));
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <Dialog title="New ACH board" onClose={onClose} wide>
      <form onSubmit={(e) => void submit(e)}>
        <TextField label="Title" value={title} onChange={setTitle} required />
        <TextArea label="Question" value={question} onChange={setQuestion} rows={2} hint="What the competing hypotheses answer." />
        <ClaimChecklist legend="Competing claims (two or more): the hypotheses" selected={claimIds} onChange={setClaimIds} />
        <p className="hint">Their evidence becomes the rows; you can add other evidence items by hand afterwards.</p>
        <DialogFooter error={error} onCancel={onClose} submitLabel="Create board" />
      </form>
    </Dialog>
  );
}

export function BoardsSection() {
  const [boards, setBoards] = useState<AchBoardSummary[] | null>(null);
  const [board, setBoard] = useState<AchBoard | null>(null);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const announce = useApp((s) => s.announce);

  const open = async (id: string) => {
    try {
      setBoard(id ? await api.call('ach.get', { id }) : null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const load = async (select?: string) => {
    try {
      const list = await api.call('ach.list', {});
      setBoards(list);
      const first = select ?? board?.id ?? list[0]?.id;
      if (first) await open(first);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  useEffect(() => {
    void load();
    // Loads once; later changes come back from each call.
  }, []);

  return (
    <section aria-labelledby="ach-title">
      <div className="view-head">
        <h2 id="ach-title">Competing hypotheses (ACH)</h2>
        <button type="button" onClick={() => setCreating(true)}>
          New board…
        </button>
      </div>
      <ErrorText error={error} />
      {boards && boards.length === 0 && <p className="muted">No boards yet. A board weighs two or more competing claims against the same evidence.</p>}
      {boards && boards.length > 0 && (
        <Select label="Board" value={board?.id ?? ''} onChange={(id) => void open(id)} options={boards.map((b) => ({ value: b.id, label: `${b.title} (${b.hypotheses} hypotheses, ${b.rows} rows)` }))} />
      )}
      {board && <BoardPanel key={board.id} board={board} onChange={setBoard} />}
      {creating && (
        <NewBoardDialog
          onClose={() => setCreating(false)}
          onCreated={(b) => {
            setCreating(false);
            announce('Board created');
            void load(b.id);
          }}
        />
      )}
    </section>
  );
}
