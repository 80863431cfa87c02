/**
 * A stand-in for the `electron` module, for tests only (Electron's binary cannot be downloaded on
 * these machines). It implements exactly the APIs of IMPLEMENTED (implemented.ts), with Electron's
 * documented rules where the shell could get them wrong (no window, session or protocol handler
 * before `ready`; privileged schemes only before `ready`; one handler per IPC channel; arguments and
 * answers structured-cloned; invoking an unhandled channel rejects), records every call, and throws
 * on anything else. A test drives it like the operating system and the user would: `ready()`,
 * `secondInstance(argv)`, `openFile(path)`, `clickMenu('File', 'New Case…')`, `nextDialog()`,
 * `invoke(frame, channel, …)`. With a Driver (chromium.ts) each window is a real Chromium page.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { compileFunction } from 'node:vm';
import { electronEvent, Recorder, strict } from './strict';

const nodeRequire = createRequire(import.meta.url);

type Fn = (...args: never[]) => unknown;
type Listener = (...args: unknown[]) => unknown;

export interface WebPrefs {
  preload?: string;
  partition?: string;
  javascript?: boolean;
  [k: string]: unknown;
}
export interface WindowOptions {
  webPreferences?: WebPrefs;
  [k: string]: unknown;
}

/** What a real browser does for a window (chromium.ts); without one, documents are fetched through the handlers only. */
export interface Driver {
  attach(contents: StandInContents): Promise<void>;
  load(contents: StandInContents, url: string): Promise<void>;
  reload(contents: StandInContents): Promise<void>;
  printToPDF(contents: StandInContents, options: Record<string, unknown>): Promise<Buffer>;
  detach(contents: StandInContents): Promise<void>;
}

export interface StandInOptions {
  /** Another instance holds the single-instance lock. */
  otherInstance?: boolean;
  /** safeStorage's answer (the OS keychain). */
  encryptionAvailable?: boolean;
  driver?: Driver;
}

export interface PendingDialog {
  kind: 'save' | 'open';
  options: Record<string, unknown>;
  /** The window the dialog is modal to (null: none was given). */
  window: StandInWindow | null;
  /** Answers like the user: a path, or null for Cancel. */
  answer(path: string | null): void;
}

export interface MenuItem {
  label?: string;
  role?: string;
  type?: string;
  enabled?: boolean;
  accelerator?: string;
  sublabel?: string;
  click?: (...args: unknown[]) => unknown;
  submenu?: MenuItem[];
}

/** One frame as the main process sees it (WebFrameMain): its URL is read when asked. */
export class StandInFrame {
  constructor(private readonly urlOf: () => string) {}
  get url(): string {
    return this.urlOf();
  }
}

/** The preload's world in one document: what it exposed and its ipcRenderer listeners. */
export interface PreloadWorld {
  exposed: Map<string, unknown>;
  renderer: EventEmitter;
}

export class StandInSession {
  permissionRequestHandler: Fn | null = null;
  permissionCheckHandler: Fn | null = null;
  devicePermissionHandler: Fn | null = null;
  spellCheckerEnabled = true;
  beforeRequest: Listener | null = null;
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  readonly webRequest: object;
  readonly protocol: object;
  /** The one strict object handed to the shell (compared by identity, as Electron's sessions are). */
  readonly proxy: StandInSession;

