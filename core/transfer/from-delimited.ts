/** CSV/TSV rows → claims, through a column mapping and a label map. */
import { CLAIM_STATUSES, type ClaimStatus } from '../types';
import { addIssue, checkRecord, full, newSink, type IssueSink } from './check';
import { DelimitedError, readDelimited, unneutralize, type Row } from './csv';
import { defaultLabels, lookupLabel, parseLabels, type LabelMap } from './labels';
import { parseMapping, type ColumnMap, type RowField } from './mapping';
import { rowEvidence } from './row-evidence';
import { claimRecord } from './schemas';
import type { BundleClaim, BundleEvidence, BundleSource, ImportIssue } from './types';

export interface DelimitedOptions {
  format: 'csv' | 'tsv';
  /** Default: `,` for CSV, tab for TSV. */
  delimiter?: string;
  /** Default true: the first row names the columns. */
  header?: boolean;
  map?: string;
  labels?: string;
  /** Leave out rows with an error (each is reported in `skipped`) instead of refusing the file. */
  skipBadRows?: boolean;
}

export interface DelimitedResult {
  claims: BundleClaim[];
  sources: BundleSource[];
  evidence: BundleEvidence[];
  /** The errors of the rows left out with skipBadRows (each names its line). */
  skipped: ImportIssue[];
  records: number;
  header: string[] | null;
  width: number;
  notices: string[];
}

/** "2016-10-12T…" → "2016-10-12"; keeps YYYY, YYYY-MM and YYYY-MM-DD; anything else is refused. */
function toDate(v: string): string | null | undefined {
  if (!v) return null;
  const m = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:[T ].*)?$/.exec(v);
  return m ? m[1]! : undefined;
}

const splitTags = (v: string) => v.split(/[,;|]/).map((t) => t.trim()).filter(Boolean);

/** "label (column 2)", or "text (column 1, \"statement\")" when the header names it differently. */
function fieldLabel(f: RowField, header: string[] | null, i: number): string {
  const h = header?.[i];
  return h && h !== f ? `${f} (column ${i + 1}, "${h.slice(0, 40)}")` : `${f} (column ${i + 1})`;
}

interface RowContext {
  map: ColumnMap;
  header: string[] | null;
  labels: LabelMap;
  sink: IssueSink;
}

function cell(row: Row, i: number, csv: boolean): string {
  const v = row.fields[i] ?? '';
  return (csv ? unneutralize(v) : v).trim();
}

interface RowRecords {
  claim: BundleClaim;
  source: BundleSource | null;
  evidence: BundleEvidence | null;
}

