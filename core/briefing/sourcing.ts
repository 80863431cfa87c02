/** Sourcing parts of a briefing: numbered footnotes, the source list, the source summary and the gaps. */
import { RELIABILITY, isStrongReliability } from '../grades';
import type { EvidenceView, Source } from '../types';
import type { BriefingClaimData, Footnote, Gap, Judgment, SourceEntry, SourceSummary } from './types';

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

/** Cited sources in order of first citation. */
export function sourceList(footnotes: readonly Footnote[], sources: readonly Source[]): SourceEntry[] {
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
    });
  }
  return out;
}

export function sourceSummary(
  entries: readonly SourceEntry[],
  claims: readonly BriefingClaimData[],
  judgments: readonly Judgment[],
  sources: readonly Source[],
): SourceSummary {
  const byGrade = Object.fromEntries(RELIABILITY.map((r) => [r, 0])) as SourceSummary['byGrade'];
  for (const e of entries) byGrade[e.reliability]++;
  const originOf = new Map(sources.map((s) => [s.id, s.originId]));
  const origins = new Set(entries.map((e) => originOf.get(e.id) ?? e.id));
  return {
    sources: entries.length,
    byGrade,
    evidenceItems: claims.reduce((n, c) => n + c.evidence.length, 0),
    independentOrigins: origins.size,
    singleOrigin: judgments.filter((_, i) => claims[i]!.model.singleOrigin).map((j) => j.label),
    circular: judgments.filter((_, i) => claims[i]!.model.circularReporting).map((j) => j.label),
  };
}

const isWeak = (e: EvidenceView) => !isStrongReliability(e.source.reliability) || e.credibility >= 4;

/** Claims with no evidence for or against, only weak evidence, or a low-confidence single origin. */
export function gapOf(c: BriefingClaimData, j: Judgment): Gap | null {
  const weighed = c.evidence.filter((e) => e.stance !== 'context');
  const gap = (reason: string): Gap => ({ label: j.label, text: j.text, reason });
  if (weighed.length === 0)
    return gap(c.evidence.length ? 'only context evidence; nothing for or against' : 'no evidence recorded');
  if (weighed.every(isWeak))
    return gap(`only weak evidence (grades ${[...new Set(weighed.map((e) => e.grade))].sort().join(', ')})`);
  if (c.model.singleOrigin && c.model.refuteOrigins === 0 && c.model.confidence === 'low')
    return gap('all supporting evidence traces to one origin');
  return null;
}
