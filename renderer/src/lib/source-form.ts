/** The source form's text boxes ↔ the contract's source fields (sources.create / update, a new claim's newSource). */
import { DEFAULT_RELIABILITY, type Reliability } from '../../../core/grades';
import type { Source, SourceKind } from '../../../core/types';
import { FormReader, readDate, readUrl } from './form-input';

export interface SourceDraft {
  title: string;
  url: string;
  publisher: string;
  /** one per line */
  authors: string;
  publishedAt: string;
  kind: SourceKind;
  reliability: Reliability;
  derivedFromId: string;
  notes: string;
  speaksFor: string;
}

/** Field paths as the API names them in its issues. */
export const SOURCE_FIELDS = ['title', 'url', 'publisher', 'authors', 'publishedAt', 'kind', 'reliability', 'derivedFromId', 'notes', 'speaksFor'] as const;

export function sourceDraftOf(source?: Source): SourceDraft {
  return {
    title: source?.title ?? '',
    url: source?.url ?? '',
    publisher: source?.publisher ?? '',
    authors: source?.authors.join('\n') ?? '',
    publishedAt: source?.publishedAt ?? '',
    kind: source?.kind ?? 'other',
    reliability: source?.reliability ?? DEFAULT_RELIABILITY,
    derivedFromId: source?.derivedFromId ?? '',
    notes: source?.notes ?? '',
    speaksFor: source?.speaksFor ?? '',
  };
}

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);
const orNull = (s: string) => (s.trim() === '' ? null : s);

export function sourceInput(d: SourceDraft) {
  const r = new FormReader();
  const url = r.read('url', readUrl(d.url));
  const publishedAt = r.read('publishedAt', readDate(d.publishedAt));
  if (r.failed) return { input: null, errors: r.errors } as const;
  return {
    errors: null,
    input: {
      title: d.title,
      url: url ?? null,
      publisher: orNull(d.publisher),
      authors: lines(d.authors),
      publishedAt: publishedAt ?? null,
      kind: d.kind,
      reliability: d.reliability,
      derivedFromId: orNull(d.derivedFromId),
      notes: d.notes,
      speaksFor: orNull(d.speaksFor.trim()),
    },
  } as const;
}
