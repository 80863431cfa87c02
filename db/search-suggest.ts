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

function known(db: DB, word: string): boolean {
  const m = quoteFts(word);
  return !!get(
    db,
    sql`SELECT 1 AS k WHERE EXISTS (SELECT 1 FROM claims_fts WHERE claims_fts MATCH ${m}) OR EXISTS (SELECT 1 FROM evidence_fts WHERE evidence_fts MATCH ${m})
          OR EXISTS (SELECT 1 FROM sources_fts WHERE sources_fts MATCH ${m}) OR EXISTS (SELECT 1 FROM disputes_fts WHERE disputes_fts MATCH ${m})`,
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

export function suggestQuery(db: DB, q: string, parsed: ParsedQuery): string | null {
  const words = [...new Set(parsed.clauses.flat().filter((t) => !t.amount && !t.cjk && !t.phrase && /^\p{L}{3,30}$/u.test(t.text)).map((t) => t.text.toLowerCase()))];
  const replace = new Map<string, string>();
  for (const word of words.slice(0, MAX_WORDS)) {
    if (known(db, word)) continue;
    const best = closestStems(word, vocabulary(db, word), CANDIDATES)
      .map((v) => ({ word: surface(db, v.term), docs: v.docs }))
      .sort((a, b) => editDistance(word, a.word, 99) - editDistance(word, b.word, 99) || b.docs - a.docs)[0];
    if (best) replace.set(word, best.word);
  }
  if (!replace.size) return null;
  const out = replaceWords(q, replace);
  return out === q.trim() ? null : out;
}
