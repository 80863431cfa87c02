/** Sources as CSL-JSON (for Zotero and citation processors); an imported item's own fields win. */
import type { SourceKind } from '../types';
import type { CaseSnapshot, SnapshotSource } from './snapshot';

const TYPE: Record<SourceKind, string> = {
  report: 'report',
  news: 'article-newspaper',
  'official statement': 'document',
  paper: 'article-journal',
  'social post': 'post',
  dataset: 'dataset',
  interview: 'interview',
  web: 'webpage',
  other: 'document',
};

function dateParts(d: string | null): { 'date-parts': number[][] } | undefined {
  return d ? { 'date-parts': [d.split('-').map(Number)] } : undefined;
}

function name(a: string): Record<string, string> {
  const i = a.indexOf(', ');
  return i > 0 ? { family: a.slice(0, i), given: a.slice(i + 2) } : { literal: a };
}

export function sourceToCsl(s: SnapshotSource): Record<string, unknown> {
  const built: Record<string, unknown> = {
    id: s.id,
    type: TYPE[s.kind],
    title: s.title,
    author: s.authors.length ? s.authors.map(name) : undefined,
    issued: dateParts(s.publishedAt),
    accessed: dateParts(s.accessedAt),
    'container-title': s.publisher ?? undefined,
    URL: s.url ?? undefined,
    DOI: s.doi ?? undefined,
    note: s.notes || undefined,
  };
  const merged = { ...built, ...(s.csl ?? {}), id: s.id };
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined));
}

export function sourcesToCsl(s: CaseSnapshot): string {
  return `${JSON.stringify(s.sources.filter((x) => !x.deletedAt).map(sourceToCsl), null, 2)}\n`;
}
