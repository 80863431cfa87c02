/**
 * Schema v4 (after 003): search that forgives (issue 20).
 *
 * - The word indexes (`*_fts`) stem English with FTS5's porter tokenizer wrapped around the same
 *   unicode61 settings as v2 (remove_diacritics 2, invisible format characters as separators), so
 *   `chip` finds "chips". Same names and columns: the v1 sync triggers keep feeding them.
 * - A trigram index beside each word index (`*_tri`, own sync triggers) answers what words cannot:
 *   text without spaces (Chinese, Japanese, Korean), words glued to other scripts (`H800芯片`),
 *   amounts glued to a currency (`USD6mn`), prefixes longer than a stem. See docs/search.md.
 * - `*_fts_vocab` (fts5vocab) lists each word index's terms: the source of "did you mean".
 * - The structured quantity gets an index on its amount (`qty_value` times the scale its unit names:
 *   6 "USD mn" and 6000000 "USD" are both 6,000,000), searched by amount queries.
 * Frozen: later changes go into a new migration. Depends on no column added by 003.
 */
const SEPARATORS = '\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff\u061c';

export const SEARCH_TABLES: readonly (readonly [string, readonly string[]])[] = [
  ['claims', ['text', 'claimant', 'notes', 'context']],
  ['sources', ['title', 'publisher', 'authors', 'notes']],
  ['evidence', ['excerpt', 'note', 'locator']],
  ['disputes', ['position', 'resolution', 'raised_by']],
];

/** The trigram indexes this migration adds (for integrity checks). */
export const TRIGRAM_TABLES = SEARCH_TABLES.map(([t]) => `${t}_tri`);

/** An external-content FTS5 table over `table`'s indexed columns, filled from the rows already there. */
function index(table: string, columns: readonly string[], name: string, tokenize: string): string {
  return `
CREATE VIRTUAL TABLE ${name} USING fts5(${columns.join(', ')}, content='${table}', content_rowid='rowid', tokenize="${tokenize}");
INSERT INTO ${name} (${name}) VALUES ('rebuild');`;
}

const trigramInsert = (table: string, columns: readonly string[]): string =>
  `INSERT INTO ${table}_tri (rowid, ${columns.join(', ')}) VALUES (new.rowid, ${columns.map((c) => `new.${c}`).join(', ')});`;

/** The insert trigger of a trigram index, as this migration creates it (bulk imports drop and restore it). */
export function trigramInsertTrigger(table: string, columns: readonly string[]): string {
  return `CREATE TRIGGER ${table}_tri_ai AFTER INSERT ON ${table} BEGIN ${trigramInsert(table, columns)} END;`;
}

/** Sync triggers of a trigram index (the word indexes keep theirs from v1). */
function trigramTriggers(table: string, columns: readonly string[]): string {
  const cols = columns.join(', ');
  const vals = (p: string) => columns.map((c) => `${p}.${c}`).join(', ');
  const del = `INSERT INTO ${table}_tri (${table}_tri, rowid, ${cols}) VALUES ('delete', old.rowid, ${vals('old')});`;
  const ins = trigramInsert(table, columns);
  return `
${trigramInsertTrigger(table, columns)}
CREATE TRIGGER ${table}_tri_ad AFTER DELETE ON ${table} BEGIN ${del} END;
CREATE TRIGGER ${table}_tri_au AFTER UPDATE OF ${cols} ON ${table} BEGIN ${del} ${ins} END;`;
}

const searchIndexes = ([table, columns]: readonly [string, readonly string[]]): string =>
  `\nDROP TABLE ${table}_fts;` +
  index(table, columns, `${table}_fts`, `porter unicode61 remove_diacritics 2 separators '${SEPARATORS}'`) +
  `\nCREATE VIRTUAL TABLE ${table}_fts_vocab USING fts5vocab(${table}_fts, row);` +
  index(table, columns, `${table}_tri`, 'trigram remove_diacritics 1') +
  trigramTriggers(table, columns);

/** A claim's quantity as one number (the index expression: queries must use this exact text). */
export const QTY_AMOUNT = `(qty_value * CASE lower(substr(qty_unit, instr(qty_unit, ' ') + 1))
  WHEN 'k' THEN 1e3 WHEN 'thousand' THEN 1e3 WHEN 'm' THEN 1e6 WHEN 'mn' THEN 1e6 WHEN 'million' THEN 1e6
  WHEN 'bn' THEN 1e9 WHEN 'billion' THEN 1e9 WHEN 'tn' THEN 1e12 WHEN 'trillion' THEN 1e12 ELSE 1 END)`;
/** The currency of a quantity ("USD mn" → USD). */
export const QTY_CURRENCY = `upper(CASE WHEN instr(qty_unit, ' ') > 0 THEN substr(qty_unit, 1, instr(qty_unit, ' ') - 1) ELSE qty_unit END)`;

export const migration004 =
  SEARCH_TABLES.map(searchIndexes).join('\n') +
  `\nCREATE INDEX claims_qty_amount ON claims ${QTY_AMOUNT.replace(/^\(/, '((').replace(/\)$/, '))')} WHERE qty_value IS NOT NULL;\n`;
