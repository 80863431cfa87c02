/**
 * Free-form JSON fields (e.g. a source's CSL record). A transport may carry more than JSON
 * (Electron's structured clone: BigInt, Date, Map, NaN, cycles, any depth), so the value is walked
 * without recursion and refused, naming the place, unless it stores and hashes as plain JSON.
 */
import { z } from 'zod';
import { textProblem } from '../text';

export const JSON_MAX_DEPTH = 32;
export const JSON_MAX_SIZE = 200_000;

const member = (path: string, key: string) =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;

const isPlainObject = (v: object) => {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** Why the value is not storable JSON ("where: what"), or null. */
export function jsonProblem(value: unknown, maxDepth = JSON_MAX_DEPTH, maxSize = JSON_MAX_SIZE): string | null {
  const stack: [unknown, string, number][] = [[value, '', 0]];
  const seen = new Set<object>();
  let size = 0;
  while (stack.length) {
    const [v, path, depth] = stack.pop()!;
    const at = path || 'value';
    if (v === null || typeof v === 'boolean') size += 5;
    else if (typeof v === 'number') {
      if (!Number.isFinite(v)) return `${at}: ${String(v)} is not a JSON number`;
      size += 24;
    } else if (typeof v === 'string') {
      const p = textProblem(v);
      if (p) return `${at}: ${p}`;
      size += v.length + 2;
    } else if (typeof v === 'object') {
      if (seen.has(v)) return `${at}: the same object appears twice (a shared or cyclic reference)`;
      seen.add(v);
      if (depth >= maxDepth) return `${at}: nested deeper than ${maxDepth} levels`;
      if (Array.isArray(v)) {
        size += v.length + 2;
        if (size > maxSize) break;
        for (let i = 0; i < v.length; i++) {
          if (v[i] === undefined) return `${path}[${i}]: is not a JSON value (undefined)`;
          stack.push([v[i], `${path}[${i}]`, depth + 1]);
        }
      } else if (isPlainObject(v)) {
        for (const [k, x] of Object.entries(v)) {
          const p = textProblem(k);
          if (p) return `${at}: a key ${p}`;
          size += k.length + 4;
          if (x !== undefined) stack.push([x, member(path, k), depth + 1]);
        }
      } else return `${at}: a ${(v as object).constructor?.name ?? 'special object'} is not a JSON value`;
    } else return `${at}: a ${typeof v} is not a JSON value`;
    if (size > maxSize) break;
  }
  return size > maxSize ? `is larger than ${maxSize.toLocaleString('en')} characters of JSON` : null;
}

/** A JSON object field: plain, finite, valid Unicode, bounded in depth and size. */
export const jsonRecord = () =>
  z.record(z.string(), z.unknown()).superRefine((v, ctx) => {
    const problem = jsonProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
