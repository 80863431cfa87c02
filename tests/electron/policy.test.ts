import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WEB_CSP } from '../../cli/serve/headers';
import {
  APP_ENTRY,
  appRequestAllowed,
  CSP,
  externalUrl,
  isAllowedExternalUrl,
  isAppUrl,
  isTrustedSender,
  navigationAllowed,
  navigationRule,
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
    expect(w.spellcheck).toBe(false); // issue 12.10: the spellchecker downloads dictionaries from a CDN
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

  it('the app window opens allowed links externally on a click or window.open, never on a redirect or frame navigation', () => {
    expect(navigationRule('app', 'app://claimtrail/index.html', 'navigate')).toEqual({ allow: true, openExternally: null });
    expect(navigationRule('app', 'https://example.com/a', 'navigate')).toEqual({ allow: false, openExternally: 'https://example.com/a' });
    expect(navigationRule('app', 'https://example.com/a', 'window-open')).toEqual({ allow: false, openExternally: 'https://example.com/a' });
    expect(navigationRule('app', APP_ENTRY, 'window-open').allow).toBe(false);
    for (const how of ['redirect', 'frame'] as const) expect(navigationRule('app', 'https://example.com/a', how)).toEqual({ allow: false, openExternally: null });
    for (const u of hostileUrls()) for (const how of ['navigate', 'window-open'] as const) expect(navigationRule('app', u, how).openExternally, u).toBeNull();
  });

  it('the app session lets no request through but app:// (and inline data: images): no CDN, no network (issue 12.10)', () => {
    expect(appRequestAllowed('app://claimtrail/index.html')).toBe(true);
    expect(appRequestAllowed('app://claimtrail/assets/index-abc.js')).toBe(true);
    expect(appRequestAllowed('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    const network = [
      'https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic', // the spellchecker's dictionary download
      'https://clients2.google.com/service/update2/crx',
      'http://127.0.0.1:8080/',
      'ws://127.0.0.1:9222/devtools',
      'file:///etc/passwd',
      'devtools://devtools/bundled/inspector.html',
      'chrome-extension://abc/x.js',
      'app://evil/index.html',
      'app://claimtrail.evil/',
      'data:text/html;base64,PHNjcmlwdD4=',
      ...GOOD_URLS,
      ...hostileUrls(),
    ];
    expect(network.filter((u) => !isAppUrl(u) && appRequestAllowed(u))).toEqual([]);
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
