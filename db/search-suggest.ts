/**
 * The suggestion for a query that found nothing (issue 20): each plain word that no word index knows
 * is replaced by the closest word of this case's vocabulary (fts5vocab over the stemmed indexes), shown
 * as the word it stands for in the text.
 */
import type { ParsedQuery } from '../core/search/parse';
import { quoteFts } from '../core/search/match';
import { allowedEdits, closestStems, editDistance, replaceWords, type VocabTerm } from '../core/search/suggest';
import { all, get, sql, type DB } from './sql';

const MAX_WORDS = 4;
const CANDIDATES = 3;

/** A word some index finds, as a word or inside a longer one ("McCollum" in "McCollumhas"). */
function known(db: DB, word: string): boolean {
  const m = quoteFts(word);
  return !!get(
    db,
    sql`SELECT 1 AS k WHERE EXISTS (SELECT 1 FROM claims_fts WHERE claims_fts MATCH ${m}) OR EXISTS (SELECT 1 FROM evidence_fts WHERE evidence_fts MATCH ${m})
          OR EXISTS (SELECT 1 FROM sources_fts WHERE sources_fts MATCH ${m}) OR EXISTS (SELECT 1 FROM disputes_fts WHERE disputes_fts MATCH ${m})
          OR EXISTS (SELECT 1 FROM claims_tri WHERE claims_tri MATCH ${m}) OR EXISTS (SELECT 1 FROM evidence_tri WHERE evidence_tri MATCH ${m})`,
  );
}

function vocabulary(db: DB, word: string): VocabTerm[] {
  const [lo, hi] = [Math.max(1, word.length - allowedEdits(word) - 4), word.length + allowedEdits(word)];
  return all<VocabTerm>(
    db,
    sql`SELECT term, sum(doc) AS docs FROM (
          SELECT term, doc FROM claims_fts_vocab UNION ALL SELECT term, doc FROM evidence_fts_vocab
          UNION ALL SELECT term, doc FROM sources_fts_vocab UNION ALL SELECT term, doc FROM disputes_fts_vocab)
        WHERE length(term) BETWEEN ${lo} AND ${hi} AND term GLOB '[a-z]*' GROUP BY term`,
  );
}

const OPEN = '\u0002';
const CLOSE = '\u0003';

/** The word of the text a stem stands for (`train` → "training"), as the first marked word of a snippet. */
function surface(db: DB, stem: string): string {
  const m = quoteFts(stem);
  const row = get<{ s: string }>(
    db,
    sql`SELECT snippet(claims_fts, -1, ${OPEN}, ${CLOSE}, '', 1) AS s FROM claims_fts WHERE claims_fts MATCH ${m}
        UNION ALL SELECT snippet(evidence_fts, -1, ${OPEN}, ${CLOSE}, '', 1) FROM evidence_fts WHERE evidence_fts MATCH ${m} LIMIT 1`,
  );
  const marked = row && /\u0002([^\u0003]+)\u0003/.exec(row.s);
  return marked ? marked[1]!.toLowerCase() : stem;
}

/** How many corrected queries are tried, best first, until one finds something. */
export const MAX_TRIES = 9;

/**
 * Corrected queries, best first: each unknown plain word replaced by one of its closest words of the
 * case (every combination of the candidates, fewest edits first). Empty when every word is known.
 */
export function suggestQueries(db: DB, q: string, parsed: ParsedQuery): string[] {
  const words = [...new Set(parsed.clauses.flat().filter((t) => !t.amount && !t.cjk && !t.phrase && /^\p{L}{3,30}$/u.test(t.text)).map((t) => t.text.toLowerCase()))];
  const options: { word: string; by: { word: string; d: number }[] }[] = [];
  for (const word of words.slice(0, MAX_WORDS)) {
    if (known(db, word)) continue;
    const by = [...new Map(closestStems(word, vocabulary(db, word), CANDIDATES).map((v) => [surface(db, v.term), v.docs]))]
      .map(([w]) => ({ word: w, d: editDistance(word, w, 99) }))
      .sort((a, b) => a.d - b.d);
    if (by.length) options.push({ word, by });
  }
  if (!options.length) return [];
  let combos: { replace: Map<string, string>; d: number }[] = [{ replace: new Map(), d: 0 }];
  for (const o of options)
    combos = combos.flatMap((c) => o.by.map((b) => ({ replace: new Map([...c.replace, [o.word, b.word]]), d: c.d + b.d }))).slice(0, 64);
  const out = combos
    .sort((a, b) => a.d - b.d)
    .map((c) => replaceWords(q, c.replace))
    .filter((s) => s !== q.trim());
  return [...new Set(out)].slice(0, MAX_TRIES);
}
