/**
 * composeBriefing: pre-read case data → the briefing model. Pure and synchronous, so it can be
 * timed apart from reading (bench) and run anywhere (main process, CLI, tests).
 */
import { readerWarnings } from '../claim-warnings';
import { diffSnapshots, snapshotOf } from './changes';
import { judgmentChanges } from './history';
import { confidenceSentence, draftBluf, likelihoodSentence, notAssessedSentence, overrideSentence, statusSentence } from './sentences';
import { assessSourcing, FootnoteBook, judgmentFacts, sourceList } from './sourcing';
import type { EvidenceView } from '../types';
import type { Briefing, BriefingClaimData, BriefingData, CaptureCitation, ComposeOptions, DisputeLine, Judgment, NotCheckable, QuoteCheck } from './types';

export const DEFAULT_TITLE = 'Briefing note';

function judgmentOf(c: BriefingClaimData, label: string, book: FootnoteBook): Judgment {
  const { claim, model } = c;
  // Not-checkable claims never get here (they are listed apart); the fallbacks only satisfy the types.
  const probability = claim.probability ?? model.probability;
  const band = claim.band ?? model.band;
  const assessment = claim.assessment === 'not-assessed' ? 'not-assessed' : 'assessed';
  const disputes: DisputeLine[] = c.disputes.map((d) => ({
    id: d.id,
    raisedBy: d.raisedBy,
    openedAt: d.openedAt,
    position: d.position,
    status: d.status,
    resolution: d.resolution,
    resolvedAt: d.resolvedAt,
  }));
  const history = judgmentChanges(c.events);
  const warnings = readerWarnings({ claim, model });
  return {
    label,
    assessment,
    claimId: claim.id,
    text: claim.text,
    claimant: claim.claimant,
    probability,
    computedProbability: claim.computedProbability ?? model.probability,
    overridden: claim.overridden,
    band,
    confidence: model.confidence,
    confidenceReasons: model.confidenceReasons,
    status: claim.status,
    statusRationale: claim.statusRationale,
    sentences: {
      likelihood: assessment === 'not-assessed' ? notAssessedSentence(claim.prior) : likelihoodSentence(band, probability),
      confidence: confidenceSentence(model.confidence, model.confidenceReasons),
      override: claim.overridden ? overrideSentence(claim.computedProbability ?? model.probability) : null,
      status: statusSentence(claim.status),
    },
    evidence: c.evidence.map((e) => {
      const quoteCheck = quoteCheckOf(e);
      return { evidenceId: e.id, stance: e.stance, excerpt: e.excerpt, note: e.note, footnote: book.cite(e), ...(quoteCheck ? { quoteCheck } : {}) };
    }),
    disputes,
    changes: history.shown,
    earlierChanges: history.hidden,
    warnings,
  };
}

/** The quote's status in its source's capture, when the source has one. */
function quoteCheckOf(e: EvidenceView): QuoteCheck | null {
  const a = e.anchor;
  if (!a || a.status === 'no-capture' || !a.capturedAt) return null;
  return { status: a.status, score: a.status === 'close' ? a.score : null, capturedAt: a.capturedAt, lostSince: a.lostSince };
}

/** Each quoted source's capture (all of a source's quotes are anchored in its latest capture). */
function capturesOf(claims: readonly BriefingClaimData[]): Map<string, CaptureCitation> {
  const out = new Map<string, CaptureCitation>();
  for (const c of claims)
    for (const e of c.evidence)
      if (e.anchor?.capturedAt && e.anchor.sha256 && !out.has(e.sourceId)) out.set(e.sourceId, { capturedAt: e.anchor.capturedAt, sha256: e.anchor.sha256 });
  return out;
}

export function composeBriefing(data: BriefingData, options: ComposeOptions = {}): Briefing {
  const book = new FootnoteBook();
  // A not-checkable claim is no judgment: it is listed apart, with the analyst's reason and no probability.
  const checkable = data.claims.filter((c) => c.claim.kind !== 'not-checkable');
  const notCheckable: NotCheckable[] = data.claims
    .filter((c) => c.claim.kind === 'not-checkable')
    .map(({ claim }) => ({ claimId: claim.id, text: claim.text, claimant: claim.claimant, why: claim.kindRationale }));
  const judgments = checkable.map((c, i) => judgmentOf(c, `KJ${i + 1}`, book));
  const sources = sourceList(book.notes, data.sources, capturesOf(checkable));
  const snapshot = snapshotOf(judgments);
  const bluf = options.bluf?.trim();
  const { summary, gaps } = assessSourcing(
    checkable.map((c, i) => judgmentFacts(c, judgments[i]!)),
    sources,
    data.sources,
  );
  return {
    title: options.title?.trim() || DEFAULT_TITLE,
    generatedAt: data.generatedAt,
    author: data.author,
    caveat: data.caveat,
    selection: data.selection,
    selectionKey: data.selectionKey,
    bluf: bluf || draftBluf(judgments),
    blufDrafted: !bluf,
    judgments,
    notCheckable,
    footnotes: book.notes,
    summary,
    gaps,
    changes: data.previous
      ? { previousId: data.previous.id, previousAt: data.previous.createdAt, lines: diffSnapshots(data.previous.snapshot, snapshot) }
      : null,
    sources,
    snapshot,
    provenance: data.provenance,
  };
}
