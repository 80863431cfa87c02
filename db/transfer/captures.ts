/**
 * Captured documents in the JSON case export (issue 13). The export carries each capture's exact
 * bytes (base64) and how it was captured; the import checks every SHA-256 (one mismatch refuses the
 * whole import), stores the bytes under it and extracts the text again from them, so the text (and
 * every quote anchored in it) can only be what the bytes say: a file cannot carry text of its own.
 */
import { MAX_IMPORT_CHARS } from '../../core/contract/transfer';
import { exportSnapshot, type ExportFile } from '../../core/transfer/export';
import { JSON_VERSION, type CaseSnapshot, type SnapshotCapture } from '../../core/transfer/snapshot';
import type { BundleCapture } from '../../core/transfer/types';
import { DocumentError, extractDocumentSync } from '../documents/extract';
import { invalid } from '../errors';
import { blobBytes, captureOfSourceBySha, capturesInOrder, sha256Hex, toCapture } from '../repos/captures';
import { all, get, sql, type DB } from '../sql';
import { reanchorSource } from '../service/anchors';
import { writeCapture, type CaptureAddedPayload } from '../service/captures';
import { cancelRequested, type Ctx } from '../service/context';
import { readSnapshot } from './read';
import type { ImportState, Ref } from './state';

/**
 * The snapshot with the case's captures (JSON export only; the version says a reader must know them).
 * Refused before any bytes are read when their base64 alone would be more than an import reads.
 */
export function withCaptures(db: DB, s: CaseSnapshot): CaseSnapshot {
  const rows = capturesInOrder(db);
  checkExportSize(rows.reduce((n, r) => n + Math.ceil(r.size / 3) * 4, 0));
  const captures: SnapshotCapture[] = rows.map((r) => ({ ...toCapture(r), bytes: blobBytes(db, r.blob_rowid).toString('base64') }));
  return captures.length ? { ...s, version: JSON_VERSION, captures } : s;
}

/** The JSON export (`transfer.export` format json): the snapshot with the captures, refused when too large to import back. */
export function exportJsonWithCaptures(ctx: Ctx): ExportFile {
  const at = ctx.now();
  const file = exportSnapshot(withCaptures(ctx.db, readSnapshot(ctx.db, at)), 'json', ctx.signedHead(at));
  checkExportSize(file.content.length);
  return file;
}

/** An export the import could not read back is refused rather than written. */
export function checkExportSize(characters: number): void {
  if (characters > MAX_IMPORT_CHARS)
    throw invalid(
      `The JSON export would be at least ${characters} characters, and an import reads at most ${MAX_IMPORT_CHARS} (the captured documents make it large). ` +
        'Make a backup of the case file instead (claimtrail backup --out FILE): it carries everything.',
    );
}

/** A capture the import wrote, for its `capture.added` event. */
export interface ImportedCapture {
  source: Ref;
  payload: CaptureAddedPayload;
}

const where = (o: { line?: number; record?: string }) => ({ line: o.line, record: o.record });

/** Writes the captures of the file; problems go to the import's issues (and refuse it), skips to `notices`. */
export function applyCaptures(ctx: Ctx, st: ImportState, items: BundleCapture[], tick: () => void, notices: string[]): ImportedCapture[] {
  const out: ImportedCapture[] = [];
  for (const c of items) {
    tick();
    const source = st.sources.get(c.sourceKey) ?? st.sourceById.get(c.sourceKey);
    if (!source) {
      st.problem(where(c), 'sourceId', `no source ${c.sourceKey} in the file or the case`);
      continue;
    }
    const bytes = Buffer.from(c.bytes, 'base64');
    const actual = sha256Hex(bytes);
    if (actual !== c.sha256) {
      st.problem(where(c), 'bytes', `do not hash to the recorded SHA-256 ${c.sha256} (they hash to ${actual}): the file was changed or damaged`);
      continue;
    }
    const sameId = get<{ sha256: string }>(ctx.db, sql`SELECT b.sha256 FROM captures c JOIN blobs b ON b.rowid = c.blob_rowid WHERE c.id = ${c.id}`);
    if (sameId && sameId.sha256 !== c.sha256) {
      st.problem(where(c), 'id', `capture ${c.id} is already in the case with other bytes (SHA-256 ${sameId.sha256})`);
      continue;
    }
    const sameBytes = sameId ? undefined : captureOfSourceBySha(ctx.db, source.rowid, c.sha256);
    if (sameId || sameBytes) {
      notices.push(`${c.record ?? 'capture'}: source ${source.id} already holds these bytes as capture ${sameBytes?.id ?? c.id}; skipped`);
      continue;
    }
    let doc;
    try {
      doc = extractDocumentSync(bytes, { fileName: c.fileName, mediaType: c.mediaType }, { isCancelled: () => cancelRequested(ctx) });
    } catch (e) {
      if (!(e instanceof DocumentError)) throw e;
      st.problem(where(c), 'bytes', `cannot be read: ${e.message}`);
      continue;
    }
    const { record: _r, line: _l, sourceKey: _s, bytes: _b, byteSize: _n, mediaType: _m, ...fields } = c;
    const { payload } = writeCapture(ctx.db, { ...fields, sourceRowid: source.rowid, bytes, doc });
    out.push({ source, payload });
  }
  st.counts.captures = out.length;
  return out;
}

/**
 * After the import's history is written: re-anchors the quotes of every source that received captures
 * or evidence and holds a capture (their anchors are derived state, kept like after any capture).
 */
export function reanchorImported(ctx: Ctx, st: ImportState, captures: ImportedCapture[]): void {
  const rowids = new Set(captures.map((c) => c.source.rowid));
  for (const r of st.receipts.values()) for (const id of r.sourceIds) rowids.add(st.sourceById.get(id)?.rowid ?? -1);
  if (!rowids.size) return;
  const withCapture = new Set(all<{ r: number }>(ctx.db, sql`SELECT DISTINCT source_rowid AS r FROM captures`).map((x) => x.r));
  for (const r of rowids) if (withCapture.has(r)) reanchorSource(ctx, r);
}
