/**
 * The document fixtures of tests/fixtures/documents/: committed small files, and files generated on first
 * use by the scripts beside them (cached in node_modules/.cache/claimtrail-documents/).
 */
import { readFile } from 'node:fs/promises';

const dir = new URL('../fixtures/documents/', import.meta.url);

export async function documentFixture(name: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(new URL(name, dir)));
}
