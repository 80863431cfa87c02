/**
 * The neutral shape every importer produces and the writer applies: a bundle of records that
 * refer to each other by `key` (the record's own id when the file has one). Errors name the file,
 * the line or record, and the field.
 */
import type { Capture, DisputeFields, DisputeOutcome, LinkKind, SourceFields } from '../types';
import type { ApiShape } from '../records/define';
import type { claimRecord, evidenceRecord } from '../records/records';

export const IMPORT_FORMATS = ['json', 'csv', 'tsv', 'csl-json', 'claimreview', 'bibtex', 'ris'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const EXPORT_FORMATS = ['json', 'csv', 'csl-json', 'claimreview', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ImportIssue {
  file: string;
  /** 1-based line of a text row (CSV/TSV), when known. */
  line?: number;
  /** A record path for structured files, e.g. "claims[3]" or "@graph[2]". */
  record?: string;
  field: string;
  message: string;
}

/** "file, line 12, field label: unknown label" — one line for people. */
export function describeIssue(i: ImportIssue): string {
  const where = [i.file, i.line !== undefined ? `line ${i.line}` : '', i.record ?? '', i.field ? `field ${i.field}` : '']
    .filter(Boolean)
    .join(', ');
  return `${where}: ${i.message}`;
}

/** Where a record came from, so that dedupe reports and writer errors can name it. */
export interface Origin {
  line?: number;
  record?: string;
}

/** A claim's plain fields that travel in every import and export, typed by its declaration (core/records/records.ts). */
type ClaimPlain = ApiShape<typeof claimRecord, 'text' | 'claimant' | 'claimed_at' | 'context' | 'status' | 'status_rationale' | 'outcome' | 'prior' | 'notes'>;
/** Fields added by later issues: absent in older files (issue 11: a fact with no outcome details; issue 16: no ClaimReview URL of its own). */
type ClaimLater = Partial<ApiShape<typeof claimRecord, 'kind' | 'kind_rationale' | 'outcome_at' | 'outcome_note' | 'review_url'>>;

/** What a claim carries in every import and export: what the analyst wrote, nothing computed. */
export interface ClaimFields extends ClaimPlain, ClaimLater {
  override: { probability: number; rationale: string } | null;
  quantity: { value: number; unit: string; scope: string | null; asOf: string | null } | null;
  tags: string[];
}

/** What an evidence item carries besides its claim and source (its plain fields typed by its declaration). */
export interface EvidenceFields extends ApiShape<typeof evidenceRecord, 'stance' | 'excerpt' | 'locator' | 'credibility' | 'weight' | 'note'> {
  /** The analyst marked the item as attribution (absent in older files: false). */
  attribution?: boolean;
  /** Keys (in a case export: ids) of items of the same claim the analyst declared independent of this one. */
  independentOf?: string[];
}

export interface BundleClaim extends Origin, ClaimFields {
  key: string;
  id?: string;
  createdAt?: string;
  updatedAt?: string;
  deletedAt?: string | null;
}

export interface BundleSource extends Origin, SourceFields {
  key: string;
  id?: string;
  derivedFromKey: string | null;
  createdAt?: string;
  updatedAt?: string;
  deletedAt?: string | null;
}

export interface BundleEvidence extends Origin, EvidenceFields {
  key: string;
  id?: string;
  claimKey: string;
  sourceKey: string;
  createdAt?: string;
  updatedAt?: string;
}

export interface BundleDispute extends Origin, DisputeFields {
  key: string;
  /** Upheld, rejected or partly upheld; absent in files written before outcomes were recorded. */
  outcome?: DisputeOutcome | null;
  id?: string;
  claimKey: string;
  evidenceKeys: string[];
  responses: { id?: string; author: string; text: string; createdAt: string }[];
}

export interface BundleLink extends Origin {
  id?: string;
  fromKey: string;
  toKey: string;
  kind: LinkKind;
  note: string;
  createdAt?: string;
}

/** A saved briefing version, carried as stored. */
export interface BriefingFields {
  id: string;
  title: string;
  selection: string;
  selectionKey: string;
  markdown: string;
  snapshot: string;
  createdAt: string;
}

export interface BundleBriefing extends Origin, BriefingFields {}

/** A captured document from a case export: its bytes (base64) and how it was captured; its text is extracted again. */
export interface BundleCapture
  extends Origin,
    Pick<Capture, 'id' | 'sha256' | 'byteSize' | 'fileName' | 'origin' | 'requestedUrl' | 'finalUrl' | 'httpStatus' | 'headers' | 'accessedAt' | 'capturedAt'> {
  sourceKey: string;
  bytes: string;
  /** A hint for the extractor (the type is sniffed from the bytes). */
  mediaType: string | null;
}

export interface Bundle {
  claims: BundleClaim[];
  sources: BundleSource[];
  evidence: BundleEvidence[];
  disputes: BundleDispute[];
  links: BundleLink[];
  briefings: BundleBriefing[];
  /** Captured documents (JSON format only, issue 13). */
  captures?: BundleCapture[];
  /** Case title and settings (JSON format only); applied only to an empty case. */
  caseMeta?: { title: string | null; analystName?: string; caveat?: string; backupsToKeep?: number; reviewBaseUrl?: string };
}

export const emptyBundle = (): Bundle => ({ claims: [], sources: [], evidence: [], disputes: [], links: [], briefings: [] });

export interface ImportCounts {
  /** Rows or records read from the file. */
  records: number;
  claims: number;
  sources: number;
  evidence: number;
  disputes: number;
  links: number;
  briefings: number;
  /** Captured documents imported (only when the file carries any). */
  captures?: number;
  duplicatesSkipped: { claims: number; sources: number; evidence: number; disputes: number; links: number; briefings: number };
}

export interface DuplicateNote extends Origin {
  kind: 'claim' | 'source' | 'evidence' | 'dispute' | 'link' | 'briefing';
  /** What it duplicates: an id already in the case, or the earlier record in the same file. */
  of: string;
}

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  format: ImportFormat;
  counts: ImportCounts;
  errors: ImportIssue[];
  /** CSV/TSV rows left out because of "skip bad rows", each with its error (absent otherwise). */
  skipped?: ImportIssue[];
  /** The first duplicates (at most 100) so an analyst can check them. */
  duplicates: DuplicateNote[];
  notices: string[];
}
