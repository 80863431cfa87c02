/**
 * The history an import writes (docs/import-export.md, "History"): one `claim.imported` event per
 * claim it created (the claim's fields, its final probability, the ids of the evidence, sources,
 * disputes and links it came with, the import id); one `claim.import-added` event per claim the case
 * already had that received evidence, disputes or links, followed by `confidence.changed` when its
 * judgment moved; then one `import.applied` summary (counts, file name, SHA-256 of the file, options,
 * the imported sources no imported evidence cites). Appended as one batch: the chain head stays in
 * memory, the hashes are those of appendEvent, `claimtrail verify` checks them the same way.
 */
import type { ImportFormat } from '../../core/transfer/types';
import { eventBatch, type EventBatch } from '../repos/events';
import { takeNotedChanges } from '../records/capture';
import { changesText, encodeNotes } from '../records/changes';
import { flushHeldEvents } from '../records/log';
import type { Ctx } from '../service/context';
import { judgmentMoved } from '../../core/judgment';
import type { CreatedClaim } from './apply-entities';
import type { ImportedCapture } from './captures';
import type { Recomputed } from './recompute';
import type { ClaimReceipt, ImportState } from './state';

export interface ImportSummary {
  importId: string;
  format: ImportFormat;
  file: string;
  /** SHA-256 of the file's text as UTF-8 (for a UTF-8 file: what `sha256sum` prints). */
  sha256: string;
  options: Record<string, unknown>;
  createdSourceIds: string[];
  /** Captured documents the import stored: each gets its `capture.added` event, as an attach would. */
  captures: ImportedCapture[];
}

/** Rows per `import.rows` event: the import's row changes, in the order it wrote them, ahead of its narrative events. */
export const IMPORT_ROWS_PER_EVENT = 2000;

function writeImportedRows(ctx: Ctx, batch: EventBatch, importId: string): void {
  const actor = ctx.actor();
  const at = ctx.now();
  for (let part = 1; ; part++) {
    const entries = encodeNotes(takeNotedChanges(ctx.db, IMPORT_ROWS_PER_EVENT));
    if (!entries.length) return;
    batch.append({ actor, at, kind: 'import.rows', entityType: 'case', entityId: importId, payload: { importId, part, rows: entries.length }, changes: changesText(entries) });
  }
}

const receiptPayload = (r: ClaimReceipt | undefined) => ({
  evidenceIds: r?.evidenceIds ?? [],
  sourceIds: [...(r?.sourceIds ?? [])],
  disputeIds: r?.disputeIds ?? [],
  linkIds: r?.linkIds ?? [],
});


export function writeImportHistory(
  ctx: Ctx,
  st: ImportState,
  created: Iterable<CreatedClaim>,
  recomputed: Map<number, Recomputed>,
  summary: ImportSummary,
): void {
  flushHeldEvents(ctx.db);
  const batch = eventBatch(ctx.db);
  const actor = ctx.actor();
  const at = ctx.now();
  writeImportedRows(ctx, batch, summary.importId);
  const base = { actor, at, entityType: 'claim' };
  for (const { claim, ref } of created) {
    const { key: _k, line: _l, record: _r, ...fields } = claim;
    const v = recomputed.get(ref.rowid)!.after;
    batch.append({
      ...base,
      kind: 'claim.imported',
      entityId: ref.id,
      claimId: ref.id,
      payload: {
        after: { ...fields, id: ref.id, probability: v.probability, computedProbability: v.computed, band: v.band, confidence: v.confidence },
        importId: summary.importId,
        ...receiptPayload(st.receipts.get(ref.rowid)),
      },
      rationale: claim.statusRationale,
    });
  }
  const cited = new Set<string>();
  for (const [rowid, receipt] of st.receipts) {
    for (const s of receipt.sourceIds) cited.add(s);
    if (rowid > st.claimsBefore) continue;
    const id = receipt.claimId;
    batch.append({ ...base, kind: 'claim.import-added', entityId: id, claimId: id, payload: { importId: summary.importId, ...receiptPayload(receipt) } });
    const r = recomputed.get(rowid);
    if (r && judgmentMoved(r.before, r.after))
      batch.append({ ...base, kind: 'confidence.changed', entityId: id, claimId: id, payload: { before: r.before, after: r.after, cause: 'imported' } });
  }
  for (const c of summary.captures)
    batch.append({ actor, at, kind: 'capture.added', entityType: 'source', entityId: c.source.id, payload: { ...c.payload, importId: summary.importId } });
  batch.append({
    actor,
    at,
    kind: 'import.applied',
    entityType: 'case',
    entityId: summary.importId,
    payload: {
      format: summary.format,
      file: summary.file,
      sha256: summary.sha256,
      options: summary.options,
      counts: st.counts,
      uncitedSourceIds: summary.createdSourceIds.filter((id) => !cited.has(id)),
    },
  });
  batch.finish();
}
