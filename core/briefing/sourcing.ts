/** Sourcing parts of a briefing: numbered footnotes, the source list, the source summary and the gaps. */
import { RELIABILITY, isStrongReliability } from '../grades';
import type { EvidenceView, Source } from '../types';
import type { BriefingClaimData, CaptureCitation, Footnote, Gap, Judgment, SourceEntry, SourceSummary } from './types';

/** Numbers evidence items in order of first appearance; returns the number of each item. */
export class FootnoteBook {
  readonly notes: Footnote[] = [];
  private readonly byEvidence = new Map<string, number>();

  cite(e: EvidenceView): number {
    const known = this.byEvidence.get(e.id);
    if (known) return known;
    const n = this.notes.length + 1;
    this.notes.push({
      n,
      evidenceId: e.id,
      sourceId: e.source.id,
      title: e.source.title,
      publisher: e.source.publisher,
      locator: e.locator,
      grade: e.grade,
    });
    this.byEvidence.set(e.id, n);
    return n;
  }
}

/** Cited sources in order of first citation, with the capture their quotes were checked against. */
export function sourceList(footnotes: readonly Footnote[], sources: readonly Source[], captures: ReadonlyMap<string, CaptureCitation> = new Map()): SourceEntry[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const out: SourceEntry[] = [];
  for (const f of footnotes) {
    if (seen.has(f.sourceId)) continue;
    seen.add(f.sourceId);
    const s = byId.get(f.sourceId);
    out.push({
      id: f.sourceId,
      title: s?.title ?? f.title,
      publisher: s?.publisher ?? f.publisher,
      authors: s?.authors ?? [],
      publishedAt: s?.publishedAt ?? null,
      url: s?.url ?? null,
      reliability: s?.reliability ?? 'F',
      derivedFrom: s?.derivedFromId ? (byId.get(s.derivedFromId)?.title ?? null) : null,
      ...(captures.has(f.sourceId) ? { capture: captures.get(f.sourceId) } : {}),
    });
  }
  return out;
}

const isWeak = (e: EvidenceView) => !isStrongReliability(e.source.reliability) || e.credibility >= 4;

/**
 * What the source summary and the gaps both say about one judgment. The "model" helper's facts
 * (attribution-only, copy-suspected…) are added here and to GAP_RULES; nothing else needs to change.
 */
export interface JudgmentFacts {
  label: string;
  text: string;
  /** Evidence items, and those for or against (not context). */
  evidence: number;
  weighed: number;
  /** Grades of the weighed items when every one is weak (reliability D–F or credibility 4–6); else null. */
  weakOnly: string[] | null;
  singleOrigin: boolean;
  circular: boolean;
  lowConfidence: boolean;
  /** Evidence exists but none of it counts yet: the number is the prior. */
  notAssessed: boolean;
  /** All support only shows that the claim was made (attribution, issue 11). */
  attributionOnly: boolean;
  /** Some item nearly repeats the wording of another origin and is counted with it. */
  copySuspected: boolean;
}

export function judgmentFacts(c: BriefingClaimData, j: Judgment): JudgmentFacts {
  const weighed = c.evidence.filter((e) => e.stance !== 'context');
  return {
    label: j.label,
    text: j.text,
    evidence: c.evidence.length,
    weighed: weighed.length,
    weakOnly: weighed.length && weighed.every(isWeak) ? [...new Set(weighed.map((e) => e.grade))].sort() : null,
    singleOrigin: c.model.singleOrigin,
    circular: c.model.circularReporting,
    lowConfidence: c.model.confidence === 'low',
    notAssessed: j.assessment === 'not-assessed',
    attributionOnly: c.model.noIndependentCorroboration,
    copySuspected: c.model.possibleCopies.length > 0,
  };
}

/** Each rule that makes a judgment a gap, with the reason printed for it (in this order). */
export const GAP_RULES: { applies: (f: JudgmentFacts) => boolean; reason: (f: JudgmentFacts) => string }[] = [
  { applies: (f) => f.evidence === 0, reason: () => 'no evidence recorded' },
  { applies: (f) => f.evidence > 0 && f.weighed === 0, reason: () => 'only context evidence; nothing for or against' },
  { applies: (f) => f.attributionOnly, reason: () => 'no independent corroboration: the support only shows that the claim was made' },
  { applies: (f) => f.notAssessed && f.weighed > 0 && !f.attributionOnly, reason: () => 'not assessed: no evidence counts for or against it yet' },
  { applies: (f) => f.copySuspected, reason: () => 'possible copy: near-identical wording from different origins is counted as one origin' },
  { applies: (f) => f.weakOnly !== null, reason: (f) => `only weak evidence (grades ${f.weakOnly!.join(', ')})` },
  { applies: (f) => f.singleOrigin, reason: () => 'all supporting evidence traces to one origin' },
  { applies: (f) => f.circular, reason: () => 'circular reporting: supporting items repeat an origin already counted' },
  { applies: (f) => f.lowConfidence, reason: () => 'low analytic confidence' },
];

/**
 * The source summary and the intelligence gaps from one list of facts, so the two sections can
 * never disagree: every judgment the summary flags is a gap, and "no gaps" means nothing was flagged.
 */
export function assessSourcing(
  facts: readonly JudgmentFacts[],
  entries: readonly SourceEntry[],
  sources: readonly Source[],
): { summary: SourceSummary; gaps: Gap[] } {
  const byGrade = Object.fromEntries(RELIABILITY.map((r) => [r, 0])) as SourceSummary['byGrade'];
  for (const e of entries) byGrade[e.reliability]++;
  const originOf = new Map(sources.map((s) => [s.id, s.originId]));
  const origins = new Set(entries.map((e) => originOf.get(e.id) ?? e.id));
  const labels = (pick: (f: JudgmentFacts) => boolean) => facts.filter(pick).map((f) => f.label);
  const summary: SourceSummary = {
    sources: entries.length,
    byGrade,
    evidenceItems: facts.reduce((n, f) => n + f.evidence, 0),
    independentOrigins: origins.size,
    singleOrigin: labels((f) => f.singleOrigin),
    circular: labels((f) => f.circular),
    lowConfidence: labels((f) => f.lowConfidence),
    notAssessed: labels((f) => f.notAssessed),
    attributionOnly: labels((f) => f.attributionOnly),
    copySuspected: labels((f) => f.copySuspected),
  };
  const gaps = facts.flatMap((f) => {
    const reasons = GAP_RULES.filter((r) => r.applies(f)).map((r) => r.reason(f));
    return reasons.length ? [{ label: f.label, text: f.text, reason: reasons.join('; ') }] : [];
  });
  return { summary, gaps };
}
