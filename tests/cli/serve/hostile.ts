/** Requests that web mode must refuse: foreign Host or Origin, missing or wrong token, odd targets. */
import { pageCookieName, type GuardRequest } from '../../../cli/serve/guard';

export const PATHS = ['/', '/index.html', '/assets/index.js', '/api/case.info', '/api/progress', '/api/cancel', '/nope', '/%2e%2e/etc/passwd'];

export function foreignHosts(port: number): string[] {
  return [
    'evil.example',
    `evil.example:${port}`,
    `127.0.0.1:${port + 1}`,
    '127.0.0.1',
    'localhost',
    `127.0.0.2:${port}`,
    `[::1]:${port}`,
    `0.0.0.0:${port}`,
    `LOCALHOST:${port}`,
    `localhost.:${port}`,
    `127.0.0.1:${port}.evil.example`,
    `127.0.0.1.nip.io:${port}`,
    `2130706433:${port}`,
    `127.0.0.1:0${port}`,
    `localhost:${port}@evil.example`,
    '',
  ];
}

export function foreignOrigins(port: number): string[] {
  return [
    'null',
    'http://evil.example',
    `http://evil.example:${port}`,
    `https://127.0.0.1:${port}`,
    `http://127.0.0.1:${port}/`,
    `http://127.0.0.1:${port + 1}`,
    `http://localhost.evil.example:${port}`,
    'http://127.0.0.1',
    `file://`,
    `chrome-extension://abc`,
    `HTTP://127.0.0.1:${port}`,
    '',
  ];
}

export function badTokens(token: string): (string | undefined)[] {
  return [undefined, '', 'x', token.slice(0, -1), `${token}0`, token.toUpperCase(), `-${token}`, `${token.slice(1)}a`, `${token.slice(0, 32)}`];
}

/**
 * Every combination of the above on every path, plus good-looking requests with bad secrets, and
 * the secrets in the wrong place: the API token as a cookie or query (as before issue 12.1), the
 * page key as the API header or under another port's cookie name.
 */
export function hostileRequests(port: number, token: string, pageKey: string): GuardRequest[] {
  const good = `127.0.0.1:${port}`;
  const out: GuardRequest[] = [];
  const cookie = pageCookieName(port);
  const auth = { 'x-claimtrail-token': token, cookie: `${cookie}=${pageKey}` };
  for (const url of PATHS) {
    for (const host of foreignHosts(port)) out.push({ method: 'GET', url, headers: { host, ...auth } });
    for (const origin of foreignOrigins(port)) out.push({ method: 'POST', url, headers: { host: good, origin, ...auth } });
    for (const t of badTokens(token)) {
      const headers: Record<string, string> = { host: good };
      if (t !== undefined) headers['x-claimtrail-token'] = t;
      out.push({ method: 'POST', url, headers });
      out.push({ method: 'GET', url: `${url}${t === undefined ? '' : `?launch=${encodeURIComponent(t)}`}`, headers: { host: good, cookie: `${cookie}=${t ?? ''}` } });
    }
    out.push({ method: 'GET', url, headers: { ...auth } });
    for (const method of ['GET', 'POST']) {
      out.push({ method, url, headers: { host: good, cookie: `ct_token=${token}` } });
      out.push({ method, url, headers: { host: good, 'x-claimtrail-token': pageKey } });
      out.push({ method, url, headers: { host: good, cookie: `${pageCookieName(port + 1)}=${pageKey}` } });
      out.push({ method, url, headers: { host: good, 'x-claimtrail-launch': token } });
    }
    out.push({ method: 'GET', url: `${url}?token=${token}`, headers: { host: good } });
    out.push({ method: 'GET', url: `${url}?launch=${pageKey}`, headers: { host: good } });
  }
  out.push({ method: 'GET', url: `http://${good}/?token=${token}`, headers: { host: good } });
  out.push({ method: 'GET', url: `*`, headers: { host: good, ...auth } });
  return out;
}