function rowRecords(row: Row, rc: RowContext, csv: boolean): RowRecords | null {
  const get = (f: RowField) => (rc.map.get(f) ?? []).map((i) => ({ i, v: cell(row, i, csv) }));
  const one = (f: RowField) => get(f)[0];
  const where = { line: row.line };
  let ok = true;
  const bad = (f: RowField, message: string) => {
    ok = false;
    addIssue(rc.sink, where, fieldLabel(f, rc.header, one(f)!.i), message);
  };
  const raw: Record<string, unknown> = { key: `line:${row.line}`, line: row.line, text: one('text')!.v };
  const id = one('id')?.v;
  if (id) Object.assign(raw, { id, key: id });
  if (one('claimant')) raw.claimant = one('claimant')!.v || null;
  if (one('context')) raw.context = one('context')!.v || null;
  const date = one('claimedAt');
  if (date) {
    const d = toDate(date.v);
    if (d === undefined) bad('claimedAt', `"${date.v.slice(0, 40)}" is not a date like 2025-01-20`);
    else raw.claimedAt = d;
  }
  const tags = get('tags').flatMap((c) => splitTags(c.v));
  raw.tags = [...new Map(tags.map((t) => [t.toLowerCase(), t])).values()];
  const notes = [
    ...get('ref').filter((c) => c.v).map((c) => `Ref: ${c.v}`),
    ...get('notes').filter((c) => c.v).map((c) => (rc.header ? `${rc.header[c.i]}: ${c.v}` : c.v)),
  ];
  raw.notes = notes.join('\n');
  const label = one('label');
  if (label?.v) {
    const rule = lookupLabel(rc.labels, label.v);
    if (!rule) bad('label', `unknown label "${label.v.slice(0, 60)}"; known labels: ${Object.keys(rc.labels).join(', ')} (add more with --labels LABEL=STATUS:PRIOR)`);
    else Object.assign(raw, { status: rule.status, prior: rule.prior, statusRationale: `Imported label: ${label.v}` });
  }
  const status = one('status');
  if (status?.v) {
    const s = status.v.toLowerCase() as ClaimStatus;
    if (!CLAIM_STATUSES.includes(s)) bad('status', `"${status.v.slice(0, 60)}" is not a status (${CLAIM_STATUSES.join(', ')})`);
    else Object.assign(raw, { status: s, statusRationale: `Imported status: ${s}` });
  }
  const rationale = one('statusRationale');
  if (rationale?.v) raw.statusRationale = rationale.v;
  const prior = one('prior');
  if (prior?.v) {
    const p = Number(prior.v);
    if (!Number.isFinite(p)) bad('prior', `"${prior.v.slice(0, 40)}" is not a number`);
    else raw.prior = p;
  }
  if (!ok) return null;
  const columnOf = (path: string) => {
    const f = path.split('.')[0] as RowField;
    return rc.map.has(f) ? fieldLabel(f, rc.header, rc.map.get(f)![0]!) : f;
  };
  const claim = checkRecord(claimRecord, raw, where, rc.sink, columnOf) as BundleClaim | null;
  const ev = rowEvidence(one, String(raw.key), row.line, rc.sink, (f) => fieldLabel(f, rc.header, rc.map.get(f)?.[0] ?? 0));
  return claim && ev.ok ? { claim, source: ev.source, evidence: ev.evidence } : null;
}

export function parseDelimited(content: string, opts: DelimitedOptions, sink: IssueSink): DelimitedResult {
  const csv = opts.format === 'csv';
  const delimiter = opts.delimiter ?? (csv ? ',' : '\t');
  const result: DelimitedResult = { claims: [], sources: [], evidence: [], skipped: [], records: 0, header: null, width: 0, notices: [] };
  const labels = opts.labels ? parseLabels(opts.labels) : { ok: true as const, labels: {} };
  if (!labels.ok) {
    addIssue(sink, {}, 'labels', labels.message);
    return result;
  }
  let rc: RowContext | null = null;
  try {
    for (const row of readDelimited(content, { delimiter, quoted: csv })) {
      if (!rc) {
        result.width = row.fields.length;
        if (opts.header !== false) result.header = row.fields.map((h) => h.trim());
        const mapped = parseMapping(opts.map, result.header, result.width);
        if (!mapped.ok) {
          addIssue(sink, { line: row.line }, 'mapping', mapped.message);
          return result;
        }
        result.notices.push(...mapped.notices);
        rc = { map: mapped.map, header: result.header, labels: { ...defaultLabels(), ...labels.labels }, sink };
        if (opts.header !== false) continue;
      }
      result.records++;
      // With skipBadRows each row collects its own errors: a bad row is reported and left out.
      const rowSink = opts.skipBadRows ? newSink(sink.file, 20) : sink;
      let got: RowRecords | null = null;
      if (row.fields.length !== result.width)
        addIssue(rowSink, { line: row.line }, 'row', `has ${row.fields.length} fields, expected ${result.width} like the ${result.header ? 'header' : 'first row'}`);
      else got = rowRecords(row, { ...rc, sink: rowSink }, csv);
      if (opts.skipBadRows && rowSink.issues.length) result.skipped.push(...rowSink.issues);
      else if (got) {
        result.claims.push(got.claim);
        if (got.source) result.sources.push(got.source);
        if (got.evidence) result.evidence.push(got.evidence);
      }
      if (full(sink)) break;
    }
  } catch (e) {
    if (!(e instanceof DelimitedError)) throw e;
    addIssue(sink, { line: e.line }, 'row', e.message);
  }
  if (!rc && !sink.issues.length) addIssue(sink, {}, 'file', 'the file holds no rows');
  return result;
}
