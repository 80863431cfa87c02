/**
 * SQL lives in db/repos (issue 14.5): a contract handler in db/service calls repository functions and
 * writes no sql`…` of its own. Reads the real files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Nothing is still to move. */
const PENDING: string[] = [];

/** "file: function" for every sql`…` in db/service (the nearest enclosing function by name). */
function sqlInServices(): string[] {
  const dir = join(root, 'db/service');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => {
      const lines = readFileSync(join(dir, f), 'utf8').split('\n');
      return lines.flatMap((line, i) => {
        if (!/\bsql`/.test(line)) return [];
        const fn = lines
          .slice(0, i + 1)
          .reverse()
          .map((l) => /^(?:export )?(?:function|const) (\w+)/.exec(l)?.[1])
          .find(Boolean);
        return [`db/service/${f}: ${fn ?? '(top level)'}`];
      });
    });
}

describe('SQL only in db/repos', () => {
  it('no contract handler writes SQL of its own', () => {
    expect(sqlInServices()).toEqual(PENDING);
  });
});
