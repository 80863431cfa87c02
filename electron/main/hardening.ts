/** App-wide guards: no navigation away, no new windows, no webviews, no permissions, no network. */
import { app, session, shell, type WebContents } from 'electron';
import { PDF_PARTITION } from './pdf-policy';
import { appRequestAllowed, externalUrl, navigationRule, type NavigationRule } from './policy';

/** Opens an allowed link in the user's browser or mail client; everything else is dropped. */
export function openExternalSafely(url: string): void {
  const safe = externalUrl(url);
  // Reviewed openExternal: only URLs that passed the http/https/mailto allowlist (policy.ts) get here.
  if (safe) void shell.openExternal(safe);
}

function follow(rule: NavigationRule, event: { preventDefault(): void }): void {
  if (rule.allow) return;
  event.preventDefault();
  if (rule.openExternally) openExternalSafely(rule.openExternally);
}

function guardContents(contents: WebContents): void {
  // The hidden printing window (briefing-pdf.ts) lives in its own partition: it opens nothing, ever.
  const kind = contents.session === session.fromPartition(PDF_PARTITION) ? 'pdf' : 'app';
  contents.on('will-navigate', (event, url) => follow(navigationRule(kind, url, 'navigate'), event));
  contents.on('will-frame-navigate', (event) => follow(navigationRule(kind, event.url, 'frame'), event));
  contents.on('will-redirect', (event, url) => follow(navigationRule(kind, url, 'redirect'), event));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const rule = navigationRule(kind, url, 'window-open');
    if (rule.openExternally) openExternalSafely(rule.openExternally);
    return { action: 'deny' };
  });
}

export function hardenApp(): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // No dictionary downloads (the windows' spellcheck is off too) and no request beyond app://.
  ses.setSpellCheckerEnabled(false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !appRequestAllowed(details.url) }));
}
