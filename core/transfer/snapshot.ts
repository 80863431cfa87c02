/**
 * ClaimTrail's own JSON format (v1): everything a case holds except its event history, which a
 * new case writes for itself. Ids and timestamps are kept, so export → import → export is exact.
 * Computed values (probability, band, confidence) are included for readers and ignored on import.
 */
import type { Band, ConfidenceLevel, Dispute, Evidence, LinkKind, Settings, SourceFields } from '../types';
import type { BriefingFields, ClaimFields } from './types';

export const JSON_FORMAT = 'claimtrail-case';
export const JSON_VERSION = 1;

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

export interface CaseSnapshot {
  format: typeof JSON_FORMAT;
  version: typeof JSON_VERSION;
  exportedAt: string;
  case: { title: string | null; settings: Settings };
  claims: SnapshotClaim[];
  sources: SnapshotSource[];
  evidence: SnapshotEvidence[];
  disputes: SnapshotDispute[];
  links: SnapshotLink[];
  briefings: SnapshotBriefing[];
}
