/**
 * The desktop key sealed at rest (issue 12.11): loadOrCreateSealedKeyPem with a seal standing in for
 * Electron's safeStorage (the Electron binary cannot run here; the seal is the one true edge).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keyFile, loadOrCreateSealedKeyPem, sealedKeyFile, signerFromPem, type KeySeal } from '../../db/signing';
import { tempDir } from '../helpers';

/** A reversible stand-in for the OS keychain: the sealed bytes never hold the PEM text. */
const xorSeal = (available = true): KeySeal => ({
  available: () => available,
  seal: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  unseal: (sealed) => Buffer.from(sealed.map((b) => b ^ 0x5a)).toString('utf8'),
});

describe('desktop signing key sealed by the keychain', () => {
  it('is created sealed on first use, never written in the clear, and the same key every time after', () => {
    const dir = tempDir();
    const pem = loadOrCreateSealedKeyPem(xorSeal(), dir);
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const sealed = readFileSync(sealedKeyFile(dir));
    expect(sealed.toString('latin1')).not.toContain('PRIVATE KEY');
    expect(existsSync(keyFile(dir))).toBe(false);
    if (process.platform !== 'win32') expect(statSync(sealedKeyFile(dir)).mode & 0o077).toBe(0);
    const again = loadOrCreateSealedKeyPem(xorSeal(), dir);
    expect(signerFromPem(again).publicKey).toBe(signerFromPem(pem).publicKey);
  });

  it('falls back to the user-only key file where the OS offers no keychain', () => {
    const dir = tempDir();
    const pem = loadOrCreateSealedKeyPem(xorSeal(false), dir);
    expect(existsSync(keyFile(dir))).toBe(true);
    expect(existsSync(sealedKeyFile(dir))).toBe(false);
    expect(readFileSync(keyFile(dir), 'utf8')).toBe(pem);
  });
});
