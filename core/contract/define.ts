import type { z } from 'zod';

/** One contract entry: the input schema, and (as a type only) what the method returns. */
export interface MethodDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /** Methods that change the case; transports may refuse them on a read-only case. */
  mutates: boolean;
  /** Phantom: carries the output type. Never set. */
  readonly output?: O;
}

export function query<O>() {
  return <I extends z.ZodType>(input: I): MethodDef<I, O> => ({ input, mutates: false });
}

export function mutation<O>() {
  return <I extends z.ZodType>(input: I): MethodDef<I, O> => ({ input, mutates: true });
}
