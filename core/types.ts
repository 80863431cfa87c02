/** Domain types: what the API returns. Ids are stable text ids (UUIDv7); times are ISO-8601 UTC. */
import type { BreakdownItem, ConfidenceResult, Stance } from './confidence';
import type { Band, ConfidenceLevel } from './estimative';
import type { Credibility, Reliability } from './grades';
import type { ApiShape } from './records/define';
import type { disputeRecord, sourceRecord } from './records/records';

export type { Stance, Band, ConfidenceLevel, Credibility, Reliability, BreakdownItem };

export const CLAIM_STATUSES = [
  'unverified',
  'under review',
  'supported',
  'disputed',
  'refuted',
  'mixed',
  'unresolvable',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
/** Verdicts that need a written rationale. */
export const STATUSES_NEEDING_RATIONALE: readonly ClaimStatus[] = [
  'supported',
  'disputed',
  'refuted',
  'mixed',
  'unresolvable',
];

export const SOURCE_KINDS = [
  'report',
  'news',
  'official statement',
  'paper',
  'social post',
  'dataset',
  'interview',
  /** A web page (a URL capture makes one). */
  'web',
  'other',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const STANCES = ['supports', 'refutes', 'context'] as const;
export const LINK_KINDS = ['depends-on', 'contradicts', 'duplicate-of', 'part-of'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** How a claim was finally settled (for calibration); null while open. */
export const OUTCOMES = ['true', 'false'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * What sort of statement a claim is (docs/confidence.md): a fact (checkable now), a forecast (about
 * the future; its probability is a prediction settled later) or not checkable (opinion, value
 * judgment, too vague to test). A not-checkable claim carries no probability and needs a reason.
 */
export const CLAIM_KINDS = ['fact', 'forecast', 'not-checkable'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/**
 * Whether a probability is a judgment: `assessed` (some evidence counts), `not-assessed` (nothing
 * counts yet: the probability shown is only the prior) or `not-checkable` (no probability at all).
 */
export const ASSESSMENTS = ['assessed', 'not-assessed', 'not-checkable'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

export interface Quantity {
  value: number;
  unit: string;
  scope: string | null;
  asOf: string | null;
}

export interface ClaimSummary {
  id: string;
  text: string;
  claimant: string | null;
  claimedAt: string | null;
  status: ClaimStatus;
  tags: string[];
  kind: ClaimKind;
  assessment: Assessment;
  /** The probability in force: the analyst's override when set, else the computed one; null iff not checkable. */
  probability: number | null;
  computedProbability: number | null;
  band: Band | null;
  confidence: ConfidenceLevel;
  overridden: boolean;
  evidenceCount: number;
  openDisputes: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface Claim extends ClaimSummary {
  prior: number;
  notes: string;
  context: string | null;
  quantity: Quantity | null;
  override: { probability: number; rationale: string } | null;
  statusRationale: string | null;
  /** Why the claim is of its kind (required for not-checkable). */
  kindRationale: string | null;
  /** What actually happened, recorded apart from the verdict (status); null while unknown. */
  outcome: Outcome | null;
  outcomeAt: string | null;
  outcomeNote: string | null;
  /** Where the analyst publishes this claim's fact check (its ClaimReview `url`); null: the case's review base URL + the claim's id. */
  reviewUrl: string | null;
}

export interface SourceRef {
  id: string;
  title: string;
  publisher: string | null;
  reliability: Reliability;
  url: string | null;
}

/** What an analyst records about a source (everything but ids, lineage and timestamps). */
/** A source's fields as the analyst gives them; the plain ones typed by its declaration (core/records/records.ts). */
export interface SourceFields
  extends ApiShape<
    typeof sourceRecord,
    'title' | 'url' | 'publisher' | 'published_at' | 'accessed_at' | 'kind' | 'reliability' | 'doi' | 'notes' | 'file_sha256'
  > {
  /** Stored as JSON text. */
  authors: string[];
  /** A CSL-JSON item, stored as JSON text. */
  csl: Record<string, unknown> | null;
  /**
   * Whom the source speaks for (e.g. its own company; several names separated by ";"): its
   * statements show what that party says, they do not corroborate its claims. Absent = nobody.
   */
  speaksFor?: string | null;
}

export interface Source extends SourceRef {
  authors: string[];
  publishedAt: string | null;
  accessedAt: string | null;
  kind: SourceKind;
  derivedFromId: string | null;
  /** Lineage root (the source itself when it derives from nothing). */
  originId: string;
  doi: string | null;
  notes: string;
  fileSha256: string | null;
  csl: Record<string, unknown> | null;
  speaksFor: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** An evidence item whose quote nearly repeats another one from a different origin. */
export interface PossibleCopy {
  evidenceId: string;
  claimId: string;
  sourceId: string;
  sourceTitle: string;
  /** The item it nearly repeats. */
  copyOfEvidenceId: string;
  copyOfSourceId: string;
  copyOfSourceTitle: string;
}

export interface SourceDetail extends Source {
  /** From this source up to its root. */
  lineage: SourceRef[];
  derived: SourceRef[];
  citedBy: { claimId: string; claimText: string; stance: Stance; evidenceId: string }[];
  /** Items of this source that nearly repeat, or are nearly repeated by, an item of another origin. */
  possibleCopies: PossibleCopy[];
}

export interface Evidence {
  id: string;
  claimId: string;
  sourceId: string;
  stance: Stance;
  excerpt: string;
  locator: string | null;
  credibility: Credibility;
  weight: number;
  note: string;
  /** The analyst says this item only shows that the claim was made (counts 0). */
  attribution: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface EvidenceView extends Evidence {
  source: SourceRef;
  /** e.g. "B2" */
  grade: string;
  /** Where the excerpt stands in the source's latest capture (issue 13). */
  anchor?: QuoteAnchor;
}

export interface DisputeResponse {
  id: string;
  author: string;
  text: string;
  createdAt: string;
}

/** A challenge to a claim, without its links to claim, evidence and responses (typed by its declaration). */
export type DisputeFields = ApiShape<typeof disputeRecord, 'raised_by' | 'position' | 'opened_at' | 'status' | 'resolution' | 'resolved_at'>;

/** How a resolved dispute came out: the challenge upheld, rejected, or partly upheld. */
export const DISPUTE_OUTCOMES = ['upheld', 'rejected', 'partly'] as const;
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];
export const DISPUTE_OUTCOME_LABEL: Record<DisputeOutcome, string> = { upheld: 'upheld', rejected: 'rejected', partly: 'partly upheld' };

export interface Dispute extends DisputeFields {
  id: string;
  /** Set when resolved (null for disputes resolved before outcomes were recorded, and while open). */
  outcome: DisputeOutcome | null;
  claimId: string;
  evidenceIds: string[];
  responses: DisputeResponse[];
}

export interface ClaimLink {
  id: string;
  fromId: string;
  toId: string;
  kind: LinkKind;
  note: string;
  otherText: string;
  direction: 'outgoing' | 'incoming';
}

export interface ClaimDetail {
  claim: Claim;
  evidence: EvidenceView[];
  disputes: Dispute[];
  links: ClaimLink[];
  model: ConfidenceResult;
  warnings: string[];
  /** Undeclared near-copies among this claim's evidence. */
  possibleCopies: PossibleCopy[];
}

export interface CaseEvent {
  seq: number;
  id: string;
  at: string;
  actor: string;
  kind: string;
  entityType: string;
  entityId: string;
  claimId: string | null;
  payload: unknown;
  rationale: string | null;
  prevHash: string;
  hash: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

export interface HighlightSegment {
  text: string;
  match: boolean;
}

export const SEARCH_KINDS = ['claims', 'evidence', 'sources', 'disputes', 'documents'] as const;
/** The groups of a search result; `documents` = the extracted text of captured documents (issue 13). */
export type SearchKind = (typeof SEARCH_KINDS)[number];
/** How each group is named (the renderer's result headings). */
export const SEARCH_KIND_LABELS: Record<SearchKind, string> = { claims: 'Claims', evidence: 'Evidence', sources: 'Sources', disputes: 'Disputes', documents: 'Documents' };

/** Documents hits: where the matched text stands (the capture of a source, and the page of its text). */
export interface SearchHitCapture {
  captureId: string;
  sourceId: string;
  /** When the capture was stored (ISO-8601 UTC). */
  capturedAt: string;
  /** The page of the extracted text (1 for documents without pages). */
  page: number;
  /** How many pages the capture's text has. */
  pageCount: number;
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  claimId: string | null;
  title: string;
  snippet: HighlightSegment[];
  rank: number;
  /** Claims: the whole claim text with the matched words marked (the snippet may be a cut of the same text). */
  titleMarks?: HighlightSegment[];
  /** Evidence hits: how the item bears on its claim, its grade (e.g. B2) and its source's title. */
  stance?: Stance;
  grade?: string;
  source?: string;
  /** Documents hits: the capture and page the snippet comes from (`title` is the source's title). */
  capture?: SearchHitCapture;
}

export interface SearchResult {
  query: string;
  /** A message for the analyst when the query was adjusted or could not run (never an SQLite error). */
  notices: string[];
  groups: Record<SearchKind, SearchHit[]>;
  total: number;
  /**
   * When the query found nothing: the same query with its unknown words replaced by the closest words
   * of this case; `groups` then hold that query's results (and a notice says so).
   */
  suggestion?: string;
}

export interface VerifyResult {
  ok: boolean;
  events: number;
  headHash: string | null;
  firstBroken: { seq: number; id: string | null; reason: string } | null;
  /** history.verify: every stored document re-hashed and checked against its capture.added event (issue 13). */
  captures?: CaptureCheck;
  /** history.verify: the log replayed into an empty case and compared with the live tables (issue 14). */
  state?: StateCheck;
}

/** A value as SQLite stores it (blobs are compared by their SHA-256 elsewhere). */
export type StoredValue = string | number | null;

/** The first record and field where the live tables and the replayed history disagree. */
export interface StateDifference {
  entity: string;
  table: string;
  /** The row's key: its rowid, or the JSON array of its primary-key columns. */
  key: string;
  /** The record's public id, when it has one. */
  id: string | null;
  /** The column that differs; null when the whole record is missing on one side. */
  field: string | null;
  label: string | null;
  live: StoredValue;
  log: StoredValue;
  message: string;
}

export interface StateCheck {
  ok: boolean;
  /** Records compared (live rows equal to their replayed counterpart). */
  records: number;
  /** Events whose row changes were replayed, and the changes applied. */
  events: number;
  changes: number;
  firstDifference: StateDifference | null;
  /** Set when the log could not be replayed at all: the event and why. */
  replayError: { seq: number; reason: string } | null;
}

export interface Settings {
  analystName: string;
  caveat: string;
  backupsToKeep: number;
  /** Where the case's fact checks are published: a claim's ClaimReview `url` is this plus the claim's id, unless the claim has its own (empty: none). */
  reviewBaseUrl: string;
}

export interface CaseInfo {
  path: string;
  title: string;
  schemaVersion: number;
  counts: { claims: number; sources: number; evidence: number; disputes: number; events: number; trash: number };
  settings: Settings;
}

/* ---- Captured documents (issue 13) ---- */

export const CAPTURE_ORIGINS = ['file', 'url'] as const;
export type CaptureOrigin = (typeof CAPTURE_ORIGINS)[number];

/** What text could be taken from a capture: `text` (extracted), `none` (an image: kept and shown, no OCR). */
export const EXTRACTIONS = ['text', 'none'] as const;
export type Extraction = (typeof EXTRACTIONS)[number];

/**
 * One document as the analyst read it on one day: the exact bytes (content-addressed by SHA-256, kept
 * inside the case file), where they came from and the text taken from them. A source may hold several.
 */
export interface Capture {
  id: string;
  sourceId: string;
  /** Lowercase hex SHA-256 of the stored bytes. */
  sha256: string;
  /** The sniffed media type, e.g. application/pdf, text/html, text/plain, text/markdown, image/png. */
  mediaType: string;
  fileName: string | null;
  byteSize: number;
  origin: CaptureOrigin;
  /** URL captures: the address asked for, the one the bytes came from (after redirects), the HTTP status. */
  requestedUrl: string | null;
  finalUrl: string | null;
  httpStatus: number | null;
  /** URL captures: the response headers kept (content-type, last-modified, etag, date, content-language…). */
  headers: Record<string, string>;
  /** The analyst's date of reading (YYYY-MM-DD), when given. */
  accessedAt: string | null;
  /** When ClaimTrail stored the bytes (ISO-8601 UTC). */
  capturedAt: string;
  /** The document's own title (from its metadata), when it has one. */
  title: string | null;
  extraction: Extraction;
  /** Pages of extracted text (1 for documents without pages). */
  pageCount: number;
  /** Length of the extracted text in UTF-16 code units. */
  textLength: number;
}

/** A page of a capture's extracted text: it starts at `start` in the capture's whole text. */
export interface CapturePage {
  page: number;
  start: number;
  length: number;
}

/** A capture with its text, for the document viewer. */
export interface CaptureDetail {
  capture: Capture;
  /** The whole extracted text (pages joined by "\n\n"); positions in selectors index into this. */
  text: string;
  pages: CapturePage[];
}

/** W3C Web Annotation selectors of a quote in a capture's text (positions in UTF-16 code units). */
export interface QuoteSelectors {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  /** The page the quote starts on (1 for documents without pages). */
  page: number;
}

export const ANCHOR_STATUSES = ['exact', 'close', 'not-found', 'no-capture'] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];

/** Where an evidence item's excerpt stands in its source's latest capture. */
export interface QuoteAnchor {
  status: AnchorStatus;
  /** 1 for exact; the similarity (0–1) of the best passage for close; null otherwise. */
  score: number | null;
  captureId: string | null;
  capturedAt: string | null;
  sha256: string | null;
  selectors: QuoteSelectors | null;
  /** Set when the quote was found in an earlier capture and is not in this one: that capture's date. */
  lostSince: string | null;
}

/** What `verify` found re-hashing the captured documents: each capture whose bytes or history no longer fit. */
export interface CaptureCheck {
  /** Captures checked, and distinct stored byte strings (blobs) re-hashed. */
  captures: number;
  blobs: number;
  problems: CaptureProblem[];
}

export interface CaptureProblem {
  captureId: string;
  sourceId: string;
  /** The SHA-256 the capture is stored under (or its event records, when the capture is gone). */
  sha256: string;
  reason: string;
}
