/**
 * The briefing model: what a briefing note says, independent of its output format. Composed from
 * pre-read case data (`BriefingData`) by `composeBriefing`, then laid out as blocks (`layout.ts`)
 * that the Markdown, HTML, DOCX writers and the renderer's preview all walk.
 */
import type { BoardTable } from '../analysis/board-table';
import type { FailedAssumption } from '../claim-warnings';
import type { ConfidenceResult } from '../confidence';
import type { AchBoard } from '../contract/analysis';
import type { Band, ConfidenceLevel } from '../estimative';
import type { Assessment, CaseEvent, Claim, ClaimStatus, Dispute, DisputeOutcome, EvidenceView, Source } from '../types';

/** Which claims a briefing covers: query AND tag, plus hand-picked claims. */
export interface BriefingSelection {
  query?: string;
  tag?: string;
  claimIds?: string[];
  /** ACH boards shown as tables (issue 18); they add no claims. */
  boardIds?: string[];
}

/** Everything composition needs, read from the case beforehand (db/service/briefing-data.ts). */
export interface BriefingData {
  selection: BriefingSelection;
  selectionKey: string;
  generatedAt: string;
  author: string;
  caveat: string;
  claims: BriefingClaimData[];
  /** The selected ACH boards, scored (absent: none). */
  boards?: AchBoard[];
  /** Every source cited by the claims' evidence, and the roots of their lineages. */
  sources: Source[];
  /** The snapshot of the latest saved briefing on the same selection, if any. */
  previous: { id: string; createdAt: string; snapshot: BriefingSnapshot } | null;
  /** The case's history head when the data was read. */
  provenance: Provenance;
}

/** Which state of the case's history a briefing was made from (printed in every format's footer). */
export interface Provenance {
  /** Hash of the newest history event; null in a case without events. */
  headHash: string | null;
  events: number;
  /** A signed statement of the head (filled by the signing code, issue 12.11); null until then. */
  statement: string | null;
}

export interface BriefingClaimData {
  claim: Claim;
  evidence: EvidenceView[];
  disputes: Dispute[];
  model: ConfidenceResult;
  /** The claim's history (oldest first): status, override, confidence and dispute events. */
  events: CaseEvent[];
  /** Key assumptions under the claim that have failed (issue 18.2). */
  failedAssumptions?: FailedAssumption[];
}

export interface ComposeOptions {
  title?: string;
  /** The analyst's BLUF (only text the analyst wrote); when absent one is drafted from the strongest judgments. */
  bluf?: string;
}

/** A numbered citation: one evidence item. */
export interface Footnote {
  n: number;
  evidenceId: string;
  sourceId: string;
  title: string;
  publisher: string | null;
  locator: string | null;
  grade: string;
}

export interface EvidenceLine {
  /** Absent in briefings saved before snapshot version 2. */
  evidenceId?: string;
  stance: 'supports' | 'refutes' | 'context';
  excerpt: string;
  note: string;
  footnote: number;
  /** Where the quote stood in its source's latest capture (issue 13); absent when the source has none. */
  quoteCheck?: QuoteCheck;
}

/** An excerpt checked against the capture of its source: exact, close (score) or not found. */
export interface QuoteCheck {
  status: 'exact' | 'close' | 'not-found';
  /** The similarity of the passage found, for close. */
  score: number | null;
  capturedAt: string;
  /** Set when the quote was in an earlier capture and is not in this one. */
  lostSince: string | null;
}

/** The capture a source's quotes were checked against: "captured DATE, SHA-256 prefix". */
export interface CaptureCitation {
  capturedAt: string;
  sha256: string;
}

export interface DisputeLine {
  /** Absent in briefings saved before snapshot version 2. */
  id?: string;
  raisedBy: string;
  openedAt: string;
  position: string;
  status: 'open' | 'resolved';
  resolution: string | null;
  resolvedAt: string | null;
  /** How the dispute came out; absent in briefings saved before outcomes were recorded. */
  outcome?: DisputeOutcome | null;
}

