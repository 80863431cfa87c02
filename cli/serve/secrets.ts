/**
 * Web mode's secrets across restarts. A tab keeps the API token in its session storage and the page
 * key as a cookie; if a restart made new ones, every open tab would be locked out. So with a
 * folder (`serve` passes the user data folder) the token and page key are kept per port in
 * `web/port-<PORT>.json` (mode 0600, like the signing key): a server started again on the same
 * port takes them back, and open tabs carry on. The port itself is remembered too (`web/last-port`),
 * so `serve` without `--port` comes back on the same one when it is free. Launch codes are never
 * kept: each run prints new ones. `--new-token` (serve) or deleting the file makes new secrets.
 * Without a folder (tests, embedding) every run has fresh secrets, as before.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WebSecrets {
  token: string;
  pageKey: string;
}

export const newSecret = (): string => randomBytes(32).toString('hex');
const HEX64 = /^[0-9a-f]{64}$/;

const webDir = (dir: string) => join(dir, 'web');
export const secretsFile = (dir: string, port: number): string => join(webDir(dir), `port-${port}.json`);
const lastPortFile = (dir: string) => join(webDir(dir), 'last-port');

function writePrivate(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text, { mode: 0o600 });
  chmodSync(`${file}.tmp`, 0o600);
  renameSync(`${file}.tmp`, file);
}

/** Kept secrets, unless the file is missing, malformed or readable by other users (then new ones replace them). */
function readSecrets(file: string): WebSecrets | null {
  try {
    if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) return null;
    const s = JSON.parse(readFileSync(file, 'utf8')) as Partial<WebSecrets>;
    return typeof s.token === 'string' && HEX64.test(s.token) && typeof s.pageKey === 'string' && HEX64.test(s.pageKey) && s.token !== s.pageKey
      ? { token: s.token, pageKey: s.pageKey }
      : null;
  } catch {
    return null;
  }
}

/** The secrets of a server on `port`: kept ones from `dir` (unless `renew`), else new ones (kept there when a folder is given). */
export function serverSecrets(dir: string | undefined, port: number, renew = false): WebSecrets {
  const fresh = (): WebSecrets => ({ token: newSecret(), pageKey: newSecret() });
  if (!dir) return fresh();
  const file = secretsFile(dir, port);
  const kept = renew ? null : readSecrets(file);
  if (kept) return kept;
  const made = fresh();
  mkdirSync(webDir(dir), { recursive: true, mode: 0o700 });
  writePrivate(file, JSON.stringify(made));
  return made;
}

export function rememberPort(dir: string, port: number): void {
  mkdirSync(webDir(dir), { recursive: true, mode: 0o700 });
  writeFileSync(lastPortFile(dir), String(port));
}

/** The port the last server used, when it was a valid one. */
export function lastPort(dir: string): number | null {
  try {
    const n = Number(readFileSync(lastPortFile(dir), 'utf8').trim());
    return Number.isInteger(n) && n > 1023 && n <= 65535 ? n : null;
  } catch {
    return null;
  }
}
