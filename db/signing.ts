/**
 * Signed history heads (issue 12.11). `verify` proves the chain is self-consistent, but someone who
 * rewrites and re-hashes the whole chain gets a consistent chain too; a signed statement of the head
 * a file was made from lets a reader check it against the analyst's key and against the case.
 *
 * Each analyst has one Ed25519 key (node:crypto), created on first use and kept as PKCS#8 PEM in a
 * user-only file (0600, folder 0700) in the user data folder (db/user-data.ts). A key file that other
 * users can read is refused, as ssh does. The desktop app keeps its key sealed by the operating
 * system's keychain instead (Electron's safeStorage, `loadOrCreateSealedKeyPem`), in `signing-key.sealed`.
 *
 * The statement is one line of compact JSON (so it embeds verbatim in a Markdown or HTML comment):
 * {"type":"claimtrail-signed-head","version":1,"caseId":…,"headHash":…,"events":N,"at":…,"publicKey":…,"signature":…}
 * caseId is the hash of the case's first event (the chain's root: it names the case and cannot be
 * changed without breaking every later hash); publicKey is the raw key, base64url; the signature is
 * Ed25519 over the canonical JSON of every other member.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { canonicalJson } from '../core/canonical-json';
import { CaseError } from './errors';
import { GENESIS_HASH, verifyChain } from './repos/events';
import { get, sql, type DB } from './sql';
import { userDataDir } from './user-data';

export const STATEMENT_TYPE = 'claimtrail-signed-head' as const;

export interface HeadSigner {
  privateKey: KeyObject;
  /** Raw Ed25519 public key, base64url. */
  publicKey: string;
}

const hash = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash (64 hex digits)');

const statementSchema = z
  .object({
    type: z.literal(STATEMENT_TYPE),
    version: z.literal(1),
    caseId: hash.nullable(),
    headHash: hash,
    events: z.number().int().min(0),
    at: z.string().max(40),
    publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a raw Ed25519 key (base64url)'),
    signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'must be an Ed25519 signature (base64url)'),
  })
  .strict();

export type HeadStatement = z.infer<typeof statementSchema>;

export const keyFile = (dir = userDataDir()) => join(dir, 'signing-key.pem');

function signerOf(privateKey: KeyObject): HeadSigner {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  return { privateKey, publicKey: jwk.x! };
}

