/** Bytes for the contract (base64 inside the one JSON/IPC channel) and their sizes in words. */

const CHUNK = 0x8000;

/** Base64 of the bytes, in chunks so a 64 MB file never builds one giant argument list. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export function fromBase64(b64: string): Uint8Array {
  const binary = atob(b64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** "812 bytes", "14.2 KB", "3.1 MB" (binary units, as the size limit is stated). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} ${n === 1 ? 'byte' : 'bytes'}`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Image types the viewer shows from a data: URL: the ones the extractor sniffs, which are also the ones
 * the desktop window's request filter lets through as data: images (electron/main/policy.ts
 * appRequestAllowed). The CSP allows img-src data:; an <img> never runs script.
 */
const SHOWN_IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export function isShownImage(mediaType: string): boolean {
  return SHOWN_IMAGES.has(mediaType.toLowerCase());
}

export function isPdf(mediaType: string): boolean {
  return mediaType.toLowerCase() === 'application/pdf';
}
