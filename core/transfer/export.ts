/** A case snapshot in the requested format, with a file name and MIME type for the download. */
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
}

const SPEC: Record<ExportFormat, { ext: string; mime: string; write: (s: CaseSnapshot) => string }> = {
  json: { ext: 'claimtrail.json', mime: 'application/json', write: (s) => `${JSON.stringify(s, null, 2)}\n` },
  csv: { ext: 'claims.csv', mime: 'text/csv', write: claimsToCsv },
  'csl-json': { ext: 'sources.csl.json', mime: 'application/vnd.citationstyles.csl+json', write: sourcesToCsl },
  claimreview: { ext: 'claimreview.jsonld', mime: 'application/ld+json', write: claimsToClaimReview },
  md: { ext: 'md', mime: 'text/markdown', write: caseToMarkdown },
};

export function exportSnapshot(s: CaseSnapshot, format: ExportFormat): ExportFile {
  const spec = SPEC[format];
  const base = (s.case.title ?? 'case').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'case';
  return { fileName: `${base}.${spec.ext}`, mime: spec.mime, content: spec.write(s) };
}
