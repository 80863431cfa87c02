/** "How the judgment changed": the claim's history events turned into short dated lines. */
import type { CaseEvent } from '../types';
import type { JudgmentChange } from './types';

/** At most this many changes per claim are shown (the latest ones). */
export const MAX_CHANGES = 8;

type Payload = {
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  cause?: string;
};

const pct = (v: unknown) => (typeof v === 'number' ? `${Math.round(v * 100)}%` : 'none');

/** One event can yield two lines (band and confidence moves are never put in one sentence). */
function linesOf(e: CaseEvent): string[] {
  const p = (e.payload ?? {}) as Payload;
  const b = p.before ?? {};
  const a = p.after ?? {};
  const why = e.rationale ? ` — ${e.rationale}` : '';
  switch (e.kind) {
    case 'confidence.changed': {
      const cause = p.cause ? ` (${p.cause})` : '';
      const out: string[] = [];
      if (b.band !== a.band) out.push(`Probability band moved from ${String(b.band)} to ${String(a.band)}${cause}.`);
      if (b.confidence !== a.confidence) out.push(`Analytic confidence moved from ${String(b.confidence)} to ${String(a.confidence)}${cause}.`);
      return out;
    }
    case 'claim.status':
      return [`Status changed from ${String(b.status)} to ${String(a.status)}${why}.`];
    case 'claim.override':
      return [`Analyst override changed from ${pct(b.override)} to ${pct(a.override)}${why}.`];
    case 'dispute.opened': {
      const d = a as { raisedBy?: string };
      return [`Dispute opened by ${d.raisedBy ?? 'someone'}.`];
    }
    case 'dispute.resolved':
      return [`Dispute resolved${why}.`];
    default:
      return [];
  }
}

export function judgmentChanges(events: readonly CaseEvent[]): { shown: JudgmentChange[]; hidden: number } {
  const all = events.flatMap((e) => linesOf(e).map((what) => ({ at: e.at, what })));
  const shown = all.slice(-MAX_CHANGES);
  return { shown, hidden: all.length - shown.length };
}
