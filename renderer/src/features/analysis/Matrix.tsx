/**
 * An ACH board's matrix as a grid: evidence rows × hypotheses. Keyboard: arrow keys (and Home/End)
 * move between cells; 1–5 set very consistent … very inconsistent, C/N/I set consistent, neutral,
 * inconsistent (Shift+C very consistent, Shift+I very inconsistent); Delete, Backspace or 0 clear
 * your rating. Low-diagnosticity rows are greyed, critical ones marked.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { RATING_LABEL, type Rating } from '../../../../core/analysis/ach';
import { cellText } from '../../../../core/analysis/board-table';
import type { AchBoard } from '../../../../core/contract/analysis';
import { GradeBadge } from '../../components/Grade';
import { SafeText } from '../../components/SafeText';

const BY_DIGIT: Record<string, Rating> = { '1': 'CC', '2': 'C', '3': 'N', '4': 'I', '5': 'II' };
const BY_LETTER: Record<string, Rating> = { c: 'C', C: 'CC', n: 'N', N: 'N', i: 'I', I: 'II' };
const CLEAR = new Set(['Delete', 'Backspace', '0']);

/** The rating a key sets: a Rating, null (clear), or undefined (not a rating key). */
export function ratingForKey(key: string): Rating | null | undefined {
  if (CLEAR.has(key)) return null;
  return BY_DIGIT[key] ?? BY_LETTER[key];
}

interface Props {
  board: AchBoard;
  analyst: string;
  onRate(evidenceId: string, claimId: string, rating: Rating | null): void;
}

export function Matrix({ board, analyst, onRate }: Props) {
  const [at, setAt] = useState({ r: 0, c: 0 });
  const cells = useRef(new Map<string, HTMLTableCellElement>());
  const cellOf = new Map(board.scores.cells.map((c) => [`${c.rowId}\u0000${c.hypothesisId}`, c]));
  const rowScore = new Map(board.scores.rows.map((r) => [r.rowId, r]));
  const score = new Map(board.scores.hypotheses.map((h) => [h.hypothesisId, h]));
  const nRows = board.rows.length;
  const nCols = board.hypotheses.length;

  const moveTo = (r: number, c: number) => {
    const next = { r: Math.max(0, Math.min(nRows - 1, r)), c: Math.max(0, Math.min(nCols - 1, c)) };
    setAt(next);
    cells.current.get(`${next.r}:${next.c}`)?.focus();
  };

  const onKey = (e: KeyboardEvent<HTMLTableCellElement>, r: number, c: number) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [r - 1, c],
      ArrowDown: [r + 1, c],
      ArrowLeft: [r, c - 1],
      ArrowRight: [r, c + 1],
      Home: [r, 0],
      End: [r, nCols - 1],
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      moveTo(...move);
      return;
    }
    const rating = ratingForKey(e.key);
    if (rating === undefined) return;
    e.preventDefault();
    onRate(board.rows[r]!.evidenceId, board.hypotheses[c]!.claimId, rating);
  };

  if (!nRows) return <p className="muted">No evidence rows yet: add a hypothesis with evidence, or an evidence item by hand.</p>;
  return (
    <table className="table ach-matrix" role="grid" aria-label={`${board.title}: consistency matrix`} aria-describedby="ach-keys">
      <thead>
        <tr>
          <th scope="col">Evidence</th>
          <th scope="col">Grade</th>
          <th scope="col">Diagnosticity</th>
          {board.hypotheses.map((h) => (
            <th scope="col" key={h.claimId} className={board.scores.leader === h.claimId ? 'ach-leader' : undefined}>
              {h.label}
              {board.scores.leader === h.claimId && <span className="badge"> least contradicted</span>}
              <div className="ach-hypothesis">
                <SafeText text={h.text} />
              </div>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {board.rows.map((row, r) => {
          const s = rowScore.get(row.evidenceId)!;
          return (
            <tr key={row.evidenceId} className={s.low ? 'ach-low' : undefined} data-testid={`ach-row-${row.label}`}>
              <th scope="row">
                {row.label} <SafeText text={row.excerpt || row.sourceTitle} />
                {s.critical && <span className="badge warn"> critical</span>}
                {s.low && <span className="visually-hidden"> (low diagnosticity)</span>}
                {row.note && (
                  <div className="hint">
                    <SafeText text={row.note} />
                  </div>
                )}
              </th>
              <td>
                <GradeBadge reliability={row.reliability} credibility={row.credibility} />
              </td>
              <td>{s.diagnosticity.toFixed(1)}</td>
              {board.hypotheses.map((h, c) => {
                const cell = cellOf.get(`${row.evidenceId}\u0000${h.claimId}`)!;
                const mine = cell.ratings.find((x) => x.analyst === analyst)?.rating;
                const others = cell.ratings.filter((x) => x.analyst !== analyst);
                const focused = at.r === r && at.c === c;
                return (
                  <td
                    key={h.claimId}
                    ref={(el) => {
                      if (el) cells.current.set(`${r}:${c}`, el);
                      else cells.current.delete(`${r}:${c}`);
                    }}
                    tabIndex={focused ? 0 : -1}
                    className={`ach-cell${cell.disagreement ? ' ach-split' : ''}`}
                    data-testid={`ach-cell-${row.label}-${h.label}`}
                    onFocus={() => setAt({ r, c })}
                    onKeyDown={(e) => onKey(e, r, c)}
                  >
                    <span className="ach-code">{cellText(cell.ratings)}</span>
                    <span className="visually-hidden">
                      {` ${row.label} against ${h.label}: ${mine ? `your rating ${RATING_LABEL[mine]}` : 'not rated by you'}`}
                      {others.length ? `; ${others.map((o) => `${o.analyst}: ${RATING_LABEL[o.rating]}`).join('; ')}` : ''}
                    </span>
                    {cell.disagreement && <span className="badge warn"> split</span>}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={3}>
            Weighted inconsistency
          </th>
          {board.hypotheses.map((h) => (
            <td key={h.claimId} data-testid={`ach-score-${h.label}`}>
              {score.get(h.claimId)!.score.toFixed(2)}
            </td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}
