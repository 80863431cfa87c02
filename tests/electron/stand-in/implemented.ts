/**
 * Every Electron API the stand-in implements, by the interface or class that declares it in
 * Electron's bundled type definitions (node_modules/electron/electron.d.ts). The stand-in's objects
 * answer only these members (anything else throws and is recorded as a miss);
 * tests/electron/stand-in.test.ts checks each name against electron.d.ts and checks that the shell
 * (electron/main, electron/preload) calls nothing outside this list.
 */
export interface Implemented {
  /** Members (methods and properties). */
  members: readonly string[];
  /** Event names `on`/`once` accept: emitted by the stand-in, its Chromium driver or a test's controls. */
  events?: readonly string[];
  /** Static members of a class (Menu.buildFromTemplate, Session.fromPartition). */
  statics?: readonly string[];
}

export const MAIN_EXPORTS = ['app', 'BrowserWindow', 'dialog', 'ipcMain', 'Menu', 'protocol', 'safeStorage', 'session', 'shell'] as const;
export const RENDERER_EXPORTS = ['contextBridge', 'ipcRenderer'] as const;

export const IMPLEMENTED = {
  App: {
    members: ['enableSandbox', 'requestSingleInstanceLock', 'quit', 'isReady', 'whenReady', 'isPackaged', 'on', 'once'],
    events: ['second-instance', 'open-file', 'window-all-closed', 'activate', 'will-quit', 'web-contents-created'],
  },
  BrowserWindow: {
    members: ['webContents', 'loadURL', 'setTitle', 'show', 'isMinimized', 'restore', 'focus', 'destroy', 'on', 'once'],
    events: ['ready-to-show', 'closed'],
  },
  WebContents: {
    members: ['send', 'reload', 'printToPDF', 'mainFrame', 'session', 'setWindowOpenHandler', 'on', 'once'],
    events: ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'],
  },
  WebFrameMain: { members: ['url'] },
  IpcMain: { members: ['handle'] },
  IpcMainInvokeEvent: { members: ['sender', 'senderFrame'] },
  Session: {
    members: ['setPermissionRequestHandler', 'setPermissionCheckHandler', 'setDevicePermissionHandler', 'setSpellCheckerEnabled', 'webRequest', 'protocol'],
    statics: ['fromPartition', 'defaultSession'],
  },
  WebRequest: { members: ['onBeforeRequest'] },
  OnBeforeRequestListenerDetails: { members: ['url', 'method', 'resourceType'] },
  Protocol: { members: ['registerSchemesAsPrivileged', 'handle'] },
  Dialog: { members: ['showErrorBox', 'showSaveDialog', 'showOpenDialog'] },
  SaveDialogReturnValue: { members: ['canceled', 'filePath'] },
  OpenDialogReturnValue: { members: ['canceled', 'filePaths'] },
  Menu: { members: ['items'], statics: ['buildFromTemplate', 'setApplicationMenu'] },
  Shell: { members: ['openExternal'] },
  SafeStorage: { members: ['isEncryptionAvailable', 'encryptString', 'decryptString'] },
  ContextBridge: { members: ['exposeInMainWorld'] },
  IpcRenderer: { members: ['invoke', 'on', 'removeListener'] },
  HandlerDetails: { members: ['url'] },
  WebContentsWillFrameNavigateEventParams: { members: ['url'] },
  /** Electron's `Event<Params>` type (declared as a type literal). */
  Event: { members: ['preventDefault', 'defaultPrevented'] },
} as const satisfies Record<string, Implemented>;

export type ApiName = keyof typeof IMPLEMENTED;
