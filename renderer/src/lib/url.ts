/** External addresses are shown as text; only parsed http(s) ones may be opened (never put in href). */
export function openableUrl(s: string | null | undefined): string | null {
  if (!s) return null;
  try {
    const u = new URL(s.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

/** The host of an address for a narrow column ("www.reuters.com"), else the address as typed. */
export function shortUrl(s: string): string {
  try {
    const u = new URL(s.trim());
    return u.host || s;
  } catch {
    return s;
  }
}
