import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WEB_CSP } from '../../cli/serve/headers';
import {
  APP_ENTRY,
  CSP,
  externalUrl,
  isAllowedExternalUrl,
  isAppUrl,
  isTrustedSender,
  navigationAllowed,
  windowOptions,
} from '../../electron/main/policy';
import { GOOD_URLS, hostileUrls } from './hostile-urls';

describe('external link allowlist', () => {
  const hostile = hostileUrls();

  it('refuses every one of 200+ hostile URLs', () => {
    expect(hostile.length).toBeGreaterThanOrEqual(200);
    expect(hostile.filter((u) => isAllowedExternalUrl(u))).toEqual([]);
  });

  it('allows plain http, https and mailto links, normalised', () => {
    expect(GOOD_URLS.filter((u) => !isAllowedExternalUrl(u))).toEqual([]);
    expect(externalUrl('HTTPS://EXAMPLE.COM/Upper')).toBe('https://example.com/Upper');
    expect(externalUrl('https://аpple.com/')).toBe('https://xn--pple-43d.com/');
  });

  it('refuses what is not a string', () => {
    for (const v of [undefined, null, 42, {}, ['https://example.com'], new URL('https://example.com')]) expect(isAllowedExternalUrl(v)).toBe(false);
  });
});

describe('window, sender, navigation and CSP policy', () => {
  it('opens windows isolated, sandboxed, without Node or webviews', () => {
    const w = windowOptions('/app/preload.js').webPreferences!;
    expect(w).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(w).not.toHaveProperty('enableBlinkFeatures');
    expect(w).not.toHaveProperty('additionalArguments');
  });

  it('trusts IPC only from the main frame on our app origin', () => {
    expect(isTrustedSender(APP_ENTRY, true)).toBe(true);
    expect(isTrustedSender('app://claimtrail/#/claims', true)).toBe(true);
    expect(isTrustedSender(APP_ENTRY, false)).toBe(false);
    for (const u of ['app://evil/index.html', 'app://claimtrail.evil/', 'https://claimtrail/', 'file:///index.html', 'app://x@claimtrail/', 'about:blank', '', null, undefined, 'http://127.0.0.1:5173/', 'app://claimtrail:80/'])
      expect(isTrustedSender(u, true), String(u)).toBe(false);
  });

  it('denies navigation away from the app origin', () => {
    expect(navigationAllowed('app://claimtrail/index.html')).toBe(true);
    for (const u of [...hostileUrls(), ...GOOD_URLS].filter((u) => !isAppUrl(u))) expect(navigationAllowed(u)).toBe(false);
  });

  it('has the strict CSP, the same as web mode', () => {
    expect(CSP).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(WEB_CSP).toBe(CSP);
    expect(CSP).not.toMatch(/unsafe|\*/);
  });

  it('never imports Electron at run time', () => {
    const src = readFileSync(new URL('../../electron/main/policy.ts', import.meta.url), 'utf8');
    expect(src).not.toMatch(/^import (?!type )[^;]*from 'electron'/m);
  });
});
