/** Takes the web-mode token out of an address: returns it and the address without it. */
export function takeToken(href: string): { token: string | null; cleanUrl: string } {
  const url = new URL(href);
  const token = url.searchParams.get('token');
  if (token === null) return { token: null, cleanUrl: href };
  url.searchParams.delete('token');
  return { token, cleanUrl: url.toString() };
}
