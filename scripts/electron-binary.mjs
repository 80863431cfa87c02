// Finds Electron's binary without throwing: the `electron` package throws when its download is missing.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export const NO_ELECTRON =
  "Electron's binary is not installed (the install could not download it). Get it with `node node_modules/electron/install.js` on a machine that reaches Electron's release downloads, or use ClaimTrail in your browser with `npm run web`.";

/** The path of the Electron executable, or null when it is not installed. */
export function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}
