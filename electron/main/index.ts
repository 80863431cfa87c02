/**
 * ClaimTrail's Electron main process: one hardened window, the renderer from app://claimtrail/,
 * the case in a database worker thread, and the contract over one checked IPC channel.
 */
import { app, BrowserWindow, dialog } from 'electron';
import { caseToOpen } from '../../db/host/open-default';
import { CaseSession } from './case-session';
import { registerBriefingPdf } from './briefing-pdf';
import { fileActions } from './file-actions';
import { hardenApp } from './hardening';
import { registerIpc, senderCheck } from './ipc';
import { buildMenu } from './menu';
import { bundlePaths, caseFromArgv } from './paths';
import { APP_ENTRY, windowOptions } from './policy';
import { registerAppScheme, serveApp } from './protocol';

const paths = bundlePaths(__dirname);
let win: BrowserWindow | null = null;
const getWindow = () => win;

const cases = new CaseSession(
  paths.worker,
  (p) => win?.webContents.send('progress', p),
  () => {
    win?.setTitle(cases.title);
    win?.webContents.reload();
    menu();
  },
);
const actions = fileActions(cases, getWindow);
const menu = () => buildMenu(actions);

function createWindow(): void {
  // Electronegativity cannot see through windowOptions(): contextIsolation, sandbox and Auxclick are set
  // there and asserted by tests/electron/policy.test.ts (see tests/electron/electronegativity-allowlist.json).
  win = new BrowserWindow(windowOptions(paths.preload));
  win.setTitle(cases.title);
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => (win = null));
  void win.loadURL(APP_ENTRY);
}

async function start(): Promise<void> {
  hardenApp();
  serveApp(paths.renderer);
  registerIpc(getWindow, cases);
  registerBriefingPdf(getWindow, cases, senderCheck(getWindow));
  const requested = caseFromArgv(process.argv);
  try {
    await cases.open(caseToOpen(requested ?? undefined));
  } catch (e) {
    dialog.showErrorBox('ClaimTrail — Open case', e instanceof Error ? e.message : String(e));
    if (requested) await cases.open(caseToOpen(undefined)).catch(() => undefined);
  }
  menu();
  createWindow();
}

app.enableSandbox();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.on('second-instance', (_event, argv) => {
    const path = caseFromArgv(argv);
    if (path) actions.openPath(path);
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (app.isReady()) actions.openPath(path);
    else process.argv.push(path);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!win && app.isReady()) createWindow();
  });
  app.on('will-quit', () => void cases.close());
  void app.whenReady().then(start);
}
