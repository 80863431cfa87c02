/**
 * FTS5's own stems of words, for marking a page's words that the index took for a query's word
 * (`filibusters` for `filibuster`) without FTS5's snippet(), which tokenizes the whole page. The
 * words are run through the very tokenizer of the case's index (read from its schema) in a private
 * in-memory database; stems are remembered (a bounded cache per tokenizer).
 */
import Database from 'better-sqlite3';
import { get, sql, type DB } from './sql';

const MAX_CACHED = 50_000;

/** The word indexes whose stems are asked for (their tokenizer clause is read from the schema). */
export type StemmedTable = 'capture_pages_fts' | 'claims_fts';

interface Stemmer {
  mem: Database.Database;
  cache: Map<string, string | null>;
}

const stemmers = new Map<string, Stemmer>();

/** The tokenizer clause of each connection's index, read from its schema once (migrations run at open). */
const tokenizers = new WeakMap<DB, Map<string, string>>();

function tokenizerOf(db: DB, table: StemmedTable): string | null {
  const known = tokenizers.get(db)?.get(table);
  if (known) return known;
  const ddl = get<{ sql: string }>(db, sql`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ${table}`)?.sql;
  const tokenize = ddl && /tokenize\s*=\s*("(?:[^"]|"")*"|'(?:[^']|'')*')/i.exec(ddl)?.[1];
  if (!tokenize) return null;
  if (!tokenizers.has(db)) tokenizers.set(db, new Map());
  tokenizers.get(db)!.set(table, tokenize);
  return tokenize;
}

function stemmerFor(db: DB, table: StemmedTable): Stemmer | null {
  const tokenize = tokenizerOf(db, table);
  if (!tokenize) return null;
  let s = stemmers.get(tokenize);
  if (!s) {
    const mem = new Database(':memory:');
    // DDL from the case's own schema text (the tokenizer clause of migration 005), never user text.
    mem.exec(`CREATE VIRTUAL TABLE w USING fts5(word, tokenize = ${tokenize}); CREATE VIRTUAL TABLE v USING fts5vocab(w, 'instance');`);
    s = { mem, cache: new Map() };
    stemmers.set(tokenize, s);
  }
  return s;
}

/**
 * The index's stem of each word (lowercase, accents folded, porter), or null for a word the
 * tokenizer does not read as exactly one token. Null map when the index is not there.
 */
export function stemsOf(db: DB, table: StemmedTable, words: Iterable<string>): Map<string, string | null> | null {
  const s = stemmerFor(db, table);
  if (!s) return null;
  const out = new Map<string, string | null>();
  const todo: string[] = [];
  for (const w of words) {
    if (out.has(w)) continue;
    const known = s.cache.get(w);
    if (known !== undefined) out.set(w, known);
    else {
      out.set(w, null);
      todo.push(w);
    }
  }
  if (todo.length) {
    const found = s.mem.transaction(() => {
      const ins = s.mem.prepare('INSERT INTO w (rowid, word) VALUES (?, ?)');
      todo.forEach((w, i) => ins.run(i + 1, w));
      const rows = s.mem.prepare('SELECT doc, term, count(*) OVER (PARTITION BY doc) AS n FROM v').all() as { doc: number; term: string; n: number }[];
      s.mem.prepare('DELETE FROM w').run();
      return rows;
    })();
    for (const r of found) if (r.n === 1) out.set(todo[r.doc - 1]!, r.term);
    if (s.cache.size + todo.length > MAX_CACHED) s.cache.clear();
    for (const w of todo) s.cache.set(w, out.get(w)!);
  }
  return out;
}
