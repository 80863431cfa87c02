/**
 * What an import knows while it writes: the keys it has resolved to rows, the case's existing
 * dedupe keys, the counts, the duplicates and the problems found so far.
 */
import { normalizeText } from '../../core/text';
import type { DuplicateNote, ImportCounts, ImportIssue, Origin } from '../../core/transfer/types';
import { all, sql, type DB } from '../sql';

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

export class ImportState {
  readonly claims = new Map<string, Ref>();
  readonly sources = new Map<string, Ref>();
  readonly evidence = new Map<string, Ref>();
  readonly claimByText = new Map<string, Ref>();
  /** Where in this file a claim came from, to name the earlier line or record of a duplicate. */
  readonly origins = new Map<string, Origin>();
  readonly sourceByUrl = new Map<string, Ref>();
  readonly sourceByDoi = new Map<string, Ref>();
  readonly issues: ImportIssue[] = [];
  readonly duplicates: DuplicateNote[] = [];
  readonly touched = new Set<number>();
  readonly counts: ImportCounts;

  constructor(
    readonly db: DB,
    readonly file: string,
    records: number,
  ) {
    this.counts = zeroCounts(records);
    for (const r of all<Ref & { text: string; claimant: string | null }>(db, sql`SELECT rowid, id, text, claimant FROM claims`))
      this.claimByText.set(claimDedupeKey(r.text, r.claimant), { rowid: r.rowid, id: r.id });
    for (const r of all<Ref & { url: string | null; doi: string | null }>(
      db,
      sql`SELECT rowid, id, url, doi FROM sources WHERE url IS NOT NULL OR doi IS NOT NULL`,
    )) {
      if (r.url) this.sourceByUrl.set(urlKey(r.url), { rowid: r.rowid, id: r.id });
      if (r.doi) this.sourceByDoi.set(doiKey(r.doi), { rowid: r.rowid, id: r.id });
    }
  }

  problem(where: Origin, field: string, message: string): void {
    if (this.issues.length < 100) this.issues.push({ file: this.file, ...where, field, message });
  }

  duplicate(kind: DuplicateNote['kind'], where: Origin, of: string): void {
    const plural = kind === 'evidence' ? 'evidence' : (`${kind}s` as const);
    this.counts.duplicatesSkipped[plural]++;
    if (this.duplicates.length < 100) this.duplicates.push({ kind, ...where, of });
  }

  /** A row of `table` by its text id, when the case already has it. */
  existing(table: 'claims' | 'sources' | 'evidence' | 'disputes' | 'claim_links' | 'briefings', id: string | undefined): Ref | undefined {
    if (!id) return undefined;
    return all<Ref>(this.db, sql`SELECT rowid, id FROM ${tableName(table)} WHERE id = ${id}`)[0];
  }
}

const TABLES = {
  claims: sql`claims`,
  sources: sql`sources`,
  evidence: sql`evidence`,
  disputes: sql`disputes`,
  claim_links: sql`claim_links`,
  briefings: sql`briefings`,
};
const tableName = (t: keyof typeof TABLES) => TABLES[t];