  constructor(
    private readonly si: StandIn,
    readonly partition: string,
  ) {
    this.webRequest = strict(si.rec, 'WebRequest', {
      onBeforeRequest: (...args: unknown[]) => {
        this.beforeRequest = (typeof args[0] === 'function' ? args[0] : args[1]) as Listener;
      },
    });
    this.protocol = strict(si.rec, 'Protocol', {
      registerSchemesAsPrivileged(schemes: { scheme: string; privileges: object }[]) {
        if (si.isReady) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
        if (partition !== '') throw new Error('registerSchemesAsPrivileged is a module-level (default session) call');
        si.privileged.push(...schemes);
      },
      handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) => {
        si.assertReady('protocol.handle');
        if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
        this.handlers.set(scheme, handler);
      },
    });
    this.proxy = strict(si.rec, 'Session', this);
  }

  setPermissionRequestHandler(h: Fn | null) {
    this.permissionRequestHandler = h;
  }
  setPermissionCheckHandler(h: Fn | null) {
    this.permissionCheckHandler = h;
  }
  setDevicePermissionHandler(h: Fn | null) {
    this.devicePermissionHandler = h;
  }
  setSpellCheckerEnabled(on: boolean) {
    this.spellCheckerEnabled = on;
  }

  /** A request of this session as Chromium would make it: the webRequest filter first, then the scheme's handler. */
  async request(url: string, init: { method?: string; resourceType?: string } = {}): Promise<{ blocked: true } | { blocked: false; response: Response | null }> {
    const method = init.method ?? 'GET';
    if (this.beforeRequest) {
      const details = strict(this.si.rec, 'OnBeforeRequestListenerDetails', { url, method, resourceType: init.resourceType ?? 'mainFrame' });
      const answer = await new Promise<{ cancel?: boolean }>((resolve) => this.beforeRequest!(details, resolve));
      if (answer.cancel) {
        this.si.blocked.push(url);
        return { blocked: true };
      }
    }
    const scheme = url.slice(0, Math.max(0, url.indexOf(':')));
    const handler = this.handlers.get(scheme);
    if (!handler) return { blocked: false, response: null };
    return { blocked: false, response: await handler(new Request(url, { method })) };
  }
}

export class StandInContents extends EventEmitter {
  url = '';
  windowOpenHandler: Fn | null = null;
  /** Every URL loaded (loadURL) and every reload, in order. */
  readonly loads: string[] = [];
  readonly sent: { channel: string; args: unknown[] }[] = [];
  world: PreloadWorld | null = null;
  readonly mainFrame: StandInFrame;
  /** The strict object handed to the shell. */
  readonly proxy: StandInContents;
  /** Set by a driver: where the page really is (mapped back to Electron's URL). */
  frameUrl: (() => string) | null = null;

  constructor(
    readonly si: StandIn,
    readonly window: StandInWindow,
    readonly ses: StandInSession,
  ) {
    super();
    this.mainFrame = strict(si.rec, 'WebFrameMain', new StandInFrame(() => (this.frameUrl ? this.frameUrl() : this.url)));
    this.proxy = strict(si.rec, 'WebContents', this);
  }

  get session(): StandInSession {
    return this.ses.proxy;
  }

  send(channel: string, ...args: unknown[]): void {
    const copy = structuredClone(args);
    this.sent.push({ channel, args: copy });
    this.world?.renderer.emit(channel, { sender: null }, ...copy);
  }

  reload(): void {
    this.loads.push(`reload ${this.url}`);
    this.runPreload();
    if (this.si.driver) this.si.track(this.si.driver.reload(this));
  }

  async printToPDF(options: Record<string, unknown>): Promise<Buffer> {
    if (!this.si.driver) throw new Error('The Electron stand-in prints only with a browser driver (tests/electron/stand-in/chromium.ts).');
    return this.si.driver.printToPDF(this, options);
  }

  setWindowOpenHandler(handler: Fn): void {
    this.windowOpenHandler = handler;
  }

  /** loadURL: the preload runs for the new document; the document comes through the session's handlers. */
  async load(url: string): Promise<void> {
    this.loads.push(url);
    this.url = url;
    this.runPreload();
    if (this.si.driver) return this.si.driver.load(this, url);
    const r = await this.ses.request(url);
    if (r.blocked) throw new Error(`ERR_BLOCKED_BY_CLIENT (-20) loading '${url}'`);
    if (!r.response) throw new Error(`ERR_UNKNOWN_URL_SCHEME (-302) loading '${url}'`);
    if (!r.response.ok) throw new Error(`ERR_HTTP_RESPONSE_CODE_FAILURE (-379) loading '${url}'`);
  }

  /**
   * Runs the window's preload as Electron runs a sandboxed one: its source wrapped in a function
   * whose `require` knows only 'electron' (the renderer side: contextBridge, ipcRenderer), 'events',
   * 'timers' and 'url'.
   */
  runPreload(): void {
    const file = this.window.options.webPreferences?.preload;
    this.world?.renderer.removeAllListeners();
    this.world = null;
    if (!file) return;
    const world: PreloadWorld = { exposed: new Map(), renderer: new EventEmitter() };
    const mod = this.si.rendererModule(this, this.mainFrame, world);
    const sandboxRequire = (id: string) => {
      if (id === 'electron') return mod;
      if (id === 'events' || id === 'timers' || id === 'url') return nodeRequire(id) as unknown;
      throw new Error(`module not found: ${id}`);
    };
    const run = compileFunction(readFileSync(file, 'utf8'), ['require', 'module', 'exports', 'process', 'Buffer', 'global'], { filename: file }) as (...a: unknown[]) => void;
    const module = { exports: {} };
    run(sandboxRequire, module, module.exports, process, Buffer, globalThis);
    this.world = world;
  }
}

