/** The task worker as Electron ships it: bundled by scripts/build-electron.mjs, found beside the bundle, extracting. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../db/documents/extract/document';
import { sniffMediaType } from '../../db/documents/extract/sniff';
import { runInWorkerSync } from '../../db/documents/run-sync';
// @ts-expect-error plain .mjs build script without type declarations
import { buildElectron } from '../../scripts/build-electron.mjs';
import { documentFixture } from './fixtures';

let out: string;
// Built inside the checkout (test-artifacts/ is ignored by git), so that, as in the app, the one package
// pdf.js loads at run time — @napi-rs/canvas, for DOMMatrix — resolves from node_modules.
beforeAll(async () => {
  const root = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
  mkdirSync(root, { recursive: true });
  out = mkdtempSync(join(root, 'documents-bundle-'));
  await (buildElectron as (dir: string) => Promise<void>)(out);
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('bundled task worker (dist/electron/main/documents-worker.js)', () => {
  it('needs only Node built-ins, better-sqlite3 (shipped beside it) and optional packages it tries inside a try', () => {
    const src = readFileSync(join(out, 'main/documents-worker.js'), 'utf8');
    const required = [...new Set([...src.matchAll(/require\("([\w@./:-]+)"\)/g)].map((m) => m[1]!))];
    const builtins = new Set(builtinModules);
    // linkedom tries require('canvas') for <canvas> and uses its own shim when it is absent; pg loads
    // pg-native only through its lazy `native` getter, inside a try, which ClaimTrail never reads.
    // better-sqlite3 is no library of a reader: the team sync task opens the case file with it, and it
    // ships beside the bundles (dist/electron/package.json), as for the main process and database worker.
    const optional = new Set(['canvas', 'pg-native', 'better-sqlite3']);
    expect(required.filter((m) => !m.startsWith('node:') && !builtins.has(m) && !optional.has(m))).toEqual([]);
  });

  it("the caller's side (extract.ts, bundled into the database worker) carries no reader library", async () => {
    const { build } = await import('esbuild');
    const entry = fileURLToPath(new URL('../../db/documents/extract.ts', import.meta.url));
    const r = await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent' });
    const code = r.outputFiles[0]!.text;
    for (const marker of ['pdfjs-dist', 'linkedom', 'mammoth', '@mozilla/readability']) expect(code, marker).not.toContain(`node_modules/${marker}`);
    expect(code).toContain('runInWorkerSync');
  });

  it.each(['article.html', 'article.mhtml', 'two-column.pdf', 'brief.docx'])('extracts %s the same as from source', async (name) => {
    const bytes = await documentFixture(name);
    const type = sniffMediaType(bytes, { fileName: name });
    const viaBundle = runInWorkerSync('extract', { bytes, type, hint: { fileName: name } }, { workerFile: join(out, 'main/documents-worker.js') });
    expect(viaBundle).toEqual(await extractDocument(bytes, { fileName: name }));
    expect(viaBundle.pages.join('').length).toBeGreaterThan(500);
  });
});
