/**
 * The Electron stand-in cannot drift from Electron or from the shell: each API it implements is
 * declared in Electron's bundled types (electron.d.ts), every Electron API the shell's sources use
 * is implemented, and anything else throws (and is recorded as a miss).
 */
import { describe, expect, it } from 'vitest';
import { readElectronDts, shellElectronUse } from './stand-in/dts';
import { StandIn } from './stand-in/electron';
import { IMPLEMENTED, MAIN_EXPORTS, RENDERER_EXPORTS, type ApiName } from './stand-in/implemented';

const dts = readElectronDts();
const entries = Object.entries(IMPLEMENTED) as [ApiName, { members: readonly string[]; statics?: readonly string[]; events?: readonly string[] }][];

/** The stand-in entry that covers `owner`'s members: the same name, or one that extends it (BrowserWindow covers BaseWindow). */
const coverers = (owner: string) => entries.filter(([name]) => name === owner || dts.lookup(name)?.bases.includes(owner));

describe('the Electron stand-in against electron.d.ts', () => {
  it.each(entries)('%s: every implemented member, static and event is declared by Electron', (name, spec) => {
    const d = dts.lookup(name);
    expect(d, `${name} is not declared in electron.d.ts`).not.toBeNull();
    expect(spec.members.filter((m) => !d!.members.has(m))).toEqual([]);
    expect((spec.statics ?? []).filter((m) => !d!.statics.has(m))).toEqual([]);
    expect((spec.events ?? []).filter((e) => !d!.events.has(e))).toEqual([]);
  });

  it('the module exports are those of electron (main) and electron (renderer), with what both share', () => {
    expect(MAIN_EXPORTS.filter((e) => !dts.exports('Main').has(e))).toEqual([]);
    expect(RENDERER_EXPORTS.filter((e) => !dts.exports('Renderer').has(e))).toEqual([]);
    const si = new StandIn();
    expect(Object.keys(si.module).sort()).toEqual([...MAIN_EXPORTS].sort());
  });
});

describe('the shell uses only what the stand-in implements', () => {
  const use = shellElectronUse();

  it('finds the shell’s Electron calls (the scan itself works)', () => {
    expect(use.members).toContain('BrowserWindow.loadURL');
    expect(use.members).toContain('Session::fromPartition');
    expect(use.members).toContain('IpcMainInvokeEvent.senderFrame');
    expect(use.events).toContain('App@second-instance');
    expect(use.preloadImports).toEqual(new Set(RENDERER_EXPORTS));
  });

  it('every member, static and imported module export the shell uses is implemented', () => {
    const missing = [...use.members].filter((u) => {
      const [owner, member] = u.includes('::') ? u.split('::') : u.split('.');
      const side = u.includes('::') ? 'statics' : 'members';
      return !coverers(owner!).some(([, spec]) => (spec[side] ?? []).includes(member!));
    });
    expect(missing).toEqual([]);
    expect([...use.mainImports].filter((e) => !(MAIN_EXPORTS as readonly string[]).includes(e))).toEqual([]);
  });

  it('every event the shell listens to is emitted by the stand-in', () => {
    const missing = [...use.events].filter((u) => {
      const [owner, event] = u.split('@') as [string, string];
      if (!dts.lookup(owner)?.events.size) return false; // IPC channels (ipcRenderer.on('progress')) are not events
      return !coverers(owner).some(([, spec]) => (spec.events ?? []).includes(event));
    });
    expect(missing).toEqual([]);
  });
});

describe('anything else fails loudly', () => {
  it('an unimplemented member, export or event throws and is recorded', () => {
    const si = new StandIn();
    const electron = si.module as Record<string, Record<string, (...a: unknown[]) => unknown>>;
    expect(() => electron.app!.getPath!('userData')).toThrow('does not implement App.getPath');
    expect(() => electron.nativeTheme).toThrow("does not implement require('electron').nativeTheme");
    expect(() => electron.app!.on!('before-quit', () => undefined)).toThrow("App.on('before-quit')");
    expect(() => electron.dialog!.showMessageBox!({})).toThrow('Dialog.showMessageBox');
    expect(() => {
      (electron.app as Record<string, unknown>).name = 'x';
    }).toThrow('App.name (assignment)');
    expect(si.rec.misses).toEqual(['App.getPath', "require('electron').nativeTheme", "App.on('before-quit')", 'Dialog.showMessageBox', 'App.name (assignment)']);
  });

  it("keeps Electron's order rules: no window, session or handler before ready; privileged schemes only before it", () => {
    const si = new StandIn();
    const e = si.module as Record<string, Record<string, (...a: unknown[]) => unknown>>;
    const BrowserWindow = e.BrowserWindow as unknown as new (o: object) => object;
    expect(() => new BrowserWindow({})).toThrow('before the app is ready');
    expect(() => e.session!.defaultSession).toThrow('before the app is ready');
    expect(() => e.protocol!.handle!('app', () => new Response(''))).toThrow('before the app is ready');
    e.protocol!.registerSchemesAsPrivileged!([{ scheme: 'app', privileges: {} }]);
    si.ready();
    expect(() => e.protocol!.registerSchemesAsPrivileged!([{ scheme: 'x', privileges: {} }])).toThrow('before app is ready');
    e.ipcMain!.handle!('api', () => 1);
    expect(() => e.ipcMain!.handle!('api', () => 2)).toThrow("second handler for 'api'");
    expect(si.rec.of('IpcMain.handle')).toHaveLength(2);
  });
});
