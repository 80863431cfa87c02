/**
 * The bundled main process (dist/electron/main/index.js, built by scripts/build-electron.mjs) loaded
 * as Electron loads it, against the Electron stand-in: startup, the window, app://, the IPC and its
 * sender check, the preload's bridge. Real case files, the real database worker bundle.
 */
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../core/api';
import { APP_ENTRY, CSP, windowOptions } from '../../electron/main/policy';
import { StandInFrame } from './stand-in/electron';
import { launch, loadMain, useDesktops, type Desktop } from './stand-in/desktop';

const desktops = useDesktops();
const open = async (opts: { argv?: string[] } = {}) => desktops.start(await launch(desktops.built, { home: desktops.home(), ...opts }));

const api = (d: Desktop, method: string, input: unknown = {}, frame = d.win.contents.mainFrame) =>
  d.si.invoke(d.win.contents, frame, 'api', method, input) as Promise<ApiResult<unknown>>;

describe('the bundled main process on the stand-in', () => {
  it('starts: lock, app:// privileged before ready, handlers, default (sample) case open, then one hardened window', async () => {
    const { si, win } = await open();
    const rec = si.rec;
    expect(si.lockRequested).toBe(true);
    expect(si.app.sandboxed).toBe(true);
    expect(si.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect([...si.ipcHandlers.keys()].sort()).toEqual(['api', 'briefing-pdf', 'cancel']);
    expect(si.defaultSession.handlers.has('app')).toBe(true);
    // One window, with exactly the hardened options (preload = the bundled preload next to main).
    expect(si.windows).toHaveLength(1);
    expect(win.options).toEqual(windowOptions(desktops.built.preload));
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false });
    expect(win.contents.loads).toEqual([APP_ENTRY]);
    // The case was open before the window: its first title already names it.
    expect(rec.of('BrowserWindow.setTitle')[0]?.args).toEqual(['sample.claimtrail — ClaimTrail']);
    const order = ['Protocol.handle', 'IpcMain.handle', 'Menu.setApplicationMenu', 'new BrowserWindow', 'BrowserWindow.loadURL'].map((a) => rec.indexOf(a));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The app-wide guards: permissions denied, spellchecker off, every request but app:// cancelled.
    const ses = si.defaultSession;
    expect(ses.spellCheckerEnabled).toBe(false);
    const granted: boolean[] = [];
    ses.permissionRequestHandler!(...([null, 'media', (ok: boolean) => granted.push(ok)] as never[]));
    expect(granted).toEqual([false]);
    expect(ses.permissionCheckHandler!(...([null, 'notifications'] as never[]))).toBe(false);
    expect(ses.devicePermissionHandler!(...([{}] as never[]))).toBe(false);
    expect(await ses.request('https://example.com/x.js')).toEqual({ blocked: true });
    expect(si.blocked).toEqual(['https://example.com/x.js']);
    // The window's contents are guarded (web-contents-created).
    expect(win.contents.listenerCount('will-navigate')).toBe(1);
    expect(win.contents.windowOpenHandler).not.toBeNull();
    // The signing key was sealed by safeStorage (the OS keychain) and nothing is printed as an error box.
    expect(si.sealed).toHaveLength(1);
    expect(si.errorBoxes).toEqual([]);
  });

  it('answers contract calls over IPC from the main frame, refuses other frames, other windows and other origins', async () => {
    const d = await open();
    const info = await api(d, 'case.info');
    expect(info.ok && (info.value as { counts: { claims: number } }).counts.claims).toBeGreaterThan(5);
    // A sub-frame of our window (even one showing app://), another origin in the main frame, a bad method.
    const sub = new StandInFrame(() => APP_ENTRY);
    expect(await api(d, 'case.info', {}, sub)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const invalid = await api(d, 'claims.create', { text: '' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await d.si.invoke(d.win.contents, d.win.contents.mainFrame, 'api', 42, {})).toMatchObject({ ok: false, error: { code: 'invalid' } });
    // Another window's main frame, showing our own entry page, is not our window.
    const Other = (d.si.module as { BrowserWindow: new (o: object) => { webContents: unknown } }).BrowserWindow;
    const second = new Other({ show: false });
    const otherWin = d.si.windows.find((w) => w.proxy === second)!;
    await otherWin.loadURL(APP_ENTRY);
    expect(await d.si.invoke(otherWin.contents, otherWin.contents.mainFrame, 'api', 'case.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    otherWin.destroy();
    expect(await api(d, 'no.such.method')).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    d.win.contents.url = 'https://evil.example/';
    expect(await api(d, 'case.info')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await d.si.invoke(d.win.contents, d.win.contents.mainFrame, 'briefing-pdf', 'x')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    d.win.contents.url = APP_ENTRY;
    await expect(d.si.invoke(d.win.contents, d.win.contents.mainFrame, 'apis', 'case.info', {})).rejects.toThrow("No handler registered for 'apis'");
  });

  it("runs the bundled preload as a sandboxed preload: it exposes exactly the bridge, which reaches main's handlers", async () => {
    const desktop = await open();
    const world = desktop.win.contents.world!;
    expect([...world.exposed.keys()]).toEqual(['claimtrail']);
    const bridge = world.exposed.get('claimtrail') as Record<string, (...a: unknown[]) => unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['briefingPdf', 'cancel', 'invoke', 'onProgress']);
    const r = (await bridge.invoke!('claims.list', {})) as ApiResult<{ items: unknown[] }>;
    expect(r.ok).toBe(true);
    const seen: unknown[] = [];
    const off = bridge.onProgress!((p: unknown) => seen.push(p)) as () => void;
    desktop.win.contents.send('progress', { method: 'x', done: 1, total: 2, label: 'half' });
    off();
    desktop.win.contents.send('progress', { method: 'x', done: 2, total: 2, label: 'done' });
    expect(seen).toEqual([{ method: 'x', done: 1, total: 2, label: 'half' }]);
    await bridge.cancel!();
    expect(await bridge.briefingPdf!('')).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('serves the renderer from app:// with the CSP; nothing outside the renderer folder, no other method', async () => {
    const desktop = await open();
    const ses = desktop.si.defaultSession;
    const index = await ses.request(APP_ENTRY);
    const res = !index.blocked ? index.response! : null;
    expect(res?.status).toBe(200);
    expect(res?.headers.get('content-security-policy')).toBe(CSP);
    expect(res?.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res?.text()).toContain('<div id="root"');
    for (const url of ['app://claimtrail/../package.json', 'app://claimtrail/%2e%2e/%2e%2e/package.json', 'app://claimtrail/.hidden']) {
      const r = await ses.request(url);
      expect(!r.blocked && r.response?.status, url).toBe(404);
    }
    // Another host of the scheme never reaches the handler: the session's request filter cancels it.
    expect(await ses.request('app://other/index.html')).toEqual({ blocked: true });
    const post = await ses.request(APP_ENTRY, { method: 'POST' });
    expect(!post.blocked && post.response?.status).toBe(404);
  });

  it('a second copy of the app (the lock is taken) quits at once and touches nothing', async () => {
    const d = desktops.start(loadMain(desktops.built, { home: desktops.home(), otherInstance: true }));
    d.si.ready();
    await new Promise((r) => setImmediate(r));
    expect(d.si.quitted).toBe(true);
    expect(d.si.windows).toEqual([]);
    expect(d.si.ipcHandlers.size).toBe(0);
    expect(d.si.privileged).toEqual([]);
  });
});
