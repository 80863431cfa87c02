/**
 * Inside db/ the layers run one way (issue 14.5): db/repos (SQL) ← db/service (contract handlers) ←
 * db/transfer (the import writer and the transfer.* handlers, which reuse the services' writers).
 * This reads the real files, so it fails on a back-reference even if the lint rule is loosened.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mjs)$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

/** Every relative import of a file, as the repo path it names (static, dynamic and re-exports). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.[^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.map((s) => relative(root, resolve(root, dirname(file), s)));
}

/** `layer`'s files that import something under one of `banned`: "file → import". */
function backReferences(layer: string, banned: string[]): string[] {
  return sourceFiles(layer).flatMap((f) =>
    importsOf(f)
      .filter((target) => banned.some((b) => target === b || target.startsWith(`${b}/`)))
      .map((target) => `${f} → ${target}`),
  );
}

describe('db/ layers run one way', () => {
  it('finds the imports it checks (the scan is not empty)', () => {
    expect(importsOf('db/transfer/handlers.ts')).toContain('db/service/context');
    expect(sourceFiles('db/service').length).toBeGreaterThan(10);
  });
  it('db/service imports nothing of db/transfer', () => {
    expect(backReferences('db/service', ['db/transfer'])).toEqual([]);
  });
  it('db/repos imports nothing of db/service or db/transfer', () => {
    expect(backReferences('db/repos', ['db/service', 'db/transfer'])).toEqual([]);
  });
  it('the scan sees a back-reference when there is one', () => {
    // db/transfer does import db/service: the same scan, pointed the other way, must list it.
    expect(backReferences('db/transfer', ['db/service'])).toContain('db/transfer/handlers.ts → db/service/context');
  });
});
