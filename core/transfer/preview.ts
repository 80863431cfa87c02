/** What the import wizard shows before anything is written: columns, first rows, mapping, first records. */
import { readDelimited, DelimitedError } from './csv';
import { stripBom } from './decode';
import { fieldForName, parseMapping, columnName } from './mapping';
import { parseImport, type ParseInput } from './parse';
import type { ImportFormat, ImportIssue } from './types';

export interface ImportPreview {
  format: ImportFormat;
  /** Column names (the header, or "column N"), for CSV/TSV. */
  columns: string[];
  /** The first rows as read (CSV/TSV), before mapping. */
  rows: string[][];
  /** field → the columns it reads, as resolved from --map or the header. */
  mapping: Record<string, string[]>;
  /** The first records as they would be imported. */
  sample: { kind: 'claim' | 'source'; text: string; claimant?: string | null; status?: string; tags?: string[] }[];
  records: number;
  notices: string[];
  errors: ImportIssue[];
}

const PREVIEW_ROWS = 10;

function firstRows(content: string, format: 'csv' | 'tsv', delimiter?: string): string[][] {
  const rows: string[][] = [];
  try {
    for (const r of readDelimited(stripBom(content), { delimiter: delimiter ?? (format === 'csv' ? ',' : '\t'), quoted: format === 'csv' })) {
      rows.push(r.fields.map((f) => f.slice(0, 500)));
      if (rows.length > PREVIEW_ROWS) break;
    }
  } catch (e) {
    if (!(e instanceof DelimitedError)) throw e;
  }
  return rows;
}

export function previewImport(input: ParseInput): ImportPreview {
  const parsed = parseImport(input);
  const out: ImportPreview = {
    format: parsed.format,
    columns: [],
    rows: [],
    mapping: {},
    sample: [
      ...parsed.bundle.claims.slice(0, PREVIEW_ROWS).map((c) => ({ kind: 'claim' as const, text: c.text.slice(0, 500), claimant: c.claimant, status: c.status, tags: c.tags })),
      ...parsed.bundle.sources.slice(0, PREVIEW_ROWS).map((s) => ({ kind: 'source' as const, text: s.title.slice(0, 500) })),
    ],
    records: parsed.records,
    notices: parsed.notices,
    errors: parsed.issues.slice(0, 20),
  };
  if (parsed.format === 'csv' || parsed.format === 'tsv') {
    const rows = firstRows(input.content, parsed.format, input.delimiter);
    const width = rows[0]?.length ?? 0;
    const header = input.header === false ? null : (rows[0] ?? null);
    out.columns = Array.from({ length: width }, (_, i) => columnName(header, i));
    out.rows = header ? rows.slice(1, PREVIEW_ROWS + 1) : rows.slice(0, PREVIEW_ROWS);
    const m = parseMapping(input.map, header, width);
    if (m.ok) for (const [field, cols] of m.map) out.mapping[field] = cols.map((i) => columnName(header, i));
    else if (header) for (const [i, h] of header.entries()) if (fieldForName(h)) out.mapping[fieldForName(h)!] = [columnName(header, i)];
  }
  return out;
}
