/**
 * Connecting to the team store. A connection string may carry a password; no message we write ever
 * does: URLs are shown without their credentials, and a driver error is reworded with the server's
 * host, port and database only. Omitted fields come from the PG* variables and PGPASSFILE (pg does
 * that itself).
 */
import pg, { type ClientBase } from 'pg';
import type { ApiErrorCode } from '../../core/api';
import { CaseError } from '../errors';

/** The URL with user and password removed (or "(PG* environment)" when there is none). */
export function safeUrl(url: string | undefined): string {
  if (!url) return '(PG* environment)';
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    for (const k of [...u.searchParams.keys()]) if (/pass|secret|key/i.test(k)) u.searchParams.set(k, '***');
    return u.toString();
  } catch {
    return '(an unreadable connection string)';
  }
}

/** The URL a copy keeps to sync again: without its password (the user stays; '' for the PG* environment). */
export function serverUrl(url: string | undefined): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    u.password = '';
    for (const k of [...u.searchParams.keys()]) if (/pass|secret|key/i.test(k)) u.searchParams.delete(k);
    return u.toString();
  } catch {
    return '';
  }
}

/** Removes every occurrence of the URL's password (raw and decoded) from a text. */
export function scrub(text: string, url: string | undefined): string {
  let out = text;
  if (url) {
    try {
      const u = new URL(url);
      for (const s of [u.password, decodeURIComponent(u.password)]) if (s) out = out.split(s).join('***');
      out = out.split(url).join(safeUrl(url));
    } catch {
      out = out.split(url).join('(connection string)');
    }
  }
  if (process.env.PGPASSWORD) out = out.split(process.env.PGPASSWORD).join('***');
  return out;
}

/** Rewords a driver or server error: what failed, where, never the credentials. */
export function teamError(e: unknown, url: string | undefined, what: string): CaseError {
  const msg = e instanceof Error ? e.message : String(e);
  const code = e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : '';
  const kind: ApiErrorCode = code === '42501' ? 'forbidden' : code === '23505' ? 'conflict' : 'invalid';
  return new CaseError(kind, scrub(`${what} on ${safeUrl(url)}: ${msg}${code ? ` (${code})` : ''}`, url));
}

export async function connectTeam(url: string | undefined): Promise<pg.Client> {
  const client = new pg.Client(url ? { connectionString: url } : {});
  try {
    await client.connect();
  } catch (e) {
    throw teamError(e, url, 'could not connect to the team database');
  }
  client.on('error', () => undefined);
  return client;
}

/** Runs fn in one PostgreSQL transaction: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(client: ClientBase, fn: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const value = await fn();
    await client.query('COMMIT');
    return value;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
