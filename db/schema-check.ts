/**
 * The expected-schema check (issue 12.4): a case file's `sqlite_schema` must be exactly what the
 * migrations create for its version, so that a hostile file cannot bring its own SQL (a trigger that
 * rewrites evidence, a view that hangs a reader, a virtual table, an index, a column). The expected
 * schema is not a hand-written list: the migrations run once per version into an in-memory database
 * and what it holds is the reference, so every new migration is covered without editing this file.
 */
import Database from 'better-sqlite3';
import { FTS_TABLES } from './migrations/001-initial';
import { MIGRATIONS } from './migrations/index';
import { all, sql, trustedIdentifier, type DB } from './sql';

export interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

interface Reference {
  /** sqlite_schema by type and name. */
  objects: Map<string, SchemaObject>;
  /** Columns of every table, for naming an added or missing column. */
  columns: Map<string, Set<string>>;
  /** The full-text indexes' `_config` rows ("k=v"), by table. */
  ftsConfig: Map<string, string[]>;
}

const CONFIG_TABLES = FTS_TABLES.map((t) => `${t}_config`);

const readSchema = (db: DB) => all<SchemaObject>(db, sql`SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name`);
const readColumns = (db: DB, table: string) => new Set(all<{ name: string }>(db, sql`SELECT name FROM pragma_table_xinfo(${table})`).map((c) => c.name));
const readConfig = (db: DB, table: string) =>
  all<{ k: string; v: unknown }>(db, sql`SELECT k, v FROM ${trustedIdentifier(table, CONFIG_TABLES)} ORDER BY k`).map((r) => `${r.k}=${String(r.v)}`);

const key = (o: Pick<SchemaObject, 'type' | 'name'>) => `${o.type}\u0000${o.name}`;

const references = new Map<number, Reference>();

/** What the migrations up to `version` create, read back from an in-memory database (built once per version). */
export function expectedSchema(version: number): Reference {
  const cached = references.get(version);
  if (cached) return cached;
  const mem = new Database(':memory:');
  try {
    for (const m of MIGRATIONS) if (m.version <= version) mem.exec(m.sql);
    const objects = readSchema(mem);
    const tables = objects.filter((o) => o.type === 'table').map((o) => o.name);
    const reference: Reference = {
      objects: new Map(objects.map((o) => [key(o), o])),
      columns: new Map(tables.map((t) => [t, readColumns(mem, t)])),
      ftsConfig: new Map(CONFIG_TABLES.filter((t) => tables.includes(t)).map((t) => [t, readConfig(mem, t)])),
    };
    references.set(version, reference);
    return reference;
  } finally {
    mem.close();
  }
}

/** "trigger t_evil on evidence", "virtual table x", "index i on claims". */
function describe(o: SchemaObject): string {
  const kind = o.type === 'table' && /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(o.sql ?? '') ? 'virtual table' : o.type;
  return o.type === 'table' || o.type === 'view' || o.tbl_name === o.name ? `${kind} ${o.name}` : `${kind} ${o.name} on ${o.tbl_name}`;
}

/** For a table whose definition changed, names the columns it gained or lost when that is the difference. */
function columnChanges(db: DB, wanted: Set<string>, table: string): string[] {
  const actual = readColumns(db, table);
  return [
    ...[...actual].filter((c) => !wanted.has(c)).map((c) => `unexpected column ${c} on ${table}`),
    ...[...wanted].filter((c) => !actual.has(c)).map((c) => `missing column ${c} on ${table}`),
  ];
}

/**
 * A full-text index's `_config` rows are settings FTS5 obeys (rank function, page size, merge
 * levels): they must be the ones the migrations leave. Read only once the schema matched, so the
 * tables are known to be FTS5's own.
 */
function ftsConfigProblems(db: DB, ref: Reference): string[] {
  return [...ref.ftsConfig].flatMap(([table, want]) => {
    const got = readConfig(db, table);
    if (got.join('\n') === want.join('\n')) return [];
    const extra = got.filter((r) => !want.includes(r));
    return [`changed full-text settings in ${table} (${extra.join(', ') || 'rows removed'})`];
  });
}

/**
 * Every difference between the file's schema and the migrations' one, each named ("unexpected trigger
 * t_evil on evidence", "changed trigger events_no_update on events", "missing index claims_status on
 * claims", "unexpected column evil on claims"); empty when they are identical. Reads only: call it on
 * a read-only connection. Reading sqlite_schema parses triggers and views but runs none of them.
 */
export function schemaProblems(db: DB, version: number): string[] {
  const ref = expectedSchema(version);
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const o of readSchema(db)) {
    const k = key(o);
    seen.add(k);
    const want = ref.objects.get(k);
    if (!want) problems.push(`unexpected ${describe(o)}`);
    else if (want.tbl_name !== o.tbl_name || want.sql !== o.sql) {
      const cols = o.type === 'table' && want.tbl_name === o.tbl_name ? columnChanges(db, ref.columns.get(o.name)!, o.name) : [];
      problems.push(...(cols.length ? cols : [`changed ${describe(o)} (its definition is not the one ClaimTrail creates)`]));
    }
  }
  for (const [k, o] of ref.objects) if (!seen.has(k)) problems.push(`missing ${describe(o)}`);
  return problems.length ? problems : ftsConfigProblems(db, ref);
}
