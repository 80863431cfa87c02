import { describe, expect, it } from 'vitest';
import { cookieValues, FORBIDDEN_TEXT, guard, parseTarget, type GuardRequest } from '../../../cli/serve/guard';
import { hostileRequests, PATHS } from './hostile';

const cfg = { port: 41234, token: '0123456789abcdef'.repeat(4) };
const host = `127.0.0.1:${cfg.port}`;
const ok = (r: Partial<GuardRequest> & { headers: GuardRequest['headers'] }) =>
  guard({ method: 'GET', url: '/', ...r }, cfg);

describe('web-mode guard (pure)', () => {
  it('lets the token in as header, cookie, or query on GET / only', () => {
    expect(ok({ headers: { host, 'x-claimtrail-token': cfg.token } })).toMatchObject({ ok: true, via: 'header' });
    expect(ok({ headers: { host: `localhost:${cfg.port}`, cookie: `x=1; ct_token=${cfg.token}` }, url: '/assets/a.js' })).toMatchObject({ ok: true, via: 'cookie' });
    expect(ok({ headers: { host }, url: `/?token=${cfg.token}` })).toMatchObject({ ok: true, via: 'query', pathname: '/' });
    expect(ok({ headers: { host, origin: `http://localhost:${cfg.port}`, 'x-claimtrail-token': cfg.token } }).ok).toBe(true);
  });

  it('refuses every hostile request (host, origin, token, target)', () => {
    const cases = hostileRequests(cfg.port, cfg.token);
    expect(cases.length).toBeGreaterThan(300);
    const let_in = cases.filter((c) => guard(c, cfg).ok);
    expect(let_in).toEqual([]);
  });

  it('refuses the query token anywhere but GET /', () => {
    for (const path of PATHS.filter((p) => p !== '/')) expect(ok({ headers: { host }, url: `${path}?token=${cfg.token}` }).ok).toBe(false);
    expect(ok({ headers: { host }, method: 'POST', url: `/?token=${cfg.token}` }).ok).toBe(false);
    expect(ok({ headers: { host }, url: `/?token=${cfg.token}&token=${cfg.token}` }).ok).toBe(false);
  });

  it('reads cookies and targets strictly', () => {
    expect(cookieValues(' a=1;ct_token=x ; ct_token=y', 'ct_token')).toEqual(['x', 'y']);
    expect(cookieValues(undefined, 'ct_token')).toEqual([]);
    expect(parseTarget('http://evil/')).toBeNull();
    expect(parseTarget('//evil/x')).toBeNull();
    expect(parseTarget('/a?b=1')?.pathname).toBe('/a');
    expect(FORBIDDEN_TEXT.length).toBeLessThan(200);
  });
});
