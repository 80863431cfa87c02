/** Runs a record through its schema, turning zod's complaints into issues that name file, place and field. */
import type { z } from 'zod';
import type { ImportIssue, Origin } from './types';

export interface IssueSink {
  file: string;
  issues: ImportIssue[];
  /** Stop collecting after this many (a broken 10k-row file should not produce 10k messages). */
  max: number;
}

export function newSink(file: string, max = 100): IssueSink {
  return { file, issues: [], max };
}

export function addIssue(sink: IssueSink, where: Origin, field: string, message: string): void {
  if (sink.issues.length < sink.max) sink.issues.push({ file: sink.file, ...where, field, message });
}

export function full(sink: IssueSink): boolean {
  return sink.issues.length >= sink.max;
}

export function checkRecord<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: Origin,
  sink: IssueSink,
  fieldName: (path: string) => string = (p) => p,
): z.output<S> | null {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  for (const i of r.error.issues) {
    const path = i.path.map(String).join('.');
    addIssue(sink, where, fieldName(path || 'record'), i.message);
  }
  return null;
}
