/**
 * The only way SQL is written in ClaimTrail: a tagged template whose interpolations become bound
 * parameters. Fragments compose (`sql\`… ${otherFragment} …\``); identifiers can only come from
 * `trustedIdentifier`, which takes values from a fixed allowlist in code.
 */
import type Database from 'better-sqlite3';

export type DB = Database.Database;

const FRAGMENT = Symbol('sql-fragment');

export interface Sql {
  readonly [FRAGMENT]: true;
  readonly text: string;
  readonly values: readonly unknown[];
}

function isSql(v: unknown): v is Sql {
  return typeof v === 'object' && v !== null && (v as Sql)[FRAGMENT] === true;
}

function make(text: string, values: readonly unknown[]): Sql {
  return { [FRAGMENT]: true, text, values };
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  let text = strings[0] ?? '';
  const out: unknown[] = [];
  values.forEach((v, i) => {
    if (isSql(v)) {
      text += v.text;
      out.push(...v.values);
    } else {
      text += '?';
      out.push(toParam(v));
    }
    text += strings[i + 1] ?? '';
  });
  return make(text, out);
}

function toParam(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

/** Joins fragments with a separator (e.g. `AND`), for optional WHERE clauses. */
export function join(parts: readonly Sql[], separator: string): Sql {
  if (!/^[\s,A-Z]*$/.test(separator)) throw new Error('join: separator must be SQL keywords or a comma');
  return make(parts.map((p) => p.text).join(separator), parts.flatMap((p) => p.values));
}

/** `(?, ?, ?)` for an IN list; an empty list becomes `(NULL)`, which matches nothing. */
export function list(values: readonly unknown[]): Sql {
  if (values.length === 0) return make('(NULL)', []);
  return make(`(${values.map(() => '?').join(', ')})`, values.map(toParam));
}

/** An identifier (column, direction) chosen from an allowlist written in code. */
export function trustedIdentifier<T extends string>(value: T, allowed: readonly T[]): Sql {
  if (!allowed.includes(value)) throw new Error(`not an allowed identifier: ${value}`);
  return make(value, []);
}

export const empty: Sql = make('', []);

/**
 * Prepared statements, per connection, keyed by their SQL text (the text alone decides the statement:
 * values are always bound, never part of it). better-sqlite3's `prepare` parses and plans the SQL
 * each time (tens of microseconds for a search query, more than a rare word's MATCH), so each text is
 * prepared once. The cache is bounded (least recently used text dropped first): query shapes vary
 * with the number of terms, filters and `IN` lists, and a long session must not keep them all.
 */
export const MAX_CACHED_STATEMENTS = 500;

const cache = new WeakMap<DB, Map<string, Database.Statement>>();

function statement(db: DB, text: string): Database.Statement {
  let stmts = cache.get(db);
  if (!stmts) {
    stmts = new Map();
    cache.set(db, stmts);
  }
  let s = stmts.get(text);
  if (s) {
    // Most recently used last: a Map keeps insertion order.
    stmts.delete(text);
  } else {
    s = db.prepare(text);
    if (stmts.size >= MAX_CACHED_STATEMENTS) stmts.delete(stmts.keys().next().value!);
  }
  stmts.set(text, s);
  return s;
}

/** A table or column name as an SQL identifier, for SQL built from record declarations (names from code). */
export const quoteName = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * The cached statement for SQL built from record declarations (identifiers from core/records, quoted;
 * every value bound): replay and team sync write rows of any declared table.
 */
export const declaredStatement = (db: DB, text: string): Database.Statement => statement(db, text);

/** The cached statement for a query's SQL text on this connection, prepared on first use (tests). */
export const statementFor = (db: DB, q: Sql): Database.Statement => statement(db, q.text);

/** How many statements are cached for this connection (tests). */
export const cachedStatements = (db: DB): number => cache.get(db)?.size ?? 0;

export function all<T>(db: DB, q: Sql): T[] {
  return statement(db, q.text).all(...q.values) as T[];
}

export function get<T>(db: DB, q: Sql): T | undefined {
  return statement(db, q.text).get(...q.values) as T | undefined;
}

export function run(db: DB, q: Sql): Database.RunResult {
  return statement(db, q.text).run(...q.values);
}