export class StandInWindow extends EventEmitter {
  title = '';
  shown = false;
  minimized = false;
  focused = 0;
  destroyed = false;
  readonly contents: StandInContents;
  readonly proxy: StandInWindow;
  readonly attached: Promise<void>;

  constructor(
    private readonly si: StandIn,
    readonly options: WindowOptions,
  ) {
    super();
    si.assertReady('new BrowserWindow');
    const partition = options.webPreferences?.partition ?? '';
    this.contents = new StandInContents(si, this, si.sessionFor(partition));
    this.proxy = strict(si.rec, 'BrowserWindow', this);
    si.windows.push(this);
    this.attached = si.driver ? si.driver.attach(this.contents) : Promise.resolve();
    si.app.emit('web-contents-created', electronEvent(si.rec, {}), this.contents.proxy);
  }

  get webContents(): StandInContents {
    return this.contents.proxy;
  }

  async loadURL(url: string): Promise<void> {
    if (this.destroyed) throw new Error('Object has been destroyed');
    await this.attached;
    await this.contents.load(url);
    if (!this.shownOnce) {
      this.shownOnce = true;
      this.emit('ready-to-show', electronEvent(this.si.rec, {}));
    }
  }
  private shownOnce = false;

  setTitle(title: string): void {
    this.title = title;
  }
  show(): void {
    this.shown = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  focus(): void {
    this.focused++;
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.contents.world?.renderer.removeAllListeners();
    if (this.si.driver) this.si.track(this.si.driver.detach(this.contents));
    this.si.windows.splice(this.si.windows.indexOf(this), 1);
    this.emit('closed', electronEvent(this.si.rec, {}));
    if (this.si.windows.length === 0 && !this.si.quitting) this.si.app.emit('window-all-closed', electronEvent(this.si.rec, {}));
  }
}

class StandInApp extends EventEmitter {
  isPackaged = false;
  sandboxed = false;
  private readyResolve!: () => void;
  private readonly readyPromise = new Promise<void>((r) => (this.readyResolve = r));

  constructor(private readonly si: StandIn) {
    super();
  }
  enableSandbox(): void {
    if (this.si.isReady) throw new Error('app.enableSandbox() can only be called before app is ready');
    this.sandboxed = true;
  }
  requestSingleInstanceLock(): boolean {
    this.si.lockRequested = true;
    return !this.si.options.otherInstance;
  }
  quit(): void {
    this.si.quit();
  }
  isReady(): boolean {
    return this.si.isReady;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  markReady(): void {
    this.readyResolve();
    this.emit('ready', electronEvent(this.si.rec, {}), {});
  }
}

/** The whole stand-in: the module object(s) the shell gets, and the controls a test uses. */
export class StandIn {
  readonly rec = new Recorder();
  readonly windows: StandInWindow[] = [];
  readonly privileged: { scheme: string; privileges: object }[] = [];
  readonly ipcHandlers = new Map<string, Listener>();
  readonly errorBoxes: { title: string; content: string }[] = [];
  readonly opened: string[] = [];
  readonly blocked: string[] = [];
  readonly sealed: string[] = [];
  appMenu: { items: MenuItem[] } | null = null;
  isReady = false;
  lockRequested = false;
  quitting = false;
  quitted = false;
  readonly app: StandInApp;
  readonly driver?: Driver;
  private readonly sessions = new Map<string, StandInSession>();
  private readonly pending: PendingDialog[] = [];
  private readonly dialogWaiters: ((d: PendingDialog) => void)[] = [];
  private readonly background = new Set<Promise<unknown>>();
  /** The `electron` module as the main process sees it. */
  readonly module: object;

