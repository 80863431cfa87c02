/**
 * A case snapshot in the requested format, with a file name and MIME type for the download.
 *
 * Every export but JSON shows bidi controls and invisible format characters as visible <U+XXXX>
 * markers (core/text.ts, as the UI and CLI do), so a claim cannot read backwards or hide words in a
 * spreadsheet, a citation manager, a web page or a Markdown viewer. The JSON export stays an exact
 * backup: it is the lossless round-trip format (export → import gives the same case, exact quotes
 * stay exact), its values are data for a program rather than text for a reader, and every place
 * that shows them to a person (the app, the CLI, the other exports, the briefings) neutralizes them.
 *
 * With a signed head statement (db/signing.ts) each file carries it: JSON and ClaimReview as a
 * `signedHead` field, Markdown as a trailing comment; CSV and CSL-JSON would stop being what their
 * readers expect (a table, a list of items), so they get a sidecar `FILE.sig.json`.
 */
import { revealControls } from '../text';
import type { CaseSnapshot } from './snapshot';
import { claimsToClaimReview } from './to-claimreview';
import { sourcesToCsl } from './to-csl';
import { claimsToCsv } from './to-csv';
import { caseToMarkdown } from './to-markdown';
import type { ExportFormat } from './types';

export interface ExportFile {
  fileName: string;
  mime: string;
  content: string;
  /** The signed head statement for formats that cannot hold it: write it next to the file as `fileName`. */
  sidecar?: { fileName: string; content: string };
}

/** Where a format carries the signed head statement. */
type Carrier = 'field' | 'comment' | 'sidecar';

interface Spec {
  ext: string;
  mime: string;
  /** false only for the exact JSON backup. */
  reveal: boolean;
  signature: Carrier;
  write: (s: CaseSnapshot, signedHead: string | undefined) => string;
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
const withField = (s: CaseSnapshot, signedHead: string | undefined) => (signedHead ? { ...s, signedHead: JSON.parse(signedHead) as unknown } : s);

const SPEC: Record<ExportFormat, Spec> = {
  json: { ext: 'claimtrail.json', mime: 'application/json', reveal: false, signature: 'field', write: (s, h) => json(withField(s, h)) },
  csv: { ext: 'claims.csv', mime: 'text/csv', reveal: true, signature: 'sidecar', write: claimsToCsv },
  'csl-json': { ext: 'sources.csl.json', mime: 'application/vnd.citationstyles.csl+json', reveal: true, signature: 'sidecar', write: sourcesToCsl },
  claimreview: { ext: 'claimreview.jsonld', mime: 'application/ld+json', reveal: true, signature: 'field', write: claimsToClaimReview },
  md: { ext: 'md', mime: 'text/markdown', reveal: true, signature: 'comment', write: caseToMarkdown },
};

/** Every string in a JSON-like value passed through `f` (keys included: imported CSL items keep their own). */
export function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => mapStrings(v, f)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [f(k), mapStrings(v, f)])) as T;
  return value;
}

/** A UTF-8 byte-order mark: LibreOffice's default import and Excel on Windows read a CSV without one as a legacy code page ("â€”"). */
export const BOM = '\ufeff';

export function exportSnapshot(s: CaseSnapshot, format: ExportFormat, signedHead?: string, opts: { bom?: boolean } = {}): ExportFile {
  const spec = SPEC[format];
  const base = (s.case.title ?? 'case').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'case';
  const fileName = `${base}.${spec.ext}`;
  const shown = spec.reveal ? mapStrings(s, revealControls) : s;
  const written = spec.write(shown, spec.signature === 'sidecar' ? undefined : signedHead);
  const content = format === 'csv' && opts.bom !== false ? BOM + written : written;
  return {
    fileName,
    mime: spec.mime,
    content,
    ...(signedHead && spec.signature === 'sidecar' ? { sidecar: { fileName: `${fileName}.sig.json`, content: `${signedHead}\n` } } : {}),
  };
}
