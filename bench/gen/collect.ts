/** Keeps generated rows in memory, so a timed load replays them without generating. */
import type { GenClaim, GenDispute, GenEvent, GenEvidence, GenSource, Sink } from './model';

export interface Collected extends Sink {
  sources: GenSource[];
  claims: { claim: GenClaim; evidence: GenEvidence[]; dispute: GenDispute | null }[];
  events: GenEvent[];
  /** Emits everything again, in the original order of kinds (sources, claims, events). */
  replay(sink: Sink): void;
}

export function collectSink(): Collected {
  const c: Collected = {
    sources: [],
    claims: [],
    events: [],
    source: (s) => void c.sources.push(s),
    claim: (claim, evidence, dispute) => void c.claims.push({ claim, evidence, dispute }),
    event: (e) => void c.events.push(e),
    replay(sink) {
      for (const s of c.sources) sink.source(s);
      for (const x of c.claims) sink.claim(x.claim, x.evidence, x.dispute);
      for (const e of c.events) sink.event(e);
    },
  };
  return c;
}