export interface JudgmentChange {
  at: string;
  what: string;
}

export interface Judgment {
  /** The fixed sentences about the claim (checked by the estimative-language checker). */
  sentences: { likelihood: string; confidence: string; override: string | null; status: string };
  /** "KJ1", "KJ2"… in briefing order. */
  label: string;
  /** 'not-assessed': no evidence counts yet; its number is the prior, not a judgment (issue 11). */
  assessment: Exclude<Assessment, 'not-checkable'>;
  claimId: string;
  text: string;
  claimant: string | null;
  probability: number;
  computedProbability: number;
  overridden: boolean;
  band: Band;
  confidence: ConfidenceLevel;
  confidenceReasons: string[];
  status: ClaimStatus;
  statusRationale: string | null;
  evidence: EvidenceLine[];
  disputes: DisputeLine[];
  changes: JudgmentChange[];
  /** Older changes left out of `changes`. */
  earlierChanges: number;
  warnings: string[];
}

export interface SourceEntry {
  id: string;
  title: string;
  publisher: string | null;
  authors: string[];
  publishedAt: string | null;
  url: string | null;
  reliability: Source['reliability'];
  /** Title of the source it repeats, when derived. */
  derivedFrom: string | null;
  /** The capture its quotes were checked against (issue 13); absent or null when it has none. */
  capture?: CaptureCitation | null;
}

/** A claim that cannot be checked (opinion, value judgment, too vague): listed apart, with no probability. */
export interface NotCheckable {
  claimId: string;
  text: string;
  claimant: string | null;
  why: string | null;
}

export interface SourceSummary {
  sources: number;
  byGrade: Record<Source['reliability'], number>;
  evidenceItems: number;
  independentOrigins: number;
  singleOrigin: string[];
  circular: string[];
  /** Labels of the judgments held with low analytic confidence. */
  lowConfidence: string[];
  /** Judgments with no evidence that counts yet (their number is the prior). */
  notAssessed: string[];
  /** Judgments whose only support shows that the claim was made (the claimant's own word, or repeats of it). */
  attributionOnly: string[];
  /** Judgments citing near-identical wording from different origins, counted as one until the analyst decides. */
  copySuspected: string[];
}

export interface Gap {
  label: string;
  text: string;
  reason: string;
}

export interface ClaimState {
  id: string;
  text: string;
  probability: number;
  band: Band;
  confidence: ConfidenceLevel;
  status: ClaimStatus;
  evidence: number;
  openDisputes: number;
  disputes: number;
  /** Version 2 on: which evidence items and disputes, so additions and removals are named once each. */
  evidenceIds?: string[];
  openDisputeIds?: string[];
  resolvedDisputeIds?: string[];
}

/** Version 1 snapshots (counts only) are still read; new ones are version 2. */
export interface BriefingSnapshot {
  version: 1 | 2;
  claims: ClaimState[];
}

export interface BriefingChanges {
  previousId: string;
  previousAt: string;
  lines: string[];
}

/** An ACH board as a briefing shows it: its hypotheses, the matrix as a table, and one sentence on what it shows. */
export interface BriefingBoard {
  id: string;
  title: string;
  question: string;
  hypotheses: { label: string; text: string }[];
  table: BoardTable;
  reading: string;
}

export interface Briefing {
  title: string;
  generatedAt: string;
  author: string;
  caveat: string;
  selection: BriefingSelection;
  selectionKey: string;
  bluf: string;
  blufDrafted: boolean;
  judgments: Judgment[];
  /** Not-checkable claims of the selection: no probability, listed apart from the judgments. */
  notCheckable: NotCheckable[];
  /** ACH boards of the selection (absent in briefings without any). */
  boards?: BriefingBoard[];
  footnotes: Footnote[];
  summary: SourceSummary;
  gaps: Gap[];
  /** null: no earlier briefing on this selection. */
  changes: BriefingChanges | null;
  sources: SourceEntry[];
  snapshot: BriefingSnapshot;
  provenance: Provenance;
}
