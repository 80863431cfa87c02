/** A scored ACH board as a plain table (CLI text, briefings): rows of cells, one line per evidence item. */
import type { AchBoard } from '../contract/analysis';

export interface BoardTable {
  header: string[];
  rows: string[][];
  /** The last line: each hypothesis's weighted inconsistency. */
  totals: string[];
}

/** A cell's ratings: one code, or the analysts' codes joined with "/" when they differ; "—" when unrated. */
export function cellText(ratings: readonly { rating: string }[]): string {
  const codes = [...new Set(ratings.map((r) => r.rating))];
  return codes.length ? codes.join('/') : '—';
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function boardTable(b: AchBoard, excerptLength = 80): BoardTable {
  const cell = new Map(b.scores.cells.map((c) => [`${c.rowId}\u0000${c.hypothesisId}`, c]));
  const row = new Map(b.scores.rows.map((r) => [r.rowId, r]));
  const score = new Map(b.scores.hypotheses.map((h) => [h.hypothesisId, h.score]));
  return {
    header: ['Evidence', 'Grade', 'Weight', 'Diagnosticity', ...b.hypotheses.map((h) => h.label)],
    rows: b.rows.map((r) => {
      const s = row.get(r.evidenceId)!;
      const flags = [s.critical ? 'critical' : '', s.low ? 'low diagnosticity' : ''].filter(Boolean).join(', ');
      return [
        `${r.label} ${clip(r.excerpt || r.sourceTitle, excerptLength)}${flags ? ` [${flags}]` : ''}`,
        r.grade,
        s.weight.toFixed(2),
        s.diagnosticity.toFixed(1),
        ...b.hypotheses.map((h) => {
          const c = cell.get(`${r.evidenceId}\u0000${h.claimId}`)!;
          return `${cellText(c.ratings)}${c.disagreement ? ' (split)' : ''}`;
        }),
      ];
    }),
    totals: ['Weighted inconsistency', '', '', '', ...b.hypotheses.map((h) => score.get(h.claimId)!.toFixed(2))],
  };
}
