/**
 * What an import knows while it writes: the keys it has resolved to rows, the case's existing
 * dedupe keys and ids (read once, kept in memory), the counts, the duplicates, the problems found so
 * far, and what each claim received (for its history event).
 */
import { normalizeText } from '../../core/text';
import type { DuplicateNote, ImportCounts, ImportIssue, Origin } from '../../core/transfer/types';
import { all, get, sql, type DB } from '../sql';

export interface Ref {
  rowid: number;
  id: string;
}

export const claimDedupeKey = (text: string, claimant: string | null) =>
  `${normalizeText(text).toLowerCase().replace(/\s+/g, ' ').trim()}\u0001${(claimant ?? '').toLowerCase().trim()}`;

export const urlKey = (url: string) => url.trim().replace(/#.*$/, '').replace(/\/+$/, '').toLowerCase();
export const doiKey = (doi: string) => doi.trim().toLowerCase();

export const zeroCounts = (records = 0): ImportCounts => ({
  records,
  claims: 0,
  sources: 0,
  evidence: 0,
  disputes: 0,
  links: 0,
  briefings: 0,
  duplicatesSkipped: { claims: 0, sources: 0, evidence: 0, disputes: 0, links: 0, briefings: 0 },
});

/** What one claim got from this import: named in its history event. */
export interface ClaimReceipt {
  claimId: string;
  evidenceIds: string[];
  sourceIds: Set<string>;
  disputeIds: string[];
  linkIds: string[];
}

type Table = 'evidence' | 'disputes' | 'claim_links' | 'briefings';

const TABLES = { evidence: sql`evidence`, disputes: sql`disputes`, claim_links: sql`claim_links`, briefings: sql`briefings` };

export class ImportState {
  readonly claims = new Map<string, Ref>();
  readonly sources = new Map<string, Ref>();
  readonly evidence = new Map<string, Ref>();
  readonly claimByText = new Map<string, Ref>();
  readonly claimById = new Map<string, Ref>();
  readonly sourceById = new Map<string, Ref>();
  /** Lineage root rowid of every source the case had before the import. */
  readonly originOf = new Map<number, number>();
  /** Where in this file a claim came from, to name the earlier line or record of a duplicate. */
  readonly origins = new Map<string, Origin>();
  readonly sourceByUrl = new Map<string, Ref>();
  readonly sourceByDoi = new Map<string, Ref>();
  readonly issues: ImportIssue[] = [];
  readonly duplicates: DuplicateNote[] = [];
  /** Claims whose evidence or disputes changed (their confidence is recomputed). */
  readonly touched = new Set<number>();
  /** Per claim rowid: what this import added to it. */
  readonly receipts = new Map<number, ClaimReceipt>();
  readonly counts: ImportCounts;
  /** Highest claim rowid before the import: every claim above it is new. */
  readonly claimsBefore: number;
  /** Ids this import wrote, per table (the case's own rows are looked up only when the table had any). */
  private readonly written: Record<Table, Map<string, Ref>> = { evidence: new Map(), disputes: new Map(), claim_links: new Map(), briefings: new Map() };
  private readonly hadRows: Record<Table, boolean>;
  /** Whether this import wrote evidence it keeps no ref of (looked up by id: see wrote). */
  private evidenceById = false;

  constructor(
    readonly db: DB,
    readonly file: string,
    records: number,
  ) {
    this.counts = zeroCounts(records);
    let maxClaim = 0;
    for (const r of all<Ref & { text: string; claimant: string | null }>(db, sql`SELECT rowid, id, text, claimant FROM claims`)) {
      const ref = { rowid: r.rowid, id: r.id };
      this.claimByText.set(claimDedupeKey(r.text, r.claimant), ref);
      this.claimById.set(r.id, ref);
      if (r.rowid > maxClaim) maxClaim = r.rowid;
    }
    this.claimsBefore = maxClaim;
    for (const r of all<Ref & { url: string | null; doi: string | null; origin: number | null }>(db, sql`SELECT rowid, id, url, doi, origin FROM sources`)) {
      const ref = { rowid: r.rowid, id: r.id };
      this.sourceById.set(r.id, ref);
      this.originOf.set(r.rowid, r.origin ?? r.rowid);
      if (r.url) this.sourceByUrl.set(urlKey(r.url), ref);
      if (r.doi) this.sourceByDoi.set(doiKey(r.doi), ref);
    }
    const has = (t: Table) => !!get(db, sql`SELECT 1 FROM ${TABLES[t]} LIMIT 1`);
    this.hadRows = { evidence: has('evidence'), disputes: has('disputes'), claim_links: has('claim_links'), briefings: has('briefings') };
  }

  problem(where: Origin, field: string, message: string): void {
    if (this.issues.length < 100) this.issues.push({ file: this.file, ...where, field, message });
  }

  duplicate(kind: DuplicateNote['kind'], where: Origin, of: string): void {
    const plural = kind === 'evidence' ? 'evidence' : (`${kind}s` as const);
    this.counts.duplicatesSkipped[plural]++;
    if (this.duplicates.length < 100) this.duplicates.push({ kind, ...where, of });
  }

  /** A row of `table` by its text id, when the case had it or this import wrote it. */
  existing(table: Table, id: string | undefined): Ref | undefined {
    if (!id) return undefined;
    const mine = this.written[table].get(id);
    // Evidence written under its own id as key (every item of a case export) is not kept: see wrote.
    if (mine || !(this.hadRows[table] || (table === 'evidence' && this.evidenceById))) return mine;
    return get<Ref>(this.db, sql`SELECT rowid, id FROM ${TABLES[table]} WHERE id = ${id}`);
  }

  /**
   * A row this import wrote. Evidence keyed by its own id is found again by that id in the table: kept
   * in memory, 500k items' keys and refs were ≈ 70 MB of the 100k-claim import (docs/performance.md).
   */
  wrote(table: Table, ref: Ref, key?: string): void {
    if (table === 'evidence' && key === ref.id) {
      this.evidenceById = true;
      return;
    }
    if (table === 'evidence' && key !== undefined) this.evidence.set(key, ref);
    this.written[table].set(ref.id, ref);
  }

  /**
   * Once every record is written: drops what only the writing needed (keys, dedupe keys, ids written),
   * keeping what the recompute, the history and the re-anchoring read (receipts, touched, counts,
   * sourceById).
   */
  release(): void {
    for (const m of [this.claims, this.sources, this.evidence, this.claimByText, this.claimById, this.origins, this.sourceByUrl, this.sourceByDoi]) m.clear();
    for (const m of Object.values(this.written)) m.clear();
  }

  /** Whether the case had rows in `table` before the import. */
  had(table: Table): boolean {
    return this.hadRows[table];
  }

  receipt(claim: Ref): ClaimReceipt {
    let r = this.receipts.get(claim.rowid);
    if (!r) {
      r = { claimId: claim.id, evidenceIds: [], sourceIds: new Set(), disputeIds: [], linkIds: [] };
      this.receipts.set(claim.rowid, r);
    }
    return r;
  }
}
