/**
 * Snippets of rows an FTS query found, made without FTS5's snippet() where the words can be found
 * here: snippet() tokenizes the row's text again (a page: about 0.25 ms for 4,000 characters; 50
 * claims: as long as the rare word's MATCH itself). The query's words are marked where they stand as
 * typed or in a form the index takes for them (`writtenSnippets`, `otherForms`); only rows where that
 * finds nothing for some clause (a form starting otherwise, a match in another column) get FTS5's
 * snippet, in one query per MATCH.
 */
import type { ParsedQuery } from '../core/search/parse';
import { CLOSE, formCandidates, OPEN, plainWords, writtenSnippets, type WordForms } from './search-marks';
import { stemsOf, type StemmedTable } from './search-stems';
import { all, list, sql, trustedIdentifier, type DB } from './sql';

/**
 * The words of these texts that the index takes for a plain query word (same stem, by the index's own
 * tokenizer: `filibusters`, `filibustering` for `filibuster`; `café` for `cafe`).
 */
function otherForms(db: DB, table: StemmedTable, p: ParsedQuery, texts: readonly string[]): WordForms {
  const words = plainWords(p.clauses);
  if (!words.length) return new Map();
  const candidates = formCandidates(texts, words);
  const stems = stemsOf(db, table, [...candidates, ...words.map((t) => t.text.toLowerCase())]);
  if (!stems) return new Map();
  return new Map(
    words.map((t) => {
      const stem = stems.get(t.text.toLowerCase());
      const typed = t.text.toLowerCase();
      return [t, stem ? [...candidates].filter((w) => w !== typed && stems.get(w) === stem) : []];
    }),
  );
}

export interface MatchedRow {
  rowid: number;
  /** The MATCH expression that found the row. */
  match: string;
  text: string;
}

export interface SnippetOptions {
  /** FTS5 snippet length in tokens, where it has to make one. */
  tokens: number;
  /** Characters kept before and after the first match when the snippet is made here. */
  before?: number;
  after?: number;
  /** The rows' other indexed columns, read only for rows whose text does not have the words; tried in order. */
  others?(rowids: readonly number[]): ReadonlyMap<number, readonly (string | null)[]>;
}

/** A marked snippet (OPEN/CLOSE marks) of each row, by rowid. */
export function matchedSnippets(db: DB, table: StemmedTable, p: ParsedQuery, rows: readonly MatchedRow[], o: SnippetOptions): Map<number, string> {
  const out = new Map<number, string>();
  if (!rows.length) return out;
  const forms = otherForms(db, table, p, rows.map((r) => r.text));
  const written = writtenSnippets(p.clauses, { forms, before: o.before, after: o.after });
  let missed: MatchedRow[] = [];
  for (const r of rows) {
    const s = written(r.text);
    if (s !== null) out.set(r.rowid, s);
    else missed.push(r);
  }
  if (missed.length && o.others) {
    const others = o.others(missed.map((r) => r.rowid));
    missed = missed.filter((r) => {
      for (const text of others.get(r.rowid) ?? []) {
        const s = text ? written(text) : null;
        if (s !== null) return void out.set(r.rowid, s);
      }
      return true;
    });
  }
  const ask = new Map<string, number[]>();
  for (const r of missed) ask.set(r.match, [...(ask.get(r.match) ?? []), r.rowid]);
  const fts = trustedIdentifier(table, ['capture_pages_fts', 'claims_fts']);
  for (const [match, rowids] of ask)
    for (const s of all<{ rowid: number; snip: string }>(
      db,
      sql`SELECT rowid, snippet(${fts}, -1, ${OPEN}, ${CLOSE}, '…', ${o.tokens}) AS snip FROM ${fts}
          WHERE ${fts} MATCH ${match} AND rowid IN ${list(rowids)}`,
    ))
      out.set(s.rowid, s.snip);
  return out;
}
