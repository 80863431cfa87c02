/**
 * The desktop app's security policy as small pure functions (DESIGN §7). Nothing here imports
 * Electron at run time (only its types), so every rule is unit-tested without the Electron binary.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'claimtrail';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** The one Content-Security-Policy of the renderer (also sent by web mode). */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The web preferences every window of the app shares: no Node, sandboxed, isolated, no webviews. */
export const LOCKED_DOWN = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  // A middle click would ask for a new window; the window-open handler denies those anyway.
  disableBlinkFeatures: 'Auxclick',
} as const satisfies WebPreferences;

/** Every window the app opens. The renderer gets no Node, runs sandboxed, and sees only the preload's bridge. */
export function windowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'ClaimTrail',
    webPreferences: {
      preload,
      ...LOCKED_DOWN,
      safeDialogs: true,
      // Chromium's spellchecker downloads its dictionaries from Google's CDN (Windows, Linux): off.
      spellcheck: false,
    },
  };
}

/** True for a URL of our own app origin (app://claimtrail/…), parsed, not string-matched. */
export function isAppUrl(url: string | undefined | null): boolean {
  if (typeof url !== 'string') return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/** IPC comes only from the main frame of our window showing our app origin. */
export function isTrustedSender(frameUrl: string | undefined | null, isMainFrame: boolean): boolean {
  return isMainFrame === true && isAppUrl(frameUrl);
}

/** In-window navigation: only within our own origin (the app routes on the client; anything else is refused). */
export function navigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/**
 * The app session's request filter (webRequest.onBeforeRequest): the renderer loads from app:// only;
 * data: URLs (inline images) are no request at all. Everything else, every http(s), ws, file or
 * devtools URL, is cancelled, so the window makes no network request whatever it is shown.
 */
export function appRequestAllowed(url: string): boolean {
  return isAppUrl(url) || /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,/i.test(url);
}

/** will-navigate, will-frame-navigate, will-redirect, or setWindowOpenHandler. */
export type NavigationKind = 'navigate' | 'frame' | 'redirect' | 'window-open';

/** What a window's guard does with a navigation or a window.open request. */
export interface NavigationRule {
  allow: boolean;
  /** The link to hand to the system browser, or null: nothing is opened. */
  openExternally: string | null;
}

/**
 * The app window: in-window navigation within our origin only; links elsewhere (will-navigate,
 * window.open) go to the system browser when externalUrl() allows them. The hidden printing window
 * ('pdf') shows one briefing that a crafted case could have shaped: it denies every navigation and
 * every window.open and opens nothing, not even an allowed link.
 */
export function navigationRule(kind: 'app' | 'pdf', url: string, how: NavigationKind): NavigationRule {
  if (kind === 'pdf') return { allow: false, openExternally: null };
  if (how !== 'window-open' && navigationAllowed(url)) return { allow: true, openExternally: null };
  // Only a click (will-navigate) or window.open hands a link over; a redirect or a frame's navigation
  // (will-frame-navigate also fires for the main frame's will-navigate) is only refused.
  return { allow: false, openExternally: how === 'navigate' || how === 'window-open' ? externalUrl(url) : null };
}

/** Whitespace, control, format (zero-width, bidi) and separator characters: never in a link we open. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}\\]/u;
const MAILTO_FIELDS = new Set(['subject', 'body', 'cc', 'bcc', 'to']);
const MAX_URL = 4096;

/** The raw authority ("user@host:port") of an http(s) URL, so that even empty credentials are seen. */
function authority(raw: string): string {
  const start = raw.indexOf('//');
  if (start < 0) return '';
  const rest = raw.slice(start + 2);
  const end = rest.search(/[/?#]/);
  return end < 0 ? rest : rest.slice(0, end);
}

/**
 * The URL to hand to shell.openExternal, normalised, or null when it is not allowed: only
 * http:, https: and mailto:, no credentials, no invisible characters, no mailto attachments.
 */
export function externalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL || INVISIBLE.test(raw)) return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.username !== '' || u.password !== '') return null;
  if (u.protocol === 'http:' || u.protocol === 'https:') {
    if (u.hostname === '' || authority(raw).includes('@')) return null;
    return u.href;
  }
  if (u.protocol === 'mailto:') {
    if (u.pathname === '' || u.host !== '') return null;
    for (const key of u.searchParams.keys()) if (!MAILTO_FIELDS.has(key.toLowerCase())) return null;
    return u.href;
  }
  return null;
}

export function isAllowedExternalUrl(url: unknown): boolean {
  return externalUrl(url) !== null;
}
