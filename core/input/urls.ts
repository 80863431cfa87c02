/**
 * Addresses as people paste or type them, completed to what the contract stores: a scheme-less web
 * address gets https:// ("example.com/a" → "https://example.com/a"), a bare DOI becomes its doi.org
 * address. Addresses that already name a scheme stay as typed. Pure (no URL parsing that differs by
 * environment beyond the WHATWG URL class, present in browsers and Node alike).
 */

export type UrlReading = { ok: true; url: string; completed: boolean } | { ok: false; message: string };

const SCHEMES = ['http:', 'https:', 'mailto:', 'doi:', 'urn:'];
/** A host: labels of letters, digits and hyphens with a dot and a top-level name, or localhost, with an optional port. */
const HOST = /^(?:(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}[\p{L}\p{N}-]*|localhost|\d{1,3}(?:\.\d{1,3}){3})(?::\d{1,5})?(?:[/?#]|$)/u;
const BARE_DOI = /^10\.\d{4,9}\/\S+$/;
const NOT_WEB = 'is not a web address; write it like example.com/page or https://example.com/page';

export function completeUrl(typed: string): UrlReading {
  const s = typed.trim();
  if (!s) return { ok: false, message: 'is empty' };
  if (/\s/.test(s)) return { ok: false, message: 'must not contain spaces' };
  if (BARE_DOI.test(s)) return checked(`https://doi.org/${s}`, true);
  const scheme = s.match(/^([a-z][a-z0-9+.-]*:)/i)?.[1]?.toLowerCase();
  const web = /^https?:\/\//i.test(s);
  if (web || (scheme && SCHEMES.includes(scheme) && scheme !== 'http:' && scheme !== 'https:')) return checked(s, false);
  const rest = s.replace(/^\/\//, '');
  if (HOST.test(rest)) return checked(`https://${rest}`, true);
  if (scheme) return { ok: false, message: `${scheme.slice(0, -1)} addresses are not kept; use http(s), mailto, doi or urn` };
  return { ok: false, message: NOT_WEB };
}

function checked(url: string, completed: boolean): UrlReading {
  try {
    new URL(url);
    return { ok: true, url, completed };
  } catch {
    return { ok: false, message: NOT_WEB };
  }
}
