/**
 * The stand-in's browser: each BrowserWindow becomes a page of Debian's Chromium (playwright-core),
 * whose every request goes through the window's session as in Electron — the shell's webRequest
 * filter first, then the shell's own protocol handler (app://, the PDF window's scheme), headers
 * included. Chromium cannot load a custom scheme without Electron, so `scheme://host/path` is shown
 * at `https://host.scheme.invalid/path` (a standard, secure origin, as app:// is registered) and
 * mapped back wherever the shell looks (frame URLs, navigation events, the handlers' requests).
 *
 * The preload runs in Node, as a sandboxed preload (StandInContents.runPreload), once per document;
 * what it exposes with contextBridge appears in the page's main frame (not in sub-frames) as
 * functions that cross to it through a playwright binding. Like contextBridge, functions passed as
 * arguments (listeners) are called back in the page; a call that passes a listener returns its
 * disposer at once (the bridge's onProgress), every other call answers with a promise.
 */
import type { Browser, BrowserContext, Frame, Page, Request, Route } from 'playwright-core';
import { type Driver, type StandInContents } from './electron';
import { electronEvent, strict } from './strict';

/** app://claimtrail/index.html → https://claimtrail.app.invalid/index.html; http(s), data: and about: stay. */
export function toChromiumUrl(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/i.exec(url);
  if (!m || /^(https?|data|about|blob)$/i.test(m[1]!)) return url;
  return `https://${m[2]}.${m[1]}.invalid${m[3] || '/'}`;
}

