/**
 * The document fixtures of tests/fixtures/documents/: committed small files, and files generated on first
 * use by the scripts beside them (generate.ts; cached in $TMPDIR/claimtrail-document-fixtures/).
 */
import { readFile } from 'node:fs/promises';
import { briefHtml, officeDocx, printPdf, savedMhtml, TWO_COLUMN_HTML } from '../fixtures/documents/generate';

const dir = new URL('../fixtures/documents/', import.meta.url);

const generated: Record<string, () => Uint8Array | Promise<Uint8Array>> = {
  'article.mhtml': async () => savedMhtml(new TextDecoder().decode(await readFile(new URL('article.html', dir)))),
  'two-column.pdf': () => printPdf(TWO_COLUMN_HTML),
  'brief.pdf': () => printPdf(briefHtml()),
  'brief.docx': () => officeDocx(briefHtml()),
};

/** A fixture by file name: generated ones (see `generated`) or a committed file of tests/fixtures/documents/. */
export async function documentFixture(name: string): Promise<Uint8Array> {
  const make = generated[name];
  return make ? make() : new Uint8Array(await readFile(new URL(name, dir)));
}
