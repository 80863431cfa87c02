/**
 * Applies an import in ONE transaction: all of it or nothing (a bundle parsed in memory, or a JSON file
 * streamed into the writer batch by batch: db/transfer/stream.ts). A dry run does the same work
 * and rolls it back, so its counts (duplicates included) are exactly what the import would do.
 * Progress is reported between records; a cancel request rolls everything back.
 */
import { createHash } from 'node:crypto';
import { newId } from '../../core/ids';
import type { Parsed } from '../../core/transfer/parse';
import type { Bundle, ImportFormat, ImportIssue, ImportReport } from '../../core/transfer/types';
import { getMeta, setMeta, setSetting } from '../repos/meta';
import type { Ctx } from '../service/context';
import { reanchorImported } from './captures';
import { finishBulkFts } from './fts';
import { writeImportHistory } from './history';
import { recomputeClaims, type Recomputed } from './recompute';
import { zeroCounts, type ImportState } from './state';
import { ImportWriter } from './writer';

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
export const importOptions = ({ map, header, delimiter, labels, skipBadRows }: Pick<Parsed['input'], 'map' | 'header' | 'delimiter' | 'labels' | 'skipBadRows'>) => ({ map, header, delimiter, labels, skipBadRows });

/** How an import is read: what the report says of it before a record is written. */
export interface ImportRun {
  dryRun: boolean;
  fileName: string;
  format: ImportFormat;
  notices: string[];
  skipped?: ImportIssue[];
  options: Record<string, unknown>;
  /** Records in all, when known before writing (progress). */
  total?: number;
}

/** What the reading gave once every record went to the writer. */
export interface ImportRead {
  records: number;
  /** Problems of the file itself (parsing, validation): the import is refused with these alone. */
  issues: ImportIssue[];
  caseMeta?: Bundle['caseMeta'];
  /** SHA-256 of the file's text, once all of it was read. */
  sha256(): string;
}

export function applyImport(ctx: Ctx, parsed: Parsed, opts: { dryRun: boolean; fileName: string }): ImportReport {
  const run: ImportRun = {
    ...opts,
    format: parsed.format,
    notices: parsed.notices,
    ...(parsed.input.skipBadRows ? { skipped: parsed.skipped } : {}),
    options: importOptions(parsed.input),
  };
  const b = parsed.bundle;
  run.total = b.claims.length + b.sources.length + b.evidence.length + b.disputes.length + b.links.length + b.briefings.length + (b.captures?.length ?? 0);
  const read: ImportRead = { records: parsed.records, issues: parsed.issues, caseMeta: b.caseMeta, sha256: () => createHash('sha256').update(parsed.input.content).digest('hex') };
  if (parsed.issues.length) return refused(run, read);
  return runImport(ctx, run, (w) => {
    w.announce(run.total!);
    w.sources(b.sources);
    w.capturesOf(b.captures ?? []);
    w.claims(b.claims);
    w.evidence(b.evidence);
    w.independence();
    w.disputes(b.disputes);
    w.links(b.links);
    w.briefings(b.briefings);
    return read;
  });
}

function refused(run: ImportRun, read: ImportRead): ImportReport {
  return {
    ok: false,
    dryRun: run.dryRun,
    format: run.format,
    counts: zeroCounts(read.records),
    errors: read.issues,
    duplicates: [],
    notices: [...run.notices],
    ...(run.skipped ? { skipped: run.skipped } : {}),
  };
}

/**
 * Opens the transaction, lets `write` read the file into the writer, then indexes, recomputes and
 * writes the history; a refusal, a problem, a cancel or a dry run rolls all of it back.
 */
export function runImport(ctx: Ctx, run: ImportRun, write: (w: ImportWriter, tick: () => void) => ImportRead): ImportReport {
  const report: ImportReport = { ...refused(run, { records: 0, issues: [], sha256: () => '' }), errors: [] };
  let done = 0;
  const tick = () => {
    if (++done % PROGRESS_EVERY === 0) {
      ctx.checkCancelled();
      ctx.progress(done, run.total ?? 0, run.dryRun ? 'checking' : 'importing');
    }
  };
  let st: ImportState | null = null;
  let read: ImportRead | null = null;
  try {
    ctx.db.transaction(() => {
      const w = new ImportWriter(ctx, run.fileName, tick, report.notices);
      const state = w.state;
      st = state;
      const r = write(w, tick);
      read = r;
      state.counts.records = r.records;
      // Every import reports its captured documents, also when the file has none.
      state.counts.captures = w.captures.length;
      if (r.issues.length || state.issues.length) throw new Rollback();
      state.release();
      const b = { caseMeta: r.caseMeta };
      const total = run.total ?? done;
      ctx.checkCancelled();
      if (w.bulk) {
        ctx.progress(total, total, 'indexing');
        finishBulkFts(ctx.db, w.bulk);
      }
      ctx.checkCancelled();
      ctx.progress(total, total, 'updating confidence');
      const recomputed = new Map<number, Recomputed>();
      const older = [...state.touched].filter((x) => x <= state.claimsBefore);
      for (const x of [...recomputeClaims(ctx.db, { above: state.claimsBefore }), ...recomputeClaims(ctx.db, { rowids: older })]) recomputed.set(x.rowid, x);
      if (b.caseMeta && w.empty) applyMeta(ctx, b.caseMeta);
      else if (b.caseMeta) report.notices.push('the case already had content, so its title and settings were kept');
      ctx.checkCancelled();
      ctx.progress(total, total, 'writing history');
      writeImportHistory(ctx, state, w.created(), recomputed, {
        importId: newId(),
        format: run.format,
        file: run.fileName,
        sha256: r.sha256(),
        options: run.options,
        createdSourceIds: w.createdSourceIds,
        captures: w.captures,
      });
      if (!run.dryRun) reanchorImported(ctx, state, w.captures);
      ctx.checkCancelled();
      if (run.dryRun) throw new Rollback();
    })();
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  const r = read as ImportRead | null;
  if (r?.issues.length) return refused(run, r);
  const state = st as ImportState | null;
  const records = r?.records ?? 0;
  if (state) {
    report.counts = state.counts;
    report.errors = state.issues;
    report.duplicates = state.duplicates;
  }
  report.ok = report.errors.length === 0;
  if (!report.ok) report.counts = { ...zeroCounts(records) };
  return report;
}