/** The analyst's key: read from the user data folder, or created there (0600) on first use. */
export function loadOrCreateSigner(dir = userDataDir()): HeadSigner {
  const file = keyFile(dir);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    try {
      writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
      return signerOf(privateKey);
    } catch (e) {
      // Another process created it first: use that one.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  const mode = statSync(file).mode & 0o777;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0)
    throw new CaseError(
      'invalid',
      `the signing key ${file} can be read by other users (mode ${mode.toString(8)}); run \`chmod 600 ${file}\` (or delete it to make a new key)`,
    );
  return signerOf(createPrivateKey(readFileSync(file)));
}

/** The signer of a PKCS#8 PEM key (the desktop app unseals it in the main process and hands it to the worker). */
export function signerFromPem(pem: string): HeadSigner {
  return signerOf(createPrivateKey(pem));
}

/** What seals a key at rest: Electron's safeStorage in the desktop app (the OS keychain). */
export interface KeySeal {
  available(): boolean;
  seal(plain: string): Buffer;
  unseal(sealed: Buffer): string;
}

export const sealedKeyFile = (dir = userDataDir()) => join(dir, 'signing-key.sealed');

/**
 * The desktop analyst's key as PEM: unsealed from `signing-key.sealed`, or created and sealed there
 * on first use. Where the OS offers no keychain (`available()` false), the user-only file of the CLI.
 */
export function loadOrCreateSealedKeyPem(seal: KeySeal, dir = userDataDir()): string {
  if (!seal.available()) return pemOf(loadOrCreateSigner(dir).privateKey);
  const file = sealedKeyFile(dir);
  if (existsSync(file)) return seal.unseal(readFileSync(file));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pem = pemOf(generateKeyPairSync('ed25519').privateKey);
  try {
    writeFileSync(file, seal.seal(pem), { mode: 0o600, flag: 'wx' });
    return pem;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return seal.unseal(readFileSync(file)); // another window sealed one first
  }
}

const pemOf = (k: KeyObject): string => k.export({ format: 'pem', type: 'pkcs8' }) as string;

/** SHA-256 of the raw public key, as ssh shows fingerprints. */
export function fingerprint(publicKey: string): string {
  return `SHA256:${createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest('base64').replace(/=+$/, '')}`;
}

const signedPart = (s: Omit<HeadStatement, 'signature'>) => Buffer.from(canonicalJson(s), 'utf8');

/**
 * The signed statement of the case's current head, as one line of compact JSON for a file to embed.
 * Refuses a broken chain: a signature would vouch for a history that is not intact.
 */
export function signedHeadStatement(db: DB, signer: HeadSigner = loadOrCreateSigner(), at = new Date().toISOString()): string {
  const v = verifyChain(db);
  if (!v.ok)
    throw new CaseError('conflict', `the history is broken at event #${v.firstBroken!.seq} (${v.firstBroken!.reason}); run \`claimtrail verify\`. Nothing was signed.`);
  const first = get<{ hash: string }>(db, sql`SELECT hash FROM events WHERE seq = 1`);
  const body = {
    type: STATEMENT_TYPE,
    version: 1 as const,
    caseId: first?.hash ?? null,
    headHash: v.headHash ?? GENESIS_HASH,
    events: v.events,
    at,
    publicKey: signer.publicKey,
  };
  const signature = sign(null, signedPart(body), signer.privateKey).toString('base64url');
  return JSON.stringify({ ...body, signature });
}

export type StatementCheck = { ok: true; statement: HeadStatement; fingerprint: string } | { ok: false; reason: string };

/** Checks a statement's shape and its signature against the key it names. */
export function checkStatement(value: unknown): StatementCheck {
  const parsed = statementSchema.safeParse(value);
  if (!parsed.success)
    return { ok: false, reason: `the statement is malformed: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'statement'} ${i.message}`).join('; ')}` };
  const { signature, ...body } = parsed.data;
  let good: boolean;
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: body.publicKey }, format: 'jwk' });
    good = verify(null, signedPart(body), key, Buffer.from(signature, 'base64url'));
  } catch {
    good = false; // not a valid public key
  }
  return good
    ? { ok: true, statement: parsed.data, fingerprint: fingerprint(body.publicKey) }
    : { ok: false, reason: 'the signature does not match the statement and its key: the statement was changed or signed by another key' };
}

/** Whether the case's own chain holds this head at this count (and is intact, and is the same case). */
export function caseHoldsHead(db: DB, s: HeadStatement): { ok: boolean; message: string } {
  const v = verifyChain(db);
  if (!v.ok) return { ok: false, message: `the case's history is broken at event #${v.firstBroken!.seq}: ${v.firstBroken!.reason}` };
  const first = get<{ hash: string }>(db, sql`SELECT hash FROM events WHERE seq = 1`)?.hash ?? null;
  if (first !== s.caseId) return { ok: false, message: 'the statement is about another case (its first event differs)' };
  if (s.events > v.events) return { ok: false, message: `the case has ${v.events} events, fewer than the ${s.events} the statement names` };
  const at = s.events === 0 ? GENESIS_HASH : get<{ hash: string }>(db, sql`SELECT hash FROM events WHERE seq = ${s.events}`)?.hash;
  if (at !== s.headHash) return { ok: false, message: `the case's event #${s.events} has hash ${at ?? '(none)'}, not the signed head ${s.headHash}` };
  return {
    ok: true,
    message: `The case's history contains this head at event #${s.events}${v.events > s.events ? ` (the case has moved on: ${v.events} events now)` : ' (its current head)'}.`,
  };
}

const EMBEDDED = /\{"type":"claimtrail-signed-head"[^{}]*\}/g;

/**
 * Finds the statement a file carries: its sidecar `FILE.sig.json` when there is one (CSV, CSL-JSON),
 * else a `signedHead` member of a JSON document (JSON, ClaimReview), else the last compact statement
 * in the text (Markdown and HTML comments; case text cannot forge one there, it is escaped).
 */
export function findStatement(file: string): { value: unknown; from: string } | { error: string } {
  const sidecar = `${file}.sig.json`;
  if (existsSync(sidecar)) {
    try {
      return { value: JSON.parse(readFileSync(sidecar, 'utf8')) as unknown, from: sidecar };
    } catch (e) {
      return { error: `${sidecar} is not valid JSON: ${(e as Error).message}` };
    }
  }
  if (!existsSync(file)) return { error: `no file at ${file}` };
  const text = readFileSync(file, 'utf8');
  try {
    const doc = JSON.parse(text) as unknown;
    if (doc && typeof doc === 'object' && 'signedHead' in doc) return { value: (doc as { signedHead: unknown }).signedHead, from: file };
  } catch {
    // not JSON: look for an embedded statement below
  }
  const last = [...text.matchAll(EMBEDDED)].at(-1);
  if (!last) return { error: `${file} carries no signed head statement (and there is no ${sidecar})` };
  try {
    return { value: JSON.parse(last[0]) as unknown, from: file };
  } catch (e) {
    return { error: `the statement in ${file} is not valid JSON: ${(e as Error).message}` };
  }
}
