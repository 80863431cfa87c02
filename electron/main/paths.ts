/** Where the bundled pieces live, relative to the bundled main script (dist/electron/main/index.js). */
import { join } from 'node:path';

export function bundlePaths(mainDir: string) {
  const dist = join(mainDir, '..', '..');
  return {
    preload: join(mainDir, '..', 'preload', 'index.js'),
    worker: join(mainDir, 'db-worker.js'),
    renderer: join(dist, 'renderer'),
  };
}

/** A case file named on the command line (file association, second instance), if any. */
export function caseFromArgv(argv: string[]): string | null {
  return argv.slice(1).find((a) => !a.startsWith('-') && a.toLowerCase().endsWith('.claimtrail')) ?? null;
}
