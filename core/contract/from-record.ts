/**
 * The contract's input schemas of a record's plain fields, derived from its declaration
 * (core/records/records.ts): a text field's length limit, whether it may be null, whether it may be
 * left out (it has a default), and an enumerated field's values come from the declared field, with
 * the contract's usual messages ("must be at most N characters", "must not be empty", "must be one
 * of: …"). Fields that are more than their stored shape (dates, URLs, grades, probabilities, a
 * quantity, tags) keep their own schemas beside these.
 */
import { z } from 'zod';
import { apiName, type ApiName, type FieldDecl, type RecordDecl, type RowOf } from '../records/define';
import { MAX_TEXT, optionalText, requiredText, text } from './fields';

type Row<D extends RecordDecl, K extends keyof D['fields']> = RowOf<D>[K];

/**
 * A declared field's input schema type: nullish when the field is nullable, optional when it has a
 * default (core/records/define.ts `Defaulted`), required otherwise.
 */
export type InputOf<D extends RecordDecl, K extends keyof D['fields']> = null extends Row<D, K>
  ? z.ZodOptional<z.ZodNullable<z.ZodType<NonNullable<Row<D, K>>, NonNullable<Row<D, K>>>>>
  : D['fields'][K] extends { default: unknown }
    ? z.ZodOptional<z.ZodType<Row<D, K>, Row<D, K>>>
    : z.ZodType<Row<D, K>, Row<D, K>>;

function schemaOf(where: string, decl: FieldDecl): z.ZodType {
  if (decl.type !== 'TEXT') throw new Error(`${where}: only text and enumerated fields are derived (this one is ${decl.type})`);
  if (decl.values) {
    const values = decl.values as [string, ...string[]];
    const e = z.enum(values, { message: `must be one of: ${values.join(', ')}` });
    return decl.nullable ? e.nullish() : decl.default !== undefined ? e.optional() : e;
  }
  const max = decl.max ?? MAX_TEXT;
  if (decl.nullable) return optionalText(max);
  // A text field with a default may be empty (notes: ''); one without must be given and not be empty.
  return decl.default !== undefined ? text(max).optional() : requiredText(max);
}

/**
 * The input schema of these declared columns, keyed by their API names (`kind_rationale` →
 * `kindRationale`). Required: a non-null field with no default; optional: one with a default;
 * nullish: a nullable one.
 */
export function inputFields<D extends RecordDecl, const C extends keyof D['fields'] & string>(
  d: D,
  columns: readonly C[],
): { [K in C as ApiName<K>]: InputOf<D, K> } {
  const out: Record<string, z.ZodType> = {};
  for (const c of columns) out[apiName(c)] = schemaOf(`${d.entity}.${c}`, d.fields[c]!);
  return out as never;
}