/** The way back: https://claimtrail.app.invalid/x → app://claimtrail/x. */
export function toElectronUrl(url: string): string {
  const m = /^https:\/\/([^/?#]+)\.([a-z][a-z0-9+-]*)\.invalid(.*)$/i.exec(url);
  return m ? `${m[2]}://${m[1]}${m[3]}` : url;
}

interface Shown {
  context: BrowserContext;
  page: Page;
  /** The Chromium URL loadURL/reload is about to navigate to (not a will-navigate). */
  expected: string | null;
  /** Disposers returned by calls that registered a listener, by call id. */
  returned: Map<number, () => unknown>;
}

type Shape = Record<string, Record<string, 'function' | { value: unknown }>>;

interface BridgeCall {
  key?: string;
  member?: string;
  args?: unknown[];
  callId?: number;
  /** Dispose what call `returned` registered. */
  returned?: number;
}

/**
 * Runs in every frame before the page's scripts: the exposed APIs, in the top frame only (browser
 * code as text: the Node build of the tests has no DOM types).
 */
const SHIM = `(shape) => {
  if (window !== window.top) return;
  const call = window.__standInBridge;
  const callbacks = new Map();
  let nextCallback = 1;
  let nextCall = 1;
  Object.defineProperty(window, '__standInCallback', { value: (id, args) => { const f = callbacks.get(id); if (f) f(...args); } });
  const pass = (args) => args.map((a) => {
    if (typeof a !== 'function') return a;
    callbacks.set(nextCallback, a);
    return { __standInCallback: nextCallback++ };
  });
  const member = (key, name) => (...args) => {
    const callId = nextCall++;
    const registers = args.some((a) => typeof a === 'function');
    const answer = call({ key, member: name, args: pass(args), callId });
    if (registers) return () => void call({ returned: callId });
    return answer.then((a) => a.value);
  };
  for (const [key, members] of Object.entries(shape)) {
    const api = {};
    for (const [name, kind] of Object.entries(members)) api[name] = kind === 'function' ? member(key, name) : kind.value;
    Object.defineProperty(window, key, { value: Object.freeze(api), enumerable: true });
  }
}`;

export class ChromiumDriver implements Driver {
  private readonly shown = new Map<StandInContents, Shown>();
  /** Page errors and console errors of every window, as `url: message`. */
  readonly errors: string[] = [];
  /** Every document response served, with its headers (Electron URL). */
  readonly documents: { url: string; status: number; headers: Record<string, string> }[] = [];

  constructor(private readonly browser: Browser) {}

  /** The Chromium page showing a window's contents. */
  page(contents: StandInContents): Page {
    const s = this.shown.get(contents);
    if (!s) throw new Error('this window has no page');
    return s.page;
  }

  async attach(contents: StandInContents): Promise<void> {
    const prefs = contents.window.options.webPreferences ?? {};
    const context = await this.browser.newContext({ javaScriptEnabled: prefs.javascript !== false, viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    const shown: Shown = { context, page: null as unknown as Page, expected: null, returned: new Map() };
    this.shown.set(contents, shown);
    await context.route('**/*', (route) => this.route(contents, shown, route));
    if (prefs.preload) {
      contents.runPreload(); // what it exposes shapes the page's bridge; it runs again for every document
      await context.exposeBinding('__standInBridge', (source: { frame: Frame }, call: BridgeCall) => this.bridge(contents, shown, source.frame, call));
      await context.addInitScript(`(${SHIM})(${JSON.stringify(shapeOf(contents))})`);
    }
    // Chromium has made the popup's page before anyone could ask: close it (newWindow asks the shell).
    context.on('page', (p) => void p.opener().then((opener) => opener && p.close()));
    shown.page = await context.newPage();
    shown.page.on('pageerror', (e) => this.errors.push(`${shown.page.url()}: ${e.message}`));
    shown.page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(`${shown.page.url()}: ${m.text()}`);
    });
    contents.frameUrl = () => toElectronUrl(shown.page.mainFrame().url());
  }

  async load(contents: StandInContents, url: string): Promise<void> {
    const shown = this.shown.get(contents)!;
    shown.expected = toChromiumUrl(url);
    const r = await shown.page.goto(shown.expected);
    if (!r || !r.ok()) throw new Error(`loading '${url}' failed (${r?.status() ?? 'no response'})`);
  }

  async reload(contents: StandInContents): Promise<void> {
    const shown = this.shown.get(contents)!;
    shown.expected = shown.page.url();
    await shown.page.reload();
  }

  async printToPDF(contents: StandInContents, o: Record<string, unknown>): Promise<Buffer> {
    const margins = (o.margins ?? {}) as Record<string, number>;
    const inch = (v: number | undefined) => (v === undefined ? undefined : `${v}in`);
    return this.page(contents).pdf({
      format: typeof o.pageSize === 'string' ? o.pageSize : undefined,
      landscape: o.landscape as boolean | undefined,
      printBackground: o.printBackground as boolean | undefined,
      margin: { top: inch(margins.top), bottom: inch(margins.bottom), left: inch(margins.left), right: inch(margins.right) },
      displayHeaderFooter: o.displayHeaderFooter as boolean | undefined,
      headerTemplate: o.headerTemplate as string | undefined,
      footerTemplate: o.footerTemplate as string | undefined,
      tagged: o.generateTaggedPDF as boolean | undefined,
      outline: o.generateDocumentOutline as boolean | undefined,
    });
  }

  async detach(contents: StandInContents): Promise<void> {
    const shown = this.shown.get(contents);
    this.shown.delete(contents);
    await shown?.context.close();
  }

  /** Every request of the page, as Electron would handle it for the window's session. */
  private async route(contents: StandInContents, shown: Shown, route: Route): Promise<void> {
    const request = route.request();
    const url = toElectronUrl(request.url());
    if (request.isNavigationRequest() && opensWindow(request)) return this.newWindow(contents, url, route);
    if (request.isNavigationRequest() && request.frame() === shown.page?.mainFrame()) {
      if (shown.expected === request.url()) shown.expected = null;
      else {
        // A navigation the page started itself: Electron asks the shell first.
        const frameEvent = electronEvent(contents.si.rec, { url }, 'WebContentsWillFrameNavigateEventParams');
        contents.emit('will-frame-navigate', frameEvent);
        const event = electronEvent(contents.si.rec, {});
        contents.emit('will-navigate', event, url);
        if (frameEvent.defaultPrevented || event.defaultPrevented) return route.abort('aborted');
      }
    }
    const r = await contents.ses.request(url, { method: request.method(), resourceType: request.resourceType() });
    if (r.blocked) return route.abort('blockedbyclient');
    if (!r.response) {
      this.errors.push(`unserved request (no handler, and no network here): ${url}`);
      return route.abort('failed');
    }
    const headers: Record<string, string> = {};
    r.response.headers.forEach((v, k) => (headers[k] = v));
    if (request.resourceType() === 'document') this.documents.push({ url, status: r.response.status, headers });
    await route.fulfill({ status: r.response.status, headers, body: Buffer.from(await r.response.arrayBuffer()) });
  }

  /**
   * A window the page asked for (window.open, a target=_blank link): as in Electron, the shell's
   * window-open handler decides before anything loads. The stand-in opens no windows of its own.
   */
  private async newWindow(contents: StandInContents, url: string, route: Route): Promise<void> {
    const handler = contents.windowOpenHandler as ((d: object) => { action: string }) | null;
    const answer = handler ? handler(strict(contents.si.rec, 'HandlerDetails', { url })) : { action: 'allow' };
    await route.abort('aborted');
    if (answer.action !== 'deny') this.errors.push(`the shell allowed a new window for ${url}; the stand-in opens none`);
  }

  /** One call from the page to what the preload exposed (contextBridge). */
  private async bridge(contents: StandInContents, shown: Shown, frame: Frame, call: BridgeCall): Promise<{ value?: unknown }> {
    if (frame !== shown.page.mainFrame()) throw new Error('no preload runs in a sub-frame (nodeIntegrationInSubFrames is off)');
    if (call.returned !== undefined) {
      shown.returned.get(call.returned)?.();
      shown.returned.delete(call.returned);
      return {};
    }
    const api = contents.world?.exposed.get(call.key!) as Record<string, (...a: unknown[]) => unknown> | undefined;
    const fn = api?.[call.member!];
    if (typeof fn !== 'function') throw new Error(`the preload exposed no ${call.key}.${call.member}`);
    const args = (call.args ?? []).map((a) => {
      const id = (a as { __standInCallback?: number } | null)?.__standInCallback;
      if (typeof id !== 'number') return a;
      return (...cbArgs: unknown[]) => void frame.evaluate(`window.__standInCallback(${id}, ${JSON.stringify(cbArgs)})`).catch(() => undefined);
    });
    const result = fn.apply(api, args);
    if (typeof result === 'function') {
      shown.returned.set(call.callId!, result as () => unknown);
      return {};
    }
    return { value: await result };
  }
}

/** A navigation request of a window not yet made (playwright has no frame for it yet). */
function opensWindow(request: Request): boolean {
  try {
    request.frame();
    return false;
  } catch {
    return true;
  }
}

/** What the current preload world exposes: per key, its functions and plain values. */
function shapeOf(contents: StandInContents): Shape {
  const shape: Shape = {};
  for (const [key, api] of contents.world?.exposed ?? []) {
    if (typeof api !== 'object' || api === null) throw new Error(`the stand-in bridges exposed objects only (${key} is ${typeof api})`);
    shape[key] = Object.fromEntries(Object.entries(api).map(([k, v]) => [k, typeof v === 'function' ? 'function' : { value: structuredClone(v) }]));
  }
  return shape;
}
