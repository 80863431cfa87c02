/**
 * Record declarations: each stored record (claim, source, evidence, …) is declared once, as a typed
 * table of its fields — the column, its SQLite type, nullability, limits, default and label. The
 * database layer derives from a declaration what it would otherwise spell out by hand: the row type,
 * the change capture that puts every row change into the history, the replay that rebuilds a case from
 * its history, and the comparison `verify` runs between the log and the live tables (db/records/).
 * A plain typed column map, not an ORM: queries stay hand-written SQL.
 */

export type SqlType = 'INTEGER' | 'REAL' | 'TEXT' | 'BLOB';

export interface FieldDecl<T = unknown> {
  type: SqlType;
  nullable: boolean;
  /** What the analyst reads (forms, history entries, verify's report). */
  label: string;
  /** A text field's length limit, as the contract enforces it. */
  max?: number;
  /** The value SQLite stores when an insert leaves the field out. */
  default?: T;
  /** The only values the field may hold (a CHECK (… IN …) in the schema). */
  values?: readonly (string | number)[];
  /**
   * How the history carries the field: 'value' (the default) writes it into each change; 'by-hash'
   * leaves it out — content-addressed bytes, named by the record's SHA-256, which replay reads from the
   * case's blob store and checks against that hash.
   */
  logged?: 'value' | 'by-hash';
  /**
   * A row reference: the table whose rowid this column holds, or, when another column of the row
   * names the kind (`entity`), the table for each kind. A team case (db/team) ships references by
   * the referenced row's team key, never by a local rowid.
   */
  ref?: Ref;
  /**
   * Computed from other records (the confidence model's outputs): a team case never ships it, each
   * copy recomputes it after applying what it pulled.
   */
  derived?: boolean;
  /** Changes with every edit (a last-changed time): the later write wins and is never a conflict. */
  quiet?: boolean;
  /** Unique among the table's rows: a second insert of the same value names the same record. */
  unique?: boolean;
  /** Phantom: the field's TypeScript type. Never set. */
  readonly ts?: T;
}

export type Ref = string | { by: string; tables: Readonly<Record<string, string>> };

type Opts<T> = Partial<Pick<FieldDecl<T>, 'max' | 'default' | 'label' | 'logged' | 'ref' | 'derived' | 'quiet' | 'unique'>>;

/** A field built with a default says so in its type (the contract lets a create leave it out). */
export type Defaulted<T> = FieldDecl<T> & { default: T };
type Built<T, O> = O extends { default: unknown } ? Defaulted<T> : FieldDecl<T>;

function field<T, O extends Opts<T> = Opts<T>>(type: SqlType, nullable: boolean, o: O & { values?: readonly (string | number)[] } = {} as O): Built<T, O> {
  return { type, nullable, label: o.label ?? '', ...o } as Built<T, O>;
}

