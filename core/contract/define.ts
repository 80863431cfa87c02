import type { z } from 'zod';

/** One contract entry: the input schema, and (as a type only) what the method returns. */
export interface MethodDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /** Methods that change the case; transports may refuse them on a read-only case. */
  mutates: boolean;
  /** A larger bound on the encoded input than transports apply by default (a document's base64), with what it holds. */
  largeInput?: { maxBytes: number; what: string };
  /**
   * Set (with why) on the one kind of mutation that must not run inside a transaction: it waits on the
   * network first, then opens its own unit of work for the writes (captures.fetch). Every other
   * mutation runs in one transaction opened by the contract layer (db/api.ts).
   */
  ownUnits?: string;
  /** Phantom: carries the output type. Never set. */
  readonly output?: O;
}

export function query<O>() {
  return <I extends z.ZodType>(input: I): MethodDef<I, O> => ({ input, mutates: false });
}

export function mutation<O>() {
  return <I extends z.ZodType>(input: I): MethodDef<I, O> => ({ input, mutates: true });
}

/** Declares that a method's input may exceed the transports' default body bound. */
export function withLargeInput<D extends MethodDef>(def: D, maxBytes: number, what: string): D {
  return { ...def, largeInput: { maxBytes, what } };
}

/** Declares that a mutation opens its own unit of work after slow work outside any transaction. */
export function withOwnUnits<D extends MethodDef>(def: D, why: string): D {
  return { ...def, ownUnits: why };
}
