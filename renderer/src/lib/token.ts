/** Takes web mode's one-time launch code out of an address: returns it and the address without it. */
export function takeLaunchCode(href: string): { code: string | null; cleanUrl: string } {
  const url = new URL(href);
  const code = url.searchParams.get('launch');
  if (code === null) return { code: null, cleanUrl: href };
  url.searchParams.delete('launch');
  return { code, cleanUrl: url.toString() };
}
