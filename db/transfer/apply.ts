/**
 * Applies a parsed import in ONE transaction: all of it or nothing. A dry run does the same work
 * and rolls it back, so its counts (duplicates included) are exactly what the import would do.
 * Progress is reported between records; a cancel request rolls everything back.
 */
import type { Parsed } from '../../core/transfer/parse';
import type { ImportReport } from '../../core/transfer/types';
import { getMeta, setMeta, setSetting } from '../repos/meta';
import { get, sql } from '../sql';
import { record, type Ctx } from '../service/context';
import { recomputeClaim } from '../service/recompute';
import { applyClaims, applySources } from './apply-entities';
import { applyBriefings, applyDisputes, applyEvidence, applyLinks } from './apply-links';
import { ImportState, zeroCounts } from './state';

class Rollback extends Error {}

const PROGRESS_EVERY = 250;

function isEmptyCase(ctx: Ctx): boolean {
  return !get(ctx.db, sql`SELECT 1 FROM claims UNION ALL SELECT 1 FROM sources LIMIT 1`);
}

function applyMeta(ctx: Ctx, meta: NonNullable<Parsed['bundle']['caseMeta']>): void {
  if (meta.title && !getMeta(ctx.db, 'title')) setMeta(ctx.db, 'title', meta.title);
  if (meta.analystName) setSetting(ctx.db, 'analystName', meta.analystName);
  if (meta.caveat !== undefined) setSetting(ctx.db, 'caveat', meta.caveat);
  if (meta.backupsToKeep !== undefined) setSetting(ctx.db, 'backupsToKeep', meta.backupsToKeep);
}

export function applyImport(ctx: Ctx, parsed: Parsed, opts: { dryRun: boolean; fileName: string }): ImportReport {
  const report: ImportReport = {
    ok: false,
    dryRun: opts.dryRun,
    format: parsed.format,
    counts: zeroCounts(parsed.records),
    errors: parsed.issues,
    duplicates: [],
    notices: [...parsed.notices],
  };
  if (parsed.issues.length) return report;
  const b = parsed.bundle;
  const total = b.claims.length + b.sources.length + b.evidence.length + b.disputes.length + b.links.length + b.briefings.length;
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
      st = new ImportState(ctx.db, opts.fileName, parsed.records);
      const empty = isEmptyCase(ctx);
      applySources(ctx, st, b.sources, tick);
      applyClaims(ctx, st, b.claims, tick);
      applyEvidence(ctx, st, b.evidence, tick);
      applyDisputes(ctx, st, b.disputes, tick);
      applyLinks(ctx, st, b.links, tick);
      applyBriefings(ctx, st, b.briefings, tick);
      if (st.issues.length) throw new Rollback();
      ctx.checkCancelled();
      ctx.progress(total, total, 'updating confidence');
      for (const rowid of st.touched) recomputeClaim(ctx, rowid, 'imported');
      if (b.caseMeta && empty) applyMeta(ctx, b.caseMeta);
      else if (b.caseMeta) report.notices.push('the case already had content, so its title and settings were kept');
      record(ctx, {
        kind: 'import.applied',
        entityType: 'case',
        entityId: 'import',
        payload: { format: parsed.format, file: opts.fileName, counts: st.counts },
      });
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
