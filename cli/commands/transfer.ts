/** import, export, backup, restore: the CLI reads and writes files; content travels through the contract. */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { decodeBytes } from '../../core/transfer/decode';
import { detectFormat } from '../../core/transfer/parse';
import { describeIssue, EXPORT_FORMATS, IMPORT_FORMATS, type ImportReport } from '../../core/transfer/types';
import { CaseError } from '../../db/errors';
import { importOptions } from '../../db/transfer/apply';
import { backupCase, restoreCase } from '../../db/transfer/backup';
import { fileHead, fileTextChunks } from '../../db/transfer/file-text';
import { rollingBackup } from '../../db/transfer/rolling';
import { backupsRoot } from '../../db/user-data';
import { str, UsageError, type Command } from '../command';

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

function readText(file: string): string {
  if (!existsSync(file)) throw new UsageError(`no file at ${file}`);
  const decoded = decodeBytes(readFileSync(file));
  if (!decoded.ok) throw new CaseError('invalid', `${file}, line ${decoded.line}: ${decoded.message}`);
  return decoded.text;
}

export function reportText(r: ImportReport): string {
  const c = r.counts;
  const d = c.duplicatesSkipped;
  const dups = Object.entries(d).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`);
  const lines = [
    `${r.dryRun ? 'Dry run' : 'Import'} (${r.format}): ${c.records} records read.`,
    r.ok
      ? `${r.dryRun ? 'Would add' : 'Added'}: ${c.claims} claims, ${c.sources} sources, ${c.evidence} evidence, ${c.disputes} disputes, ${c.links} links, ${c.briefings} briefings${c.captures !== undefined ? `, ${c.captures} captured documents` : ''}.`
      : `Refused: nothing was ${r.dryRun ? 'checked further' : 'imported'}; the case is unchanged.`,
  ];
  if (dups.length) lines.push(`Duplicates skipped: ${dups.join(', ')}.`);
  for (const x of r.duplicates.slice(0, 10))
    lines.push(`  duplicate ${x.kind} at ${x.line !== undefined ? `line ${x.line}` : x.record} of ${x.of}`);
  for (const n of r.notices) lines.push(`note: ${n}`);
  if (r.skipped?.length) lines.push(`Skipped ${new Set(r.skipped.map((x) => x.line)).size} bad rows (--skip-bad-rows):`);
  for (const x of r.skipped ?? []) lines.push(`  skipped: ${describeIssue(x)}`);
  for (const e of r.errors) lines.push(`error: ${describeIssue(e)}`);
  return lines.join('\n');
}

/** How far past what is alive the heap may grow during a streamed import (V8's default picks up to 300%). */
export const IMPORT_HEAP_GROWING_PERCENT = 10;

const importCommand: Command = {
  name: 'import',
  usage: 'import FILE [--format json|csv|tsv|csl-json|claimreview|bibtex|ris] [--map COL=FIELD,...] [--no-header] [--delimiter X] [--labels LABEL=STATUS[:PRIOR],...] [--skip-bad-rows] [--dry-run]',
  summary: 'Import claims or sources (all or nothing; --dry-run shows the counts and errors first; a refused import reports on stderr).',
  options: {
    format: { type: 'string' },
    map: { type: 'string' },
    'no-header': { type: 'boolean' },
    delimiter: { type: 'string' },
    labels: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'skip-bad-rows': { type: 'boolean' },
  },
  minArgs: 1,
  async run(ctx) {
    const file = ctx.args[0]!;
    const format = oneOf(str(ctx.values, 'format'), IMPORT_FORMATS, '--format');
    const delimiter = str(ctx.values, 'delimiter');
    if (!existsSync(file)) throw new UsageError(`no file at ${file}`);
    const options = {
      format,
      fileName: basename(file),
      map: str(ctx.values, 'map'),
      header: ctx.values['no-header'] ? false : undefined,
      delimiter: delimiter === '\\t' || delimiter === 'tab' ? '\t' : delimiter,
      labels: str(ctx.values, 'labels'),
      ...(ctx.values['skip-bad-rows'] ? { skipBadRows: true } : {}),
    };
    const dryRun = ctx.values['dry-run'] === true;
    // ClaimTrail JSON streams from the file (never the whole text in memory: docs/performance.md); the rest is read whole.
    const json = (format ?? detectFormat(options.fileName, fileHead(file))) === 'json';
    const content = json ? null : readText(file);
    // A stream keeps little alive but makes garbage fast; V8 would let the heap grow to about four times
    // what is alive. Grown by at most IMPORT_HEAP_GROWING_PERCENT over it, the 100k-claim import peaks
    // near 500 MB resident instead of 1.3 GB, for a few seconds more of collection (docs/performance.md).
    if (json) setFlagsFromString(`--heap-growing-percent=${IMPORT_HEAP_GROWING_PERCENT}`);
    const report = await ctx.withCase(
      (api) =>
        content === null
          ? api.streamImport({ chunks: fileTextChunks(file), fileName: options.fileName, dryRun, options: importOptions(options) })
          : api.invoke(dryRun ? 'transfer.dryRun' : 'transfer.import', { ...options, content }),
      { progress: true },
    );
    // A refused import is an error: its report (the counts and every error) goes to stderr; --json keeps the report on stdout.
    if (report.ok || ctx.json) ctx.print(report, () => reportText(report));
    else ctx.io.err(reportText(report));
    return report.ok ? 0 : 1;
  },
};

const exportCommand: Command = {
  name: 'export',
  usage: 'export --format json|csv|csl-json|claimreview|md --out FILE [--force] [--no-bom]',
  summary: 'Export the case (json: everything, exact round trip; csv: claims; csl-json: sources; claimreview: verdicts; md).',
  options: { format: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' }, 'no-bom': { type: 'boolean' } },
  async run(ctx) {
    const format = oneOf(str(ctx.values, 'format'), EXPORT_FORMATS, '--format');
    const out = str(ctx.values, 'out');
    if (!format || !out) throw new UsageError('--format and --out are required');
    const taken = (f: string) => existsSync(f) && statSync(f).size > 0;
    if ((taken(out) || taken(`${out}.sig.json`)) && !ctx.values.force)
      throw new UsageError(`${taken(out) ? out : `${out}.sig.json`} already exists; pass --force to replace it`);
    const file = await ctx.withCase((api) => api.invoke('transfer.export', { format, ...(ctx.values['no-bom'] ? { bom: false } : {}) }));
    writeFileSync(out, file.content);
    // Formats that cannot hold the signed head statement get it next to them (core/transfer/export.ts).
    const sidecar = file.sidecar ? `${out}.sig.json` : null;
    if (file.sidecar) writeFileSync(sidecar!, file.sidecar.content);
    const bytes = Buffer.byteLength(file.content);
    ctx.print({ out, format, bytes, sidecar }, () => `Wrote ${out} (${format}, ${bytes} bytes)${sidecar ? `; signed head in ${sidecar}` : ''}.`);
  },
};

const backupCommand: Command = {
  name: 'backup',
  usage: 'backup --out FILE | backup --rolling',
  summary: 'Copy the open case with SQLite\'s online backup (safe while the case is in use); --rolling: into the rolling backups, keeping the last N.',
  options: { out: { type: 'string' }, rolling: { type: 'boolean' } },
  async run(ctx) {
    const out = str(ctx.values, 'out');
    if (ctx.values.rolling === true) {
      if (out) throw new UsageError('give either --out FILE or --rolling, not both');
      const r = await ctx.withCase((_api, handle) => rollingBackup(handle.db, handle.path, { root: backupsRoot(), force: true }));
      return ctx.print(r, () =>
        r.file ? `Backed up to ${r.file} (integrity ok)${r.removed.length ? `; removed ${r.removed.length} older: ${r.removed.join(', ')}` : ''}.` : 'Rolling backups are off for this case (settings: backupsToKeep 0).',
      );
    }
    if (!out) throw new UsageError('--out FILE (or --rolling) is required');
    const r = await ctx.withCase((_api, handle) => backupCase(handle.db, out));
    ctx.print(r, () => `Backed up to ${r.file} (${r.pages} pages, integrity ok).`);
  },
};

const restoreCommand: Command = {
  name: 'restore',
  usage: 'restore BACKUP --to NEW_FILE',
  summary: 'Restore a backup into a new case file (never over an existing file).',
  options: { to: { type: 'string' } },
  minArgs: 1,
  async run(ctx) {
    const to = str(ctx.values, 'to');
    if (!to) throw new UsageError('--to NEW_FILE is required');
    const r = await restoreCase(ctx.args[0]!, to);
    ctx.print(r, () => `Restored ${ctx.args[0]} into ${r.file}.`);
  },
};

export const transferCommands: Command[] = [importCommand, exportCommand, backupCommand, restoreCommand];