  constructor(readonly options: StandInOptions = {}) {
    this.driver = options.driver;
    this.app = new StandInApp(this);
    this.sessions.set('', new StandInSession(this, ''));
    this.module = this.mainModule();
  }

  assertReady(what: string): void {
    if (!this.isReady) throw new Error(`${what}: cannot be used before the app is ready (Electron refuses it)`);
  }

  sessionFor(partition: string): StandInSession {
    let s = this.sessions.get(partition);
    if (!s) this.sessions.set(partition, (s = new StandInSession(this, partition)));
    return s;
  }

  get defaultSession(): StandInSession {
    return this.sessionFor('');
  }

  /** Keeps a driver's background work visible to `settle()`. */
  track(p: Promise<unknown>): void {
    const t = p.catch((e: unknown) => this.rec.record('stand-in.background-error', [String(e)])).finally(() => this.background.delete(t));
    this.background.add(t);
  }

  async settle(): Promise<void> {
    while (this.background.size) await Promise.all([...this.background]);
  }

  private mainModule(): object {
    const si = this; // eslint-disable-line @typescript-eslint/no-this-alias -- the module's functions are Electron's, not methods of StandIn
    const rec = this.rec;
    const app = strict(rec, 'App', this.app);
    const BrowserWindow = strict(
      rec,
      'BrowserWindow',
      function BrowserWindow(options: WindowOptions) {
        rec.record('new BrowserWindow', [options]);
        return new StandInWindow(si, options ?? {}).proxy;
      } as unknown as object,
      'statics',
    );
    const session = strict(
      rec,
      'Session',
      {
        fromPartition: (partition: string) => {
          si.assertReady('session.fromPartition');
          return si.sessionFor(partition).proxy;
        },
        get defaultSession() {
          si.assertReady('session.defaultSession');
          return si.defaultSession.proxy;
        },
      },
      'statics',
    );
    const ipcMain = strict(rec, 'IpcMain', {
      handle(channel: string, handler: Listener) {
        if (si.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        si.ipcHandlers.set(channel, handler);
      },
    });
    const dialog = strict(rec, 'Dialog', {
      showErrorBox(title: string, content: string) {
        si.errorBoxes.push({ title, content });
      },
      showSaveDialog: (...args: unknown[]) => si.dialog('save', args).then((p) => ({ canceled: p === null, filePath: p ?? '' })),
      showOpenDialog: (...args: unknown[]) => si.dialog('open', args).then((p) => ({ canceled: p === null, filePaths: p === null ? [] : [p] })),
    });
    const Menu = strict(
      rec,
      'Menu',
      {
        buildFromTemplate: (template: MenuItem[]) => strict(rec, 'Menu', { items: template }),
        setApplicationMenu: (menu: { items: MenuItem[] } | null) => void (si.appMenu = menu),
      },
      'statics',
    );
    const shell = strict(rec, 'Shell', {
      openExternal: async (url: string) => void si.opened.push(url),
    });
    const safeStorage = strict(rec, 'SafeStorage', {
      isEncryptionAvailable: () => si.options.encryptionAvailable ?? true,
      encryptString: (plain: string) => (si.sealed.push(plain), Buffer.from(`stand-in-sealed:${Buffer.from(plain).toString('base64')}`)),
      decryptString: (sealed: Buffer) => {
        const text = sealed.toString();
        if (!text.startsWith('stand-in-sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
        return Buffer.from(text.slice('stand-in-sealed:'.length), 'base64').toString();
      },
    });
    const protocol = this.defaultSession.protocol;
    return strictModule(rec, { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell });
  }

  /** The renderer side of `electron` for one document's preload: contextBridge and ipcRenderer. */
  rendererModule(contents: StandInContents, frame: StandInFrame, world: PreloadWorld): object {
    const rec = this.rec;
    const contextBridge = strict(rec, 'ContextBridge', {
      exposeInMainWorld(key: string, api: unknown) {
        if (world.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
        world.exposed.set(key, api);
      },
    });
    const ipcRenderer = strict(rec, 'IpcRenderer', {
      invoke: (channel: string, ...args: unknown[]) => this.invoke(contents, frame, channel, ...args),
      on(channel: string, listener: Listener) {
        world.renderer.on(channel, listener);
        return ipcRenderer;
      },
      removeListener(channel: string, listener: Listener) {
        world.renderer.removeListener(channel, listener);
        return ipcRenderer;
      },
    });
    return strictModule(rec, { contextBridge, ipcRenderer });
  }

  /**
   * ipcRenderer.invoke from `frame` of `contents`: arguments and answer structured-cloned, the
   * handler gets an IpcMainInvokeEvent naming the sender and its frame, as in Electron.
   */
  async invoke(contents: StandInContents, frame: StandInFrame, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.ipcHandlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    const event = strict(this.rec, 'IpcMainInvokeEvent', { sender: contents.proxy, senderFrame: frame });
    try {
      return structuredClone(await handler(event, ...structuredClone(args)));
    } catch (e) {
      throw new Error(`Error invoking remote method '${channel}': ${String(e)}`, { cause: e });
    }
  }

  // ---- controls for tests: the OS and the user ----

  ready(): void {
    this.isReady = true;
    this.app.markReady();
  }

  /** A second launch (`claimtrail other.claimtrail`) hands its argv to this instance. */
  secondInstance(argv: string[], cwd = process.cwd()): void {
    this.app.emit('second-instance', electronEvent(this.rec, {}), argv, cwd, {});
  }

  /** macOS: a .claimtrail opened in Finder. Returns whether the shell took it (preventDefault). */
  openFile(path: string): boolean {
    const event = electronEvent(this.rec, {});
    this.app.emit('open-file', event, path);
    return event.defaultPrevented;
  }

  /** macOS: the dock icon is clicked. */
  activate(): void {
    this.app.emit('activate', electronEvent(this.rec, {}), this.windows.length > 0);
  }

  /** The user closes a window. */
  closeWindow(win: StandInWindow): void {
    win.destroy();
  }

  quit(): void {
    if (this.quitting) return;
    this.quitting = true;
    for (const w of [...this.windows]) w.destroy();
    this.app.emit('will-quit', electronEvent(this.rec, {}));
    this.quitted = true;
  }

  dialog(kind: 'save' | 'open', args: unknown[]): Promise<string | null> {
    const win = this.windows.find((w) => w.proxy === args[0]) ?? null;
    const options = (win ? args[1] : args[0]) as Record<string, unknown>;
    if (args[0] !== undefined && !win && args.length > 1) throw new Error('dialog: the first argument is not a BrowserWindow');
    return new Promise((resolve) => {
      const d: PendingDialog = { kind, options, window: win, answer: resolve };
      const waiter = this.dialogWaiters.shift();
      if (waiter) waiter(d);
      else this.pending.push(d);
    });
  }

  /** The next dialog the shell opens (already open, or when it opens). */
  nextDialog(): Promise<PendingDialog> {
    const d = this.pending.shift();
    if (d) return Promise.resolve(d);
    return new Promise((resolve) => this.dialogWaiters.push(resolve));
  }

  /** The application menu's item at a label path, e.g. ('File', 'Open Recent', 'a.claimtrail'). */
  menuItem(...labels: string[]): MenuItem {
    let items = this.appMenu?.items ?? [];
    let item: MenuItem | undefined;
    for (const label of labels) {
      item = items.find((i) => i.label?.replace('&', '') === label);
      if (!item) throw new Error(`no menu item '${label}' in [${items.map((i) => i.label ?? i.role ?? i.type).join(', ')}]`);
      items = item.submenu ?? [];
    }
    return item!;
  }

  /** Clicks a menu item like the user: (menuItem, focused window, keyboard event). */
  clickMenu(...labels: string[]): void {
    const item = this.menuItem(...labels);
    if (item.enabled === false) throw new Error(`menu item '${labels.join(' > ')}' is disabled`);
    if (!item.click) throw new Error(`menu item '${labels.join(' > ')}' has no click handler`);
    item.click(item, this.windows[0]?.proxy, { triggeredByAccelerator: false });
  }
}

/** The module object: its exports are strict too (an export the stand-in lacks throws). */
function strictModule<T extends object>(rec: Recorder, exports: T): T {
  return new Proxy(exports, {
    get(t, prop) {
      if (typeof prop === 'symbol' || prop === '__esModule' || prop === 'then' || prop === 'default') return Reflect.get(t, prop) as unknown;
      if (!(prop in t)) rec.miss(`require('electron').${prop}`);
      return Reflect.get(t, prop) as unknown;
    },
  });
}
