/**
 * The shape limits every contract input meets before it is handed to the database worker, whatever
 * the shell (web mode's HTTP body, Electron's IPC). Structured clone (postMessage) and the contract's
 * schemas recurse, so an input nested thousands of levels deep could otherwise break the channel to
 * the worker. The walk itself is iterative: it cannot overflow the stack it protects.
 */

/** Far deeper than any contract input (the deepest is an import's parsed rows, a handful of levels). */
export const MAX_INPUT_DEPTH = 64;
/** Objects, arrays and values in one input: far above a 5,000-claim import, far below a memory problem. */
export const MAX_INPUT_NODES = 2_000_000;

export type InputCheck = { ok: true } | { ok: false; message: string };

/** Checks depth and node count of a plain JSON-like value without recursion. */
export function checkInputShape(input: unknown, maxDepth = MAX_INPUT_DEPTH, maxNodes = MAX_INPUT_NODES): InputCheck {
  const stack: { value: unknown; depth: number }[] = [{ value: input, depth: 1 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (++nodes > maxNodes) return { ok: false, message: `The input has more than ${maxNodes} values; send less at a time.` };
    if (typeof value !== 'object' || value === null) continue;
    if (depth > maxDepth) return { ok: false, message: `The input is nested more than ${maxDepth} levels deep; no ClaimTrail call needs that.` };
    const children = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
    for (const child of children) stack.push({ value: child, depth: depth + 1 });
  }
  return { ok: true };
}
