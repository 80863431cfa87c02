/**
 * The desktop analyst's signing key, sealed at rest by the operating system's keychain through
 * Electron's safeStorage (Keychain on macOS, DPAPI on Windows, the Secret Service on Linux). Unsealed
 * once in the main process and handed to the database worker; where no keychain is available, the
 * CLI's user-only key file is used (db/signing.ts).
 */
import { safeStorage } from 'electron';
import { loadOrCreateSealedKeyPem, type KeySeal } from '../../db/signing';
import { userDataDir } from '../../db/user-data';

const keychain: KeySeal = {
  available: () => safeStorage.isEncryptionAvailable(),
  seal: (plain) => safeStorage.encryptString(plain),
  unseal: (sealed) => safeStorage.decryptString(sealed),
};

let pem: string | null = null;

/** PKCS#8 PEM of the analyst's key (created and sealed on first use); call after the app is ready. */
export function desktopSigningKey(): string {
  pem ??= loadOrCreateSealedKeyPem(keychain, userDataDir());
  return pem;
}
