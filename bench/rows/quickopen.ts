/**
 * Quick-open per keystroke (DESIGN §4, §10): the renderer's own fuse.js setup (renderer/src/lib/fuzzy)
 * over 20k claims, typing realistic queries one character at a time; uFuzzy beside it as a reference.
 */
import uFuzzy from '@leeoniya/ufuzzy';
import Database from 'better-sqlite3';
import { claimFuse, paletteIndex, searchPalette, similarClaims, type PaletteItem } from '../../renderer/src/lib/fuzzy';
import { type BenchContext, runs } from '../lib/context';
import { MemoryWatch, timeOnce } from '../lib/measure';
import { makeRow, type RowResult } from '../lib/result';

export const TYPED = ['health care costs', 'unemployment rate', 'obama tax', 'border wall mexico'];
const DRAFT = 'Says the governor cut education funding by more than a billion dollars';

/** Every prefix of each query, as typed. */
export function keystrokes(queries: readonly string[]): string[] {
  return queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
}

function typeAlong(rounds: number, warmup: number, step: (q: string) => unknown, typed: readonly string[], mem: MemoryWatch): number[] {
  const out: number[] = [];
  for (let r = 0; r < warmup + rounds; r++)
    for (const q of typed) {
      const ms = timeOnce(() => step(q));
      if (r >= warmup) out.push(ms);
      mem.sample();
    }
  return out;
}

export function quickOpenRows(ctx: BenchContext): RowResult[] {
  const n = Math.round(20_000 * Math.min(1, ctx.scale));
  const db = new Database(ctx.scaleCase.path, { readonly: true });
  const claims = db
    .prepare('SELECT id, text, claimant FROM claims WHERE deleted_at IS NULL ORDER BY rowid LIMIT ?')
    .all(n) as { id: string; text: string; claimant: string | null }[];
  db.close();
  const scale = `${(claims.length / 1000).toFixed(0)}k claim texts`;
  const rounds = runs(ctx, 2, 1);
  const out: RowResult[] = [];

  const mem = new MemoryWatch();
  const items = claims.map((c): PaletteItem => ({ kind: 'claim', id: c.id, title: c.text, detail: c.claimant ?? '' }));
  const fuse = paletteIndex(items);
  const haystack = claims.map((c) => c.text);
  const uf = new uFuzzy({});
  const ufSearch = (q: string) => uf.search(haystack, q, 0, 1000);
  const typed = keystrokes(TYPED);
  // Alternate the two libraries round by round so machine noise hits both.
  const fuseT: number[] = [];
  const ufT: number[] = [];
  for (let r = 0; r < rounds + 1; r++) {
    const f = typeAlong(1, 0, (q) => searchPalette(fuse, q), typed, mem);
    const u = typeAlong(1, 0, ufSearch, typed, mem);
    if (r === 0) continue; // warm-up round
    fuseT.push(...f);
    ufT.push(...u);
  }
  out.push(
    makeRow({
      name: 'quick-open per keystroke (fuse.js)',
      scale,
      app: fuseT,
      baseline: { name: 'uFuzzy (reference, not a target)', samples: ufT },
      target: { kind: 'absolute', maxMs: 16 },
      memory: mem.result(),
      note: `typed: ${TYPED.map((q) => JSON.stringify(q)).join(', ')}; renderer's paletteIndex/searchPalette (threshold 0.4, ignoreLocation, limit 12)`,
    }),
  );

  const mem2 = new MemoryWatch();
  const similar = claimFuse(claims);
  // similarClaims answers from 12 characters on; every 6th keystroke keeps the row affordable.
  const draft = keystrokes([DRAFT]).filter((q) => q.trim().length >= 12 && q.length % 6 === 0);
  out.push(
    makeRow({
      name: 'similar-claim warning per keystroke (fuse.js)',
      scale,
      app: typeAlong(rounds, 1, (q) => similarClaims(similar, q), draft, mem2),
      target: { kind: 'absolute', maxMs: 16 },
      memory: mem2.result(),
      note: `typing a ${DRAFT.length}-character claim; renderer's claimFuse/similarClaims (threshold 0.35, ignoreLocation)`,
    }),
  );
  return out;
}
