/**
 * ClaimTrail's own JSON format (v1; v2 when it carries captured documents): everything a case holds
 * except its event history, which a new case writes for itself. Ids and timestamps are kept, so
 * export → import → export is exact. Computed values (probability, band, confidence; a capture's
 * media type, title and text, which are extracted again from its bytes) are included for readers and
 * ignored on import.
 */
import type { Band, Capture, ConfidenceLevel, Dispute, Evidence, LinkKind, Settings, SourceFields } from '../types';
import type { BriefingFields, ClaimFields } from './types';

export const JSON_FORMAT = 'claimtrail-case';
/** The newest version this app reads; it writes 1 unless the case has captured documents (older apps then refuse the file rather than drop them). */
export const JSON_VERSION = 2;

// The file format reuses the domain shapes: changing one of them changes the format (bump JSON_VERSION).

export interface SnapshotClaim extends ClaimFields {
  id: string;
  /** null iff the claim is not checkable. */
  probability: number | null;
  band: Band | null;
  confidence: ConfidenceLevel;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface SnapshotSource extends SourceFields {
  id: string;
  derivedFromId: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** Each pair declared independent is listed once, on the item recorded first. */
export type SnapshotEvidence = Evidence & { independentOf: string[] };
export type SnapshotDispute = Dispute;

export interface SnapshotLink {
  id: string;
  fromId: string;
  toId: string;
  kind: LinkKind;
  note: string;
  createdAt: string;
}

export type SnapshotBriefing = BriefingFields;

/** A captured document (issue 13): the exact bytes in base64, checked against `sha256` on import. */
export interface SnapshotCapture extends Capture {
  bytes: string;
}

export interface CaseSnapshot {
  format: typeof JSON_FORMAT;
  version: 1 | typeof JSON_VERSION;
  exportedAt: string;
  case: { title: string | null; settings: Settings };
  claims: SnapshotClaim[];
  sources: SnapshotSource[];
  evidence: SnapshotEvidence[];
  disputes: SnapshotDispute[];
  links: SnapshotLink[];
  briefings: SnapshotBriefing[];
  /** Present (and the version 2) only when the case has captured documents. */
  captures?: SnapshotCapture[];
}
