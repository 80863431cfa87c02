/**
 * The documents-search scale set: 10,000 captured text documents (about 1 GB of text at scale 1)
 * over 5,000 sources, two captures a source, built the raw way and kept in bench/.cache/. Pages are
 * paragraphs of LIAR statements and of the sample brief, drawn from a seeded PRNG (same seed, same
 * case); about 25 pages of about 4,000 characters a document.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LATEST_VERSION } from '../../db/migrations/index';
import { closeCase, openCase } from '../../db/open';
import { createRng, type Rng } from '../lib/prng';
import { cachedCase } from './cache';
import { loadCorpus } from './corpus';
import { rawCaptureSink } from './documents';
import { DEFAULT_SEED, makeSource } from './generate';
import { rawSink } from './raw-load';

/** Bump when the generated documents change. */
export const DOCUMENTS_GENERATOR_VERSION = 1;
const SEED_DIR = fileURLToPath(new URL('../../../shared/seed/', import.meta.url));
const BATCH = 100;

export interface DocumentCounts {
  documents: number;
  sources: number;
  pages: number;
  /** UTF-16 code units of extracted text, in millions. */
  textMchars: number;
}

/** 10,000 documents at scale 1; below it 2,000 × scale (200 for --quick), at least 10. */
export function documentsFor(scale: number): number {
  return scale >= 1 ? Math.round(10_000 * scale) : Math.max(10, Math.round(2_000 * scale));
}

export function briefParagraphs(): string[] {
  const out: string[] = [];
  for (const f of readdirSync(SEED_DIR).filter((n) => n.endsWith('.txt')).sort())
    out.push(...readFileSync(join(SEED_DIR, f), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.length > 40));
  return out;
}

/** One page: paragraphs of 3–7 statements (one in ten a paragraph of the brief) up to about `size` characters. */
export function page(rng: Rng, statements: readonly string[], brief: readonly string[], size: number): string {
  const paras: string[] = [];
  let n = 0;
  while (n < size) {
    let p: string;
    if (brief.length && rng.chance(0.1)) p = rng.pick(brief);
    else {
      const k = rng.int(3, 7);
      const parts: string[] = [];
      for (let i = 0; i < k; i++) parts.push(rng.pick(statements));
      p = parts.join(' ');
    }
    paras.push(p);
    n += p.length + 1;
  }
  return paras.join('\n');
}

export function buildDocumentsCase(path: string, documents: number, seed = DEFAULT_SEED): DocumentCounts {
  const rng = createRng(seed ^ 0x5eed);
  const corpus = loadCorpus();
  const brief = briefParagraphs();
  const h = openCase(path, { create: true });
  const counts: DocumentCounts = { documents: 0, sources: 0, pages: 0, textMchars: 0 };
  let chars = 0;
  try {
    const sources = rawSink(h.db);
    const captures = rawCaptureSink(h.db);
    const nSources = Math.ceil(documents / 2);
    h.db.transaction(() => {
      for (let r = 1; r <= nSources; r++) sources.source(makeSource(rng, corpus, r, null));
    })();
    counts.sources = nSources;
    for (let start = 0; start < documents; start += BATCH)
      h.db.transaction(() => {
        for (let d = start; d < Math.min(documents, start + BATCH); d++) {
          const pages = Array.from({ length: rng.int(5, 45) }, () => page(rng, corpus.statements, brief, rng.int(3_000, 5_000)));
          const day = new Date(Date.UTC(2026, 0, 1) + d * 3_600_000).toISOString();
          captures.capture(1 + (d % nSources), { pages, capturedAt: day, fileName: `document-${d + 1}.txt` });
          counts.documents++;
          counts.pages += pages.length;
          chars += pages.reduce((n, p) => n + p.length, 0);
        }
      })();
    h.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    closeCase(h);
  }
  counts.textMchars = Math.round(chars / 1e4) / 100;
  return counts;
}

export function documentsCase(dir: string, documents: number, seed = DEFAULT_SEED): { path: string; counts: DocumentCounts; builtIn: number | null } {
  const path = join(dir, `documents-${documents}-seed${seed}-g${DOCUMENTS_GENERATOR_VERSION}-s${LATEST_VERSION}.claimtrail`);
  return cachedCase(path, (tmp) => buildDocumentsCase(tmp, documents, seed));
}
