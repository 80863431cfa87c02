/** Rows the generator emits: the case file's columns, with internal rowids already assigned. */
import type { ClaimRow } from '../../db/repos/claims';
import type { DisputeRow } from '../../db/repos/disputes';
import type { eventHash } from '../../db/repos/events';
import type { EvidenceRow } from '../../db/repos/evidence';
import type { SourceRow } from '../../db/repos/sources';

export type GenSource = Omit<SourceRow, 'doi' | 'file_sha256' | 'csl' | 'deleted_at' | 'origin' | 'speaks_for'> & { origin: number };
export type GenClaim = Omit<
  ClaimRow,
  'outcome' | 'outcome_at' | 'outcome_note' | 'kind' | 'kind_rationale' | 'qty_value' | 'qty_unit' | 'qty_scope' | 'qty_as_of'
> & {
  tags: string[];
};
export type GenEvidence = Omit<EvidenceRow, 'attribution'>;
export type GenDispute = DisputeRow;
export type GenEvent = Parameters<typeof eventHash>[1] & { prev_hash: string; hash: string };

/** Where generated rows go (the raw loader, the JSON writer, a counter). */
export interface Sink {
  source(s: GenSource): void;
  claim(c: GenClaim, evidence: GenEvidence[], dispute: GenDispute | null): void;
  event(e: GenEvent): void;
}

export interface ScaleCounts {
  claims: number;
  evidence: number;
  sources: number;
  /** Claims that cite the hub source (rowid 1), for the recomputation row. */
  hubClaims: number;
}

/** Scale 1 = DESIGN §10: 100k claims, 500k evidence, 20k sources. */
export function countsFor(scale: number): ScaleCounts {
  const claims = Math.max(20, Math.round(100_000 * scale));
  const sources = Math.max(10, Math.round(20_000 * scale));
  return { claims, evidence: claims * 5, sources, hubClaims: Math.min(1000, Math.floor(claims / 2)) };
}
