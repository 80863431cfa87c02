/**
 * The expected-schema check (issue 12.4): a case file's `sqlite_schema` must be exactly what the
 * migrations create for its version, so that a hostile file cannot bring its own SQL (a trigger that
 * rewrites evidence, a view that hangs a reader, a virtual table, an index, a column). The expected
 * schema is not a hand-written list: the migrations run once per version into an in-memory database
 * and its `sqlite_schema` is the reference, so every new migration is covered without editing this file.
 */
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index';
import type { DB } from './sql';

export interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

const SCHEMA_QUERY = 'SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name';

const expectedByVersion = new Map<number, Map<string, SchemaObject>>();

const key = (o: Pick<SchemaObject, 'type' | 'name'>) => `${o.type}\u0000${o.name}`;

/** A scratch database holding exactly what the migrations up to `version` create. */
function migratedInMemory(version: number): DB {
  const mem = new Database(':memory:');
  for (const m of MIGRATIONS) if (m.version <= version) mem.exec(m.sql);
  return mem;
}

/** What the migrations up to `version` create, read back from an in-memory database (cached per version). */
export function expectedSchema(version: number): Map<string, SchemaObject> {
  const cached = expectedByVersion.get(version);
  if (cached) return cached;
  const mem = migratedInMemory(version);
  try {
    const objects = new Map((mem.prepare(SCHEMA_QUERY).all() as SchemaObject[]).map((o) => [key(o), o]));
    expectedByVersion.set(version, objects);
    return objects;
  } finally {
    mem.close();
  }
}

/** "trigger t_evil on evidence", "virtual table x", "index i on claims". */
function describe(o: SchemaObject): string {
  const kind = o.type === 'table' && /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(o.sql ?? '') ? 'virtual table' : o.type;
  return o.type === 'table' || o.type === 'view' || o.tbl_name === o.name ? `${kind} ${o.name}` : `${kind} ${o.name} on ${o.tbl_name}`;
}

interface Column {
  name: string;
}

/** For a table whose definition changed, names the columns it gained or lost when that is the difference. */
function columnChanges(db: DB, expectedDb: () => DB, table: string): string[] {
  const cols = (d: DB) => new Set((d.prepare('SELECT name FROM pragma_table_xinfo(?)').all(table) as Column[]).map((c) => c.name));
  const actual = cols(db);
  const wanted = cols(expectedDb());
  return [
    ...[...actual].filter((c) => !wanted.has(c)).map((c) => `unexpected column ${c} on ${table}`),
    ...[...wanted].filter((c) => !actual.has(c)).map((c) => `missing column ${c} on ${table}`),
  ];
}

/**
 * Every difference between the file's schema and the migrations' one, each named ("unexpected trigger
 * t_evil on evidence", "changed trigger events_no_update on events", "missing index claims_status on
 * claims"); empty when they are identical. Reads only: call it on a read-only connection.
 */
export function schemaProblems(db: DB, version: number): string[] {
  const expected = expectedSchema(version);
  const actual = db.prepare(SCHEMA_QUERY).all() as SchemaObject[];
  const problems: string[] = [];
  let reference: DB | null = null;
  const referenceDb = () => {
    reference ??= migratedInMemory(version);
    return reference;
  };
  try {
    const seen = new Set<string>();
    for (const o of actual) {
      const k = key(o);
      seen.add(k);
      const want = expected.get(k);
      if (!want) problems.push(`unexpected ${describe(o)}`);
      else if (want.tbl_name !== o.tbl_name || want.sql !== o.sql) {
        const cols = o.type === 'table' && want.tbl_name === o.tbl_name ? columnChanges(db, referenceDb, o.name) : [];
        problems.push(...(cols.length ? cols : [`changed ${describe(o)} (its definition is not the one ClaimTrail creates)`]));
      }
    }
    for (const [k, o] of expected) if (!seen.has(k)) problems.push(`missing ${describe(o)}`);
    return problems;
  } finally {
    (reference as DB | null)?.close();
  }
}
