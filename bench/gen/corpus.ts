/**
 * Realistic text for the generator: the LIAR statements (PolitiFact, research use) that sit beside
 * the repository in ../shared/data/liar/. Read once, in file order, so the pool is deterministic.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface LiarRow {
  label: string;
  statement: string;
  subjects: string[];
  speaker: string;
  job: string;
  context: string;
}

export interface Corpus {
  rows: LiarRow[];
  statements: string[];
  speakers: string[];
  subjects: string[];
  contexts: string[];
  words: string[];
}

export const LIAR_DIR = fileURLToPath(new URL('../../../shared/data/liar/', import.meta.url));
export const LIAR_FILES = ['train.tsv', 'valid.tsv'] as const;

/** "dwayne-bohac" → "Dwayne Bohac". */
export function speakerName(slug: string): string {
  return slug
    .split('-')
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

export function parseLiarLine(line: string): LiarRow | null {
  const f = line.split('\t');
  if (f.length < 6 || !f[2]?.trim()) return null;
  return {
    label: f[1]!.trim(),
    statement: f[2]!.trim(),
    subjects: (f[3] ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    speaker: speakerName(f[4] ?? ''),
    job: (f[5] ?? '').trim(),
    context: (f[13] ?? '').trim(),
  };
}

let cached: Corpus | null = null;

export function loadCorpus(): Corpus {
  if (cached) return cached;
  const rows: LiarRow[] = [];
  for (const file of LIAR_FILES)
    for (const line of readFileSync(LIAR_DIR + file, 'utf8').split('\n')) {
      const r = parseLiarLine(line);
      if (r) rows.push(r);
    }
  const uniq = (xs: string[]) => [...new Set(xs.filter(Boolean))].sort();
  cached = {
    rows,
    statements: rows.map((r) => r.statement),
    speakers: uniq(rows.map((r) => r.speaker)),
    subjects: uniq(rows.flatMap((r) => r.subjects)),
    contexts: uniq(rows.map((r) => r.context)),
    words: uniq(rows.flatMap((r) => r.statement.toLowerCase().match(/\p{L}{4,}/gu) ?? [])),
  };
  return cached;
}
