/**
 * Applies a parsed import in ONE transaction: all of it or nothing. A dry run does the same work
 * and rolls it back, so its counts (duplicates included) are exactly what the import would do.
 * Progress is reported between records; a cancel request rolls everything back.
 */
import { createHash } from 'node:crypto';
import { newId } from '../../core/ids';
import type { Parsed } from '../../core/transfer/parse';
import type { ImportReport } from '../../core/transfer/types';
import { getMeta, setMeta, setSetting } from '../repos/meta';
import type { Ctx } from '../service/context';
import { applyClaims, applySources } from './apply-entities';
import { applyCaptures, reanchorImported } from './captures';
import { foldRepeatedClaims } from './fold-repeats';
import { applyBriefings, applyDisputes, applyEvidence, applyLinks } from './apply-links';
import { beginBulkFts, BULK_FTS_ROWS, finishBulkFts } from './fts';
import { writeImportHistory } from './history';
import { tagWriter } from './insert';
import { recomputeClaims, type Recomputed } from './recompute';
import { ImportState, zeroCounts } from './state';

class Rollback extends Error {}

const PROGRESS_EVERY = 250;

function applyMeta(ctx: Ctx, meta: NonNullable<Parsed['bundle']['caseMeta']>): void {
  if (meta.title && !getMeta(ctx.db, 'title')) setMeta(ctx.db, 'title', meta.title);
  if (meta.analystName) setSetting(ctx.db, 'analystName', meta.analystName);
  if (meta.caveat !== undefined) setSetting(ctx.db, 'caveat', meta.caveat);
  if (meta.reviewBaseUrl !== undefined) setSetting(ctx.db, 'reviewBaseUrl', meta.reviewBaseUrl);
  if (meta.backupsToKeep !== undefined) setSetting(ctx.db, 'backupsToKeep', meta.backupsToKeep);
}

/** The options that turned the file into records (with its SHA-256 they say exactly what was imported). */
const importOptions = ({ input }: Parsed) => ({ map: input.map, header: input.header, delimiter: input.delimiter, labels: input.labels, skipBadRows: input.skipBadRows });

export function applyImport(ctx: Ctx, parsed: Parsed, opts: { dryRun: boolean; fileName: string }): ImportReport {
  const report: ImportReport = {
    ok: false,
    dryRun: opts.dryRun,
    format: parsed.format,
    counts: zeroCounts(parsed.records),
    errors: parsed.issues,
    duplicates: [],
    notices: [...parsed.notices],
    ...(parsed.input.skipBadRows ? { skipped: parsed.skipped } : {}),
  };
  if (parsed.issues.length) return report;
  const b = parsed.bundle;
  const total = b.claims.length + b.sources.length + b.evidence.length + b.disputes.length + b.links.length + b.briefings.length + (b.captures?.length ?? 0);
  let done = 0;
  const tick = () => {
    if (++done % PROGRESS_EVERY === 0) {
      ctx.checkCancelled();
      ctx.progress(done, total, opts.dryRun ? 'checking' : 'importing');
    }
  };
  let st: ImportState | null = null;
  try {
    ctx.db.transaction(() => {
      const state = new ImportState(ctx.db, opts.fileName, parsed.records);
      st = state;
      const empty = state.claimById.size === 0 && state.sourceById.size === 0;
      const bulk = total > BULK_FTS_ROWS ? beginBulkFts(ctx.db) : null;
      const sources = applySources(ctx, state, b.sources, tick);
      const captures = applyCaptures(ctx, state, b.captures ?? [], tick, report.notices);
      const created = applyClaims(ctx, state, foldRepeatedClaims(b.claims), tick, tagWriter(ctx.db));
      applyEvidence(ctx, state, b.evidence, tick);
      applyDisputes(ctx, state, b.disputes, tick);
      applyLinks(ctx, state, b.links, tick);
      applyBriefings(ctx, state, b.briefings, tick);
      if (state.issues.length) throw new Rollback();
      ctx.checkCancelled();
      if (bulk) {
        ctx.progress(total, total, 'indexing');
        finishBulkFts(ctx.db, bulk);
      }
      ctx.checkCancelled();
      ctx.progress(total, total, 'updating confidence');
      const recomputed = new Map<number, Recomputed>();
      const older = [...state.touched].filter((r) => r <= state.claimsBefore);
      for (const r of [...recomputeClaims(ctx.db, { above: state.claimsBefore }), ...recomputeClaims(ctx.db, { rowids: older })]) recomputed.set(r.rowid, r);
      if (b.caseMeta && empty) applyMeta(ctx, b.caseMeta);
      else if (b.caseMeta) report.notices.push('the case already had content, so its title and settings were kept');
      ctx.checkCancelled();
      ctx.progress(total, total, 'writing history');
      writeImportHistory(ctx, state, created, recomputed, {
        importId: newId(),
        format: parsed.format,
        file: opts.fileName,
        sha256: createHash('sha256').update(parsed.input.content).digest('hex'),
        options: importOptions(parsed),
        createdSourceIds: sources,
        captures,
      });
      if (!opts.dryRun) reanchorImported(ctx, state, captures);
      ctx.checkCancelled();
      if (opts.dryRun) throw new Rollback();
    })();
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  const state = st as ImportState | null;
  if (state) {
    report.counts = state.counts;
    report.errors = state.issues;
    report.duplicates = state.duplicates;
  }
  report.ok = report.errors.length === 0;
  if (!report.ok) report.counts = { ...zeroCounts(parsed.records) };
  return report;
}
