import { describe, expect, it } from 'vitest';
import { cookieValues, FORBIDDEN_TEXT, guard, pageCookieName, parseTarget, type GuardConfig, type GuardRequest } from '../../../cli/serve/guard';
import { hostileRequests, PATHS } from './hostile';

const code = 'c0de'.repeat(16);
const cfg: GuardConfig = { port: 41234, token: '0123456789abcdef'.repeat(4), pageKey: 'fedcba9876543210'.repeat(4), launchCodes: new Set([code]) };
const pageCookie = `${pageCookieName(cfg.port)}=${cfg.pageKey}`;
const host = `127.0.0.1:${cfg.port}`;
const ok = (r: Partial<GuardRequest> & { headers: GuardRequest['headers'] }) =>
  guard({ method: 'GET', url: '/', ...r }, cfg);

describe('web-mode guard (pure)', () => {
  it('lets the token in as the header, the page key as its cookie, a launch code on GET / or POST /api/session only', () => {
    expect(ok({ headers: { host, 'x-claimtrail-token': cfg.token } })).toMatchObject({ ok: true, via: 'header' });
    expect(ok({ headers: { host: `localhost:${cfg.port}`, cookie: `x=1; ${pageCookie}` }, url: '/assets/a.js' })).toMatchObject({ ok: true, via: 'cookie' });
    expect(ok({ headers: { host }, url: `/?launch=${code}` })).toMatchObject({ ok: true, via: 'launch', pathname: '/' });
    expect(ok({ headers: { host, 'x-claimtrail-launch': code }, method: 'POST', url: '/api/session' })).toMatchObject({ ok: true, via: 'launch' });
    expect(ok({ headers: { host, 'x-claimtrail-launch': code }, method: 'POST', url: '/api/case.info' }).ok).toBe(false);
    expect(guard({ method: 'GET', url: `/?launch=${code}`, headers: { host } }, { ...cfg, launchCodes: new Set() }).ok).toBe(false);
    expect(ok({ headers: { host, origin: `http://localhost:${cfg.port}`, 'x-claimtrail-token': cfg.token } }).ok).toBe(true);
  });

  it('refuses every hostile request (host, origin, token, target)', () => {
    const cases = hostileRequests(cfg.port, cfg.token, cfg.pageKey);
    expect(cases.length).toBeGreaterThan(300);
    const let_in = cases.filter((c) => guard(c, cfg).ok);
    expect(let_in).toEqual([]);
  });

  it('refuses the launch code anywhere but GET / and POST /api/session, and the token anywhere but the header', () => {
    for (const path of PATHS.filter((p) => p !== '/')) expect(ok({ headers: { host }, url: `${path}?launch=${code}` }).ok).toBe(false);
    expect(ok({ headers: { host }, method: 'POST', url: `/?launch=${code}` }).ok).toBe(false);
    expect(ok({ headers: { host }, url: `/?launch=${code}&launch=${code}` }).ok).toBe(false);
    expect(ok({ headers: { host }, url: `/?token=${cfg.token}` }).ok).toBe(false);
    expect(ok({ headers: { host, cookie: `ct_token=${cfg.token}` } }).ok).toBe(false);
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
