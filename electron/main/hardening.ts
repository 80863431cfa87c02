/** App-wide guards: no navigation away, no new windows, no webviews, no permissions. */
import { app, session, shell, type WebContents } from 'electron';
import { externalUrl, navigationAllowed } from './policy';

/** Opens an allowed link in the user's browser or mail client; everything else is dropped. */
export function openExternalSafely(url: string): void {
  const safe = externalUrl(url);
  // Reviewed openExternal: only URLs that passed the http/https/mailto allowlist (policy.ts) get here.
  if (safe) void shell.openExternal(safe);
}

function guardContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (navigationAllowed(url)) return;
    event.preventDefault();
    openExternalSafely(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!navigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
}

export function hardenApp(): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}
