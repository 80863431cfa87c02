/**
 * Loads the built desktop app as Electron would: `npm run build:electron`'s bundles (built by the
 * same esbuild script into a folder of dist/), `require`d as the main script with `electron`
 * resolved, by ordinary Node module resolution, to a node_modules folder next to the bundles that
 * holds only a hand-over to the stand-in. Nothing outside that folder sees the stand-in.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { ApiResult } from '../../../core/api';
import { buildRendererOnce } from '../../e2e/harness';
import { readState } from '../../../db/user-data';
// @ts-expect-error plain .mjs build script without type declarations
import { buildElectron } from '../../../scripts/build-electron.mjs';
import { StandIn, type StandInOptions, type StandInWindow } from './electron';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const KEY = Symbol.for('claimtrail.electron-stand-in');
const nodeRequire = createRequire(import.meta.url);

export interface Built {
  dir: string;
  main: string;
  preload: string;
  remove(): void;
}

/** The hand-over: what `require('electron')` returns to the bundles in this folder. */
const ALIAS = `'use strict';
// Test-only: the Electron stand-in (tests/electron/stand-in) handed over by the test that loads the app.
const standIn = globalThis[Symbol.for('claimtrail.electron-stand-in')];
if (!standIn) throw new Error('require("electron") outside a stand-in test');
module.exports = standIn.module;
`;

/**
 * Builds the bundles into dist/test-electron-XXXX/electron (inside the repository, so better-sqlite3
 * resolves from its node_modules as in the app), with dist/renderer linked where the packaged app
 * keeps it (bundlePaths: <dist>/renderer).
 */
export async function buildDesktop(): Promise<Built> {
  mkdirSync(`${ROOT}dist`, { recursive: true });
  const dir = mkdtempSync(`${ROOT}dist/test-electron-`);
  await (buildElectron as (out: string) => Promise<void>)(join(dir, 'electron'));
  mkdirSync(join(dir, 'node_modules', 'electron'), { recursive: true });
  writeFileSync(join(dir, 'node_modules', 'electron', 'package.json'), JSON.stringify({ name: 'electron', main: 'index.js' }));
  writeFileSync(join(dir, 'node_modules', 'electron', 'index.js'), ALIAS);
  symlinkSync(join(ROOT, 'dist', 'renderer'), join(dir, 'renderer'), 'dir');
  return {
    dir,
    main: join(dir, 'electron', 'main', 'index.js'),
    preload: join(dir, 'electron', 'preload', 'index.js'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Desktop {
  si: StandIn;
  /** The app window (the first window the shell opened). */
  readonly win: StandInWindow;
  /** One contract call over IPC from the app window's main frame, as the preload makes it. */
  call<T = unknown>(method: string, input?: unknown): Promise<ApiResult<T>>;
  /** Waits until the window's title names the case file (the shell sets it after each open). */
  showing(fileName: string): Promise<void>;
  /** Quits like the user (app.quit) and waits until the open case is closed (its WAL file is gone). */
  quit(): Promise<void>;
}

/**
 * Starts the bundled main process against a fresh stand-in: `argv` as given to Electron after the
 * app folder, `home` as the user data folder (CLAIMTRAIL_HOME). Call `desktop.si.ready()` to let
 * the app start, or use `launch`.
 */
export function loadMain(built: Built, opts: StandInOptions & { argv?: string[]; home: string }): Desktop {
  const g = globalThis as unknown as Record<symbol, StandIn | undefined>;
  if (g[KEY]) throw new Error('one stand-in desktop at a time: quit the previous one');
  const si = new StandIn(opts);
  g[KEY] = si;
  const savedArgv = process.argv;
  const savedHome = process.env.CLAIMTRAIL_HOME;
  process.env.CLAIMTRAIL_HOME = opts.home;
  // As `npm start` launches it: electron <app folder> [file.claimtrail]
  process.argv = [process.execPath, built.dir, ...(opts.argv ?? [])];
  for (const file of [built.main, join(built.dir, 'node_modules', 'electron', 'index.js')]) delete nodeRequire.cache[file];
  nodeRequire(built.main);
  const release = () => {
    process.argv = savedArgv;
    if (savedHome === undefined) delete process.env.CLAIMTRAIL_HOME;
    else process.env.CLAIMTRAIL_HOME = savedHome;
    g[KEY] = undefined;
  };
  return {
    si,
    get win() {
      const w = si.windows[0];
      if (!w) throw new Error('the shell has no window open');
      return w;
    },
    call<T>(method: string, input: unknown = {}) {
      const c = this.win.contents;
      return si.invoke(c, c.mainFrame, 'api', method, input) as Promise<ApiResult<T>>;
    },
    async showing(fileName: string) {
      await expect.poll(() => si.windows[0]?.title, { timeout: 60_000 }).toBe(`${fileName} — ClaimTrail`);
    },
    async quit() {
      const open = readState().recent[0];
      si.quit();
      await si.settle();
      try {
        if (open) await waitFor(() => !existsSync(`${open}-wal`), `${open} to be closed`);
      } finally {
        release();
      }
    },
  };
}

/** Waits (also in hooks, where expect.poll cannot run) until `ok()` holds; fails naming what it waited for. */
export async function waitFor(ok: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Loads main, makes the app ready and waits for the window to show the app. */
export async function launch(built: Built, opts: StandInOptions & { argv?: string[]; home: string }): Promise<Desktop> {
  const d = loadMain(built, opts);
  d.si.ready();
  await waitFor(() => d.si.windows[0]?.shown ?? false, 'the app window to show');
  return d;
}

/**
 * A test file's desktop: the renderer and the bundles built once before its tests; after each test
 * the desktop it started is quit, and the shell must not have touched an API the stand-in lacks.
 */
export function useDesktops(): { readonly built: Built; start(d: Desktop): Desktop; home(): string } {
  let built: Built | undefined;
  let current: Desktop | null = null;
  const homes: string[] = [];
  beforeAll(async () => {
    await buildRendererOnce();
    built = await buildDesktop();
  });
  afterAll(() => {
    built?.remove();
    // A worker stopped by quitting may still be letting go of a backup copy's files for a moment.
    for (const h of homes.splice(0)) rmSync(h, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  });
  afterEach(async () => {
    const d = current;
    current = null;
    if (!d) return;
    try {
      expect(d.si.rec.misses).toEqual([]);
      expect(d.si.rec.of('stand-in.background-error')).toEqual([]);
    } finally {
      await d.quit();
    }
  });
  return {
    get built() {
      if (!built) throw new Error('the desktop bundles are not built yet');
      return built;
    },
    start(d) {
      current = d;
      return d;
    },
    /** A fresh user data folder (CLAIMTRAIL_HOME), removed after the file's tests. */
    home() {
      const h = mkdtempSync(join(tmpdir(), 'claimtrail-home-'));
      homes.push(h);
      return h;
    },
  };
}
