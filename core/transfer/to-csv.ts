/**
 * Claims as RFC 4180 CSV (CRLF records, quoted where needed). Cells that begin with = + - @, tab or
 * CR get a leading apostrophe so spreadsheets show them as text; ClaimTrail's CSV import strips it.
 * The header names are import field names, so the file re-imports without a mapping.
 */
import { csvRecord } from './csv';
import type { CaseSnapshot } from './snapshot';

export const CSV_COLUMNS = [
  'id',
  'text',
  'claimant',
  'claimedAt',
  'context',
  'status',
  'statusRationale',
  'prior',
  'probability',
  'band',
  'confidence',
  'tags',
  'evidence',
  'notes',
  'createdAt',
  'updatedAt',
] as const;

export function claimsToCsv(s: CaseSnapshot): string {
  const evidence = new Map<string, number>();
  for (const e of s.evidence) evidence.set(e.claimId, (evidence.get(e.claimId) ?? 0) + 1);
  const rows = s.claims
    .filter((c) => !c.deletedAt)
    .map((c) =>
      csvRecord([
        c.id,
        c.text,
        c.claimant,
        c.claimedAt,
        c.context,
        c.status,
        c.statusRationale,
        c.prior,
        c.probability,
        c.band,
        c.confidence,
        c.tags.join('; '),
        evidence.get(c.id) ?? 0,
        c.notes,
        c.createdAt,
        c.updatedAt,
      ]),
    );
  return csvRecord(CSV_COLUMNS) + rows.join('');
}
