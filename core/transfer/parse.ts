/** One entry for every import format: content (already text) in, a bundle and its issues out. */
import { newSink } from './check';
import { stripBom } from './decode';
import { parseBibliography } from './from-bibliography';
import { parseClaimReview } from './from-claimreview';
import { parseCslJson } from './from-csl';
import { parseDelimited } from './from-delimited';
import { parseClaimTrailJson } from './from-json';
import { JSON_FORMAT } from './snapshot';
import { emptyBundle, type Bundle, type ImportFormat, type ImportIssue } from './types';

export interface ParseInput {
  format?: ImportFormat;
  content: string;
  fileName: string;
  map?: string;
  header?: boolean;
  delimiter?: string;
  labels?: string;
  /** CSV/TSV: leave out rows with an error (reported one by one) instead of refusing the file. */
  skipBadRows?: boolean;
}

export interface Parsed {
  format: ImportFormat;
  bundle: Bundle;
  records: number;
  issues: ImportIssue[];
  /** CSV/TSV rows left out with skipBadRows, with their errors. */
  skipped: ImportIssue[];
  notices: string[];
  header: string[] | null;
  width: number;
  /** What was read, as given (the file's text and the options that turned it into records), for the import's history. */
  input: ParseInput;
}

/** Picks the format from the file name, then from a look at the content. */
export function detectFormat(fileName: string, content: string): ImportFormat {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (ext === 'tsv' || ext === 'tab') return 'tsv';
  if (ext === 'csv') return 'csv';
  if (ext === 'bib' || ext === 'bibtex') return 'bibtex';
  if (ext === 'ris') return 'ris';
  const head = content.slice(0, 4096);
  if (head.includes(`"${JSON_FORMAT}"`)) return 'json';
  if (/ClaimReview"/.test(content.slice(0, 65536))) return 'claimreview';
  if (/^\s*[[{]/.test(head)) return 'csl-json';
  if (/^\s*@[a-z]+\s*[{(]/im.test(head)) return 'bibtex';
  if (/^TY {2}- /m.test(head)) return 'ris';
  return head.includes('\t') && !head.includes(',') ? 'tsv' : 'csv';
}

export function parseImport(input: ParseInput): Parsed {
  const content = stripBom(input.content);
  const format = input.format ?? detectFormat(input.fileName, content);
  const sink = newSink(input.fileName || 'input');
  const base = { format, notices: [] as string[], skipped: [] as ImportIssue[], header: null, width: 0, input };
  if (!content.trim()) {
    sink.issues.push({ file: sink.file, field: 'file', message: 'is empty' });
    return { ...base, bundle: emptyBundle(), records: 0, issues: sink.issues };
  }
  if (content.includes('\u0000')) {
    const line = content.slice(0, content.indexOf('\u0000')).split('\n').length;
    sink.issues.push({ file: sink.file, line, field: 'file', message: 'contains NUL bytes: it is a binary file or not UTF-8 text (UTF-16 files need a byte-order mark)' });
    return { ...base, bundle: emptyBundle(), records: 0, issues: sink.issues };
  }
  if (format === 'csv' || format === 'tsv') {
    const { map, header, delimiter, labels, skipBadRows } = input;
    const r = parseDelimited(content, { format, map, header, delimiter, labels, skipBadRows }, sink);
    const bundle = { ...emptyBundle(), claims: r.claims, sources: r.sources, evidence: r.evidence };
    return { ...base, bundle, records: r.records, issues: sink.issues, skipped: r.skipped, notices: r.notices, header: r.header, width: r.width };
  }
  if (format === 'claimreview') {
    const r = parseClaimReview(content, sink, input.labels);
    return { ...base, bundle: r.bundle, records: r.records, issues: sink.issues, notices: r.notices };
  }
  const r =
    format === 'json'
      ? parseClaimTrailJson(content, sink)
      : format === 'bibtex' || format === 'ris'
        ? parseBibliography(content, format, sink)
        : parseCslJson(content, sink);
  return { ...base, bundle: r.bundle, records: r.records, issues: sink.issues };
}
