/**
 * The evidence columns of a CSV/TSV row: a source (title, URL, publisher, Admiralty reliability A–F)
 * and an evidence item linking it to the row's claim (quote, locator, stance, credibility 1–6).
 * A row with a source but no stance and quote gives the source only; a quote or stance needs a source.
 */
import { STANCES, type Stance } from '../types';
import { addIssue, checkRecord, type IssueSink } from './check';
import type { RowField } from './mapping';
import { evidenceRecord, sourceRecord } from './schemas';
import type { BundleEvidence, BundleSource } from './types';

export type CellReader = (f: RowField) => { i: number; v: string } | undefined;

const STANCE_WORDS: Record<string, Stance> = { support: 'supports', supporting: 'supports', refute: 'refutes', refuting: 'refutes', contradicts: 'refutes', background: 'context' };

export function rowEvidence(
  one: CellReader,
  claimKey: string,
  line: number,
  sink: IssueSink,
  label: (f: RowField) => string,
): { source: BundleSource | null; evidence: BundleEvidence | null; ok: boolean } {
  const v = (f: RowField) => one(f)?.v ?? '';
  const where = { line };
  const title = v('sourceTitle');
  const url = v('sourceUrl');
  const wantsEvidence = !!(v('quote') || v('stance') || v('locator') || v('credibility'));
  if (!title && !url) {
    if (wantsEvidence) addIssue(sink, where, label(one('quote') ? 'quote' : 'stance'), 'evidence needs a source: map a sourceTitle or sourceUrl column');
    return { source: null, evidence: null, ok: !wantsEvidence };
  }
  const fieldOf = (path: string): string => {
    const f = ({ title: 'sourceTitle', url: 'sourceUrl', publisher: 'sourcePublisher', reliability: 'reliability', excerpt: 'quote', locator: 'locator', stance: 'stance', credibility: 'credibility' } as Record<string, RowField>)[path.split('.')[0]!];
    return f && one(f) ? label(f) : path;
  };
  const sourceKey = `line:${line}:source`;
  const source = checkRecord(
    sourceRecord,
    { key: sourceKey, line, title: title || url, url: url || null, publisher: v('sourcePublisher') || null, reliability: v('reliability').toUpperCase() || undefined, kind: 'other' },
    where,
    sink,
    fieldOf,
  );
  if (!wantsEvidence) return { source, evidence: null, ok: !!source };
  const stanceText = v('stance').toLowerCase();
  const stance = (STANCES as readonly string[]).includes(stanceText) ? stanceText : (STANCE_WORDS[stanceText] ?? (stanceText ? stanceText : 'context'));
  const credibility = v('credibility');
  const evidence = checkRecord(
    evidenceRecord,
    { key: `line:${line}:evidence`, line, claimKey, sourceKey, stance, excerpt: v('quote'), locator: v('locator') || null, credibility: credibility ? Number(credibility) : undefined },
    where,
    sink,
    fieldOf,
  );
  return { source, evidence, ok: !!source && !!evidence };
}
