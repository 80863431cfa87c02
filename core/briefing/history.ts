/**
 * "How the judgment changed": the claim's history reduced to its net change per aspect (band,
 * confidence, status, override), each once, however many intermediate moves it took. Disputes are
 * listed on their own in the briefing, so their events are not repeated here.
 */
import type { CaseEvent } from '../types';
import type { JudgmentChange } from './types';
import { clause, count } from './wording';


type Payload = { before?: Record<string, unknown>; after?: Record<string, unknown> };

const pct = (v: unknown) => (typeof v === 'number' ? `${Math.round(v * 100)}%` : 'none');

interface Aspect {
  kind: CaseEvent['kind'];
  field: string;
  say: (from: unknown, to: unknown) => string;
  show?: (v: unknown) => string;
}

const ASPECTS: Aspect[] = [
  { kind: 'confidence.changed', field: 'band', say: (a, b) => `Probability band moved from ${String(a)} to ${String(b)}` },
  { kind: 'confidence.changed', field: 'confidence', say: (a, b) => `Analytic confidence moved from ${String(a)} to ${String(b)}` },
  { kind: 'claim.status', field: 'status', say: (a, b) => `Status changed from ${String(a)} to ${String(b)}` },
  { kind: 'claim.override', field: 'override', say: (a, b) => `Analyst override changed from ${pct(a)} to ${pct(b)}` },
];

function netChange(events: readonly CaseEvent[], a: Aspect): JudgmentChange | null {
  const moves = events.filter((e) => {
    const p = (e.payload ?? {}) as Payload;
    return e.kind === a.kind && p.before?.[a.field] !== p.after?.[a.field];
  });
  if (!moves.length) return null;
  const first = (moves[0]!.payload ?? {}) as Payload;
  const lastEvent = moves[moves.length - 1]!;
  const last = (lastEvent.payload ?? {}) as Payload;
  const from = first.before?.[a.field];
  const to = last.after?.[a.field];
  if (from === to) return null;
  const net = moves.length > 1 ? ` (net of ${count(moves.length, 'change')})` : '';
  const why = lastEvent.rationale && a.kind !== 'confidence.changed' ? ` — ${clause(lastEvent.rationale)}` : '';
  return { at: lastEvent.at, what: `${a.say(from, to)}${net}${why}.` };
}

export function judgmentChanges(events: readonly CaseEvent[]): { shown: JudgmentChange[]; hidden: number } {
  const shown = ASPECTS.map((a) => netChange(events, a)).filter((c): c is JudgmentChange => c !== null);
  return { shown, hidden: 0 };
}
