/**
 * ClaimTrail's own JSON format (v1): everything a case holds except its event history, which a
 * new case writes for itself. Ids and timestamps are kept, so export → import → export is exact.
 * Computed values (probability, band, confidence) are included for readers and ignored on import.
 */
import type { Band, ClaimStatus, ConfidenceLevel, LinkKind, Outcome, Reliability, Settings, SourceKind, Stance } from '../types';

export const JSON_FORMAT = 'claimtrail-case';
export const JSON_VERSION = 1;

export interface SnapshotClaim {
  id: string;
  text: string;
  claimant: string | null;
  claimedAt: string | null;
  context: string | null;
  status: ClaimStatus;
  statusRationale: string | null;
  outcome: Outcome | null;
  prior: number;
  override: { probability: number; rationale: string } | null;
  notes: string;
  quantity: { value: number; unit: string; scope: string | null; asOf: string | null } | null;
  tags: string[];
  probability: number;
  band: Band;
  confidence: ConfidenceLevel;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface SnapshotSource {
  id: string;
  title: string;
  url: string | null;
  publisher: string | null;
  authors: string[];
  publishedAt: string | null;
  accessedAt: string | null;
  kind: SourceKind;
  reliability: Reliability;
  derivedFromId: string | null;
  doi: string | null;
  notes: string;
  fileSha256: string | null;
  csl: Record<string, unknown> | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface SnapshotEvidence {
  id: string;
  claimId: string;
  sourceId: string;
  stance: Stance;
  excerpt: string;
  locator: string | null;
  credibility: 1 | 2 | 3 | 4 | 5 | 6;
  weight: number;
  note: string;
  createdAt: string;
  updatedAt: string;
}

export interface SnapshotDispute {
  id: string;
  claimId: string;
  raisedBy: string;
  position: string;
  openedAt: string;
  status: 'open' | 'resolved';
  resolution: string | null;
  resolvedAt: string | null;
  evidenceIds: string[];
  responses: { id: string; author: string; text: string; createdAt: string }[];
}

export interface SnapshotLink {
  id: string;
  fromId: string;
  toId: string;
  kind: LinkKind;
  note: string;
  createdAt: string;
}

export interface SnapshotBriefing {
  id: string;
  title: string;
  selection: string;
  selectionKey: string;
  markdown: string;
  snapshot: string;
  createdAt: string;
}

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