/** Field builders, one per stored shape. `optional…` variants allow NULL. */
export const f = {
  text: <const O extends Opts<string> = object>(o: O = {} as O) => field<string, O>('TEXT', false, o),
  optionalText: <const O extends Opts<string | null> = object>(o: O = {} as O) => field<string | null, O>('TEXT', true, o),
  integer: <const O extends Opts<number> = object>(o: O = {} as O) => field<number, O>('INTEGER', false, o),
  optionalInteger: <const O extends Opts<number | null> = object>(o: O = {} as O) => field<number | null, O>('INTEGER', true, o),
  real: <const O extends Opts<number> = object>(o: O = {} as O) => field<number, O>('REAL', false, o),
  optionalReal: <const O extends Opts<number | null> = object>(o: O = {} as O) => field<number | null, O>('REAL', true, o),
  /** 0 or 1 in an INTEGER column. */
  flag: (o: Opts<number> = {}): Defaulted<number> => field<number, Opts<number> & { default: number }>('INTEGER', false, { default: 0, ...o }),
  oneOf: <const V extends string, const O extends Opts<NoInfer<V>> = object>(values: readonly V[], o: O = {} as O) =>
    field<V, O>('TEXT', false, { ...o, values }),
  optionalOneOf: <const V extends string, const O extends Opts<NoInfer<V> | null> = object>(values: readonly V[], o: O = {} as O) =>
    field<V | null, O>('TEXT', true, { ...o, values }),
  /** An INTEGER that holds one of a fixed set of numbers (a grade). */
  integerOf: <const V extends number, const O extends Opts<NoInfer<V>> = object>(values: readonly V[], o: O = {} as O) =>
    field<V, O>('INTEGER', false, { ...o, values }),
  bytes: (o: Opts<Uint8Array> = {}) => field<Uint8Array>('BLOB', false, { logged: 'by-hash', ...o }),
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any: a field of any type (contextual typing must not widen a field's own type)
export type Fields = Record<string, FieldDecl<any>>;

/**
 * How a row is identified: by its rowid (named by the INTEGER PRIMARY KEY column that aliases it, or
 * null when the table keeps a hidden rowid), or by the columns of a WITHOUT ROWID table's primary key.
 */
export type RecordKey<F extends Fields> = { rowid: (keyof F & string) | null } | { columns: readonly (keyof F & string)[] };

/** Any declared record (what the database layer works from). */
export interface RecordDecl {
  /** The entity's name in the history and in verify's report ("claim", "evidence"). */
  entity: string;
  table: string;
  key: { rowid: string | null } | { columns: readonly string[] };
  /** The column that holds the record's public id, when it has one. */
  idColumn?: string;
  /** Two reference columns that form an unordered pair, stored smaller rowid first (CHECK a < b). */
  pair?: readonly [string, string];
  fields: Fields;
}

/** A record's declaration, typed by its fields (keys and id must name its own columns). */
export interface TypedRecord<F extends Fields> extends RecordDecl {
  key: RecordKey<F>;
  idColumn?: keyof F & string;
  pair?: readonly [keyof F & string, keyof F & string];
  fields: F;
}

export function declare<F extends Fields>(d: TypedRecord<F>): TypedRecord<F> {
  return d;
}

/** The stored row a declaration describes: column name → TypeScript type. */
export type RowOf<D extends RecordDecl> = { [K in keyof D['fields']]: D['fields'][K] extends FieldDecl<infer T> ? T : never };

export const columnsOf = (d: RecordDecl): string[] => Object.keys(d.fields);

/** The table a reference column points into for this row (null: not a reference, or an unknown kind). */
export function refTable(d: RecordDecl, column: string, row: Readonly<Record<string, unknown>>): string | null {
  const r = d.fields[column]?.ref;
  if (!r) return null;
  return typeof r === 'string' ? r : (r.tables[String(row[r.by])] ?? null);
}

export const keyColumns = (d: RecordDecl): string[] => ('columns' in d.key ? [...d.key.columns] : []);

export const hasRowid = (d: RecordDecl): boolean => 'rowid' in d.key;

/** The columns whose values the history carries (all but content-addressed bytes). */
export const loggedColumns = (d: RecordDecl): string[] => columnsOf(d).filter((c) => d.fields[c]!.logged !== 'by-hash');

/** A column's name as the API spells it: `claimed_at` → `claimedAt`, `override_p` → `overrideP`. */
export type ApiName<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<ApiName<T>>}` : S;

export const apiName = <S extends string>(column: S): ApiName<S> =>
  column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) as ApiName<S>;

/** API name → column, for the declared fields minus those a mutation may not set directly. */
export function apiColumns<D extends RecordDecl, X extends keyof D['fields'] & string>(
  d: D,
  notSet: readonly X[],
): Record<ApiName<Exclude<keyof D['fields'] & string, X>>, Exclude<keyof D['fields'] & string, X>> {
  const out: Record<string, string> = {};
  for (const c of columnsOf(d)) if (!(notSet as readonly string[]).includes(c)) out[apiName(c)] = c;
  return out as never;
}

/** The API shape of these declared columns (`claimed_at` → `claimedAt`), each with its stored type. */
export type ApiShape<D extends RecordDecl, C extends keyof D['fields'] & string> = { [K in C as ApiName<K>]: RowOf<D>[K] };
